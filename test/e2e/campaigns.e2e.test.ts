import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { closeDialog, openPage, openTab, overflowing, PHONE, setupBrowser, signIn } from './browser.ts';
import {
  addDays,
  apiAs,
  campaignThroughApi,
  enrolledOnDashboard,
  enrollInHanoi,
  hanoiPostOffice,
  hanoiTile,
  text,
  vietnamToday,
  vnDate,
  wallCounter,
} from './campaign-api.ts';

/** An option of an open antd list; a long list is virtual, so its visible items carry no role. */
const option = (page: Page, title: string) =>
  page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${title}"]`);

/** Puts a bridge point on air through the API, as the officer at that point would from their phone. */
async function checkInThroughApi(campaignId: number, name: string, attendance: number) {
  const officer = await apiAs('demo.trunguong');
  try {
    const wall = await officer.call<{ items: { id: number; name: string }[] }>(
      'GET',
      `/campaigns/${campaignId}/launch`,
    );
    const point = wall.items.find((b) => b.name === name)!;
    await officer.call('POST', `/bridges/${point.id}/check-in`, { live: true, attendance });
  } finally {
    await officer.dispose();
  }
}

const b = setupBrowser();

describe('a central officer runs the month of mobilization', () => {
  it('creates a campaign, opens the ceremony, gives the targets and sees an enrollment arrive live', async () => {
    const { context, page } = await openPage(b.browser, b.baseUrl);
    try {
      const today = vietnamToday();
      const name = `Tháng vận động thử ${Date.now()}`;
      await signIn(page, 'demo.trunguong', inject('e2e').demoPassword);
      await page.getByRole('navigation').getByRole('link', { name: 'Chiến dịch' }).click();
      await page.waitForURL((url) => url.pathname === '/chien-dich');

      // The form starts with the slogan; a ceremony outside the period comes back as the server says it.
      await page.getByRole('button', { name: 'Tạo chiến dịch' }).click();
      const drawer = page.getByRole('dialog');
      expect(await drawer.getByLabel('Chủ đề').inputValue()).toBe(
        'Bảo hiểm xã hội – điểm tựa của bạn và gia đình',
      );
      await drawer.getByLabel('Tên chiến dịch').fill(name);
      await drawer.getByLabel('Giờ lễ ra quân').fill(`${vnDate(addDays(today, 60))} 08:00`);
      await drawer.getByLabel('Giờ lễ ra quân').press('Tab');
      await drawer.getByRole('button', { name: 'Tạo chiến dịch' }).click();
      await drawer.getByText('phải nằm trong thời gian chiến dịch').first().waitFor();

      // The ceremony began at midnight today, so today's registrations count as the ceremony's.
      await drawer.getByLabel('Giờ lễ ra quân').fill(`${vnDate(today)} 00:00`);
      await drawer.getByLabel('Giờ lễ ra quân').press('Tab');
      await drawer.getByRole('button', { name: 'Tạo chiến dịch' }).click();
      await page.waitForURL(/\/chien-dich\/\d+$/);
      const campaignId = Number(new URL(page.url()).pathname.split('/').pop());
      await page.getByRole('heading', { name, level: 1 }).waitFor();

      // Lễ ra quân: the central bridge point, then on air with its attendance.
      await page.getByRole('tab', { name: 'Lễ ra quân' }).click();
      await page.getByText('Chưa có điểm cầu nào').waitFor();
      await page.getByRole('button', { name: 'Thêm điểm cầu' }).click();
      const bridge = page.getByRole('dialog');
      expect(await bridge.getByLabel('Tên điểm cầu').inputValue()).toBe('Điểm cầu trung tâm');
      await bridge.getByRole('button', { name: 'Thêm điểm cầu' }).click();
      const wall = page.getByRole('list', { name: 'Các điểm cầu' });
      const central = wall.getByRole('listitem', { name: 'Điểm cầu trung tâm' });
      await central.getByText('Chưa lên sóng').waitFor();
      await central.getByRole('button', { name: 'Lên sóng' }).click();
      const checkIn = page.getByRole('dialog', { name: /lên sóng/ });
      await checkIn.getByLabel('Số người dự').fill('500');
      await checkIn.getByRole('button', { name: 'Lên sóng' }).click();
      await central.getByText(/^Đã lên sóng/).waitFor();
      await expect.poll(() => text(central.locator('.camp-bridge-facts dd').first())).toBe('500');

      // Hà Nội rebroadcasts from the centre; a post office joins in person under Hà Nội.
      const office = await hanoiPostOffice();
      await page.getByRole('button', { name: 'Thêm điểm cầu' }).click();
      const provincial = page.getByRole('dialog');
      await provincial.getByText('Tỉnh', { exact: true }).waitFor();
      await provincial.getByText('Điểm cầu trung tâm (Trung ương)').waitFor();
      const host = provincial.getByRole('combobox', { name: 'Đơn vị chủ trì' });
      await host.click();
      await host.fill('Bảo hiểm xã hội Thành phố Hà Nội');
      await page.getByRole('option', { name: /^Bảo hiểm xã hội Thành phố Hà Nội · / }).click();
      await provincial.getByLabel('Tên điểm cầu').fill('Điểm cầu Hà Nội');
      await provincial.getByLabel('Tiếp sóng').check();
      await provincial.getByRole('button', { name: 'Thêm điểm cầu' }).click();
      await provincial.waitFor({ state: 'hidden' });
      await wall.getByRole('listitem', { name: 'Điểm cầu Hà Nội' }).getByText('Chưa lên sóng').waitFor();

      const officePoint = `Điểm cầu ${office.name}`;
      await page.getByRole('button', { name: 'Thêm điểm cầu' }).click();
      const local = page.getByRole('dialog');
      await local.getByRole('combobox', { name: 'Cấp điểm cầu' }).click();
      await option(page, 'Bưu cục').click();
      await local.getByRole('combobox', { name: 'Nối vào điểm cầu' }).click();
      await option(page, 'Điểm cầu Hà Nội (Tỉnh)').click();
      const localHost = local.getByRole('combobox', { name: 'Đơn vị chủ trì' });
      await localHost.click();
      await localHost.fill(office.name);
      await page
        .getByRole('option', { name: `${office.name} · ` })
        .first()
        .click();
      await local.getByLabel('Tên điểm cầu').fill(officePoint);
      await local.getByLabel('Trực tiếp').check();
      await local.getByLabel('Số người dự kiến').fill('120');
      await local.getByRole('button', { name: 'Thêm điểm cầu' }).click();
      await local.waitFor({ state: 'hidden' });
      const officeRow = wall.getByRole('listitem', { name: officePoint });
      await officeRow.getByText('Bưu cục', { exact: true }).waitFor();
      expect(await officeRow.getAttribute('class')).toContain('depth-2');

      // The projection screen: no menu, the figures large, each point in its band, live.
      await page.getByRole('link', { name: 'Mở màn hình trình chiếu' }).click();
      await page.waitForURL(new RegExp(`/chien-dich/${campaignId}/man-hinh-le-ra-quan$`));
      await page.getByRole('heading', { name, level: 1 }).waitFor();
      expect(await page.getByRole('navigation').count()).toBe(0);
      await expect.poll(() => wallCounter(page, 'Điểm cầu đã lên sóng')).toBe('1/3');
      expect(await wallCounter(page, 'Người dự')).toBe('500');
      expect(await wallCounter(page, 'Đăng ký từ khi bắt đầu lễ')).toBe('0');
      const band = (title: string) => page.getByRole('region', { name: title });
      await band('Điểm cầu trung ương')
        .getByRole('listitem', { name: 'Điểm cầu trung tâm' })
        .getByText(/^Đã lên sóng/)
        .waitFor();
      const hanoiTileOnWall = band('Điểm cầu tỉnh').getByRole('listitem', { name: 'Điểm cầu Hà Nội' });
      await hanoiTileOnWall.getByText('Chưa lên sóng').waitFor();
      await hanoiTileOnWall.getByText('Tiếp sóng').waitFor();
      const officeTile = band('Điểm cầu cơ sở và bưu cục').getByRole('listitem', { name: officePoint });
      await officeTile.getByText('Trực tiếp').waitFor();
      expect(await text(officeTile)).toContain('nối từ Điểm cầu Hà Nội');
      // Hà Nội goes on air from its own screen; the wall follows within seconds.
      await checkInThroughApi(campaignId, 'Điểm cầu Hà Nội', 80);
      await hanoiTileOnWall.getByText(/^Đã lên sóng/).waitFor({ timeout: 10_000 });
      await expect.poll(() => wallCounter(page, 'Điểm cầu đã lên sóng')).toBe('2/3');
      expect(await wallCounter(page, 'Người dự')).toBe('580');
      await page.getByRole('button', { name: 'Về trang chiến dịch' }).click();
      await page.waitForURL(/tab=le-ra-quan/);

      // Chỉ tiêu: 10,000 nationally, a proposal by potential, then given to the 34 provinces.
      await page.getByRole('tab', { name: 'Chỉ tiêu' }).click();
      await page.getByText('chưa có chỉ tiêu toàn quốc').waitFor();
      await page.getByLabel('Chỉ tiêu toàn quốc (người)').fill('10000');
      await page.getByRole('button', { name: 'Lưu chỉ tiêu' }).click();
      await page.getByText('Đã đặt chỉ tiêu toàn quốc 10.000 người.').waitFor();
      await page.getByRole('button', { name: 'Đề xuất phân bổ' }).click();
      const proposal = page.getByRole('region', { name: 'Đề xuất phân bổ chỉ tiêu' });
      await proposal.getByRole('row', { name: /Hà Nội/ }).waitFor();
      expect(await text(proposal.locator('.summary-row td').last())).toBe('10.000');
      await page.getByRole('button', { name: 'Giao chỉ tiêu' }).click();
      await page.getByText('Đã giao chỉ tiêu cho 34 đơn vị.').waitFor();
      const children = page.getByRole('region', { name: 'Chỉ tiêu cấp dưới' });
      const hanoiRow = children.getByRole('row', { name: /Hà Nội/ });
      await hanoiRow.waitFor();
      expect(await children.locator('tbody tr.ant-table-row').count()).toBe(34);

      // A province's figure above the national one is refused, in Vietnamese, and nothing is saved.
      await hanoiRow.getByRole('button', { name: /Sửa chỉ tiêu của .*Hà Nội/ }).click();
      await hanoiRow.getByLabel(/Chỉ tiêu của .*Hà Nội/).fill('20000');
      await hanoiRow.getByRole('button', { name: 'Lưu' }).click();
      await page.getByText('vượt chỉ tiêu cấp trên 10.000. Không có gì được lưu.').waitFor();
      await hanoiRow.getByLabel(/Chỉ tiêu của .*Hà Nội/).fill('1500');
      await hanoiRow.getByRole('button', { name: 'Lưu' }).click();
      await hanoiRow.getByText('điều chỉnh tay').waitFor();
      await hanoiRow.getByRole('button', { name: /Trả chỉ tiêu của .*Hà Nội/ }).click();
      await expect.poll(() => hanoiRow.getByText('điều chỉnh tay').count()).toBe(0);

      // Into Hà Nội: its figure split between its offices and the province's post network.
      const hanoiTarget = await text(hanoiRow.locator('.cell-strong'));
      await hanoiRow.getByRole('button', { name: /^Bảo hiểm xã hội .*Hà Nội$/ }).click();
      await page.locator('.camp-crumbs').getByText('Bảo hiểm xã hội Thành phố Hà Nội').waitFor();
      await page.getByText('Chưa giao chỉ tiêu cho cấp dưới.').waitFor();
      await page.getByRole('button', { name: 'Đề xuất phân bổ' }).click();
      await proposal.getByRole('row', { name: /Bưu điện Thành phố Hà Nội/ }).waitFor();
      expect(await text(proposal.locator('.summary-row td').last())).toBe(hanoiTarget);
      const units = await proposal.locator('tbody tr.ant-table-row').count();
      expect(units).toBeGreaterThan(1);
      await page.getByRole('button', { name: 'Giao chỉ tiêu' }).click();
      await page.getByText(`Đã giao chỉ tiêu cho ${units} đơn vị.`).waitFor();
      await children.getByRole('row', { name: /Bưu điện Thành phố Hà Nội/ }).waitFor();
      expect(await children.locator('tbody tr.ant-table-row').count()).toBe(units);
      const given = await children.locator('tbody tr.ant-table-row .cell-strong').allTextContents();
      expect(given.reduce((sum, n) => sum + Number(n.replace(/\D/g, '')), 0)).toBe(
        Number(hanoiTarget.replace(/\D/g, '')),
      );

      // Điều hành: nobody yet; an enrollment made for the campaign appears within seconds.
      await page.getByRole('tab', { name: 'Điều hành' }).click();
      await expect.poll(() => enrolledOnDashboard(page)).toBe('0');
      // The map's figures refresh on their own tick: the province's target shows on a later one.
      await expect
        .poll(() => hanoiTile(page).getAttribute('aria-label'), { timeout: 10_000 })
        .toMatch(/Hà Nội: 0 người đăng ký, đạt 0,0% chỉ tiêu/);
      await enrollInHanoi(campaignId);
      await expect.poll(() => enrolledOnDashboard(page), { timeout: 8_000 }).toBe('1');
      await expect
        .poll(() => hanoiTile(page).getAttribute('aria-label'), { timeout: 8_000 })
        .toMatch(/Hà Nội: 1 người đăng ký, đạt [\d,]+% chỉ tiêu [\d.]+$/);
      await page.getByText(/^Số liệu lúc \d{2}:\d{2}:\d{2}$/).waitFor();

      // A tap on Hà Nội turns the dashboard to the province, in the address too, with the way back.
      await hanoiTile(page).click();
      await page.waitForURL(/province=01/);
      await page
        .getByRole('navigation', { name: 'Cấp đang xem' })
        .getByRole('button', { name: 'Toàn quốc' })
        .waitFor();
      await expect.poll(() => enrolledOnDashboard(page)).toBe('1');

      // The press paragraph on its own tab names the campaign and its count, ready to copy.
      await page.getByRole('tab', { name: 'Tin báo chí' }).click();
      const bulletin = page.getByRole('region', { name: 'Tin cho báo chí' });
      await bulletin.getByText(/^Tính đến/).waitFor();
      expect(await text(bulletin)).toContain(name);
      await expect
        .poll(() => text(bulletin), { timeout: 15_000 })
        .toContain('đã vận động được 1 người tham gia bảo hiểm xã hội tự nguyện');
      await page.getByRole('button', { name: 'Chép đoạn tin' }).waitFor();
    } finally {
      await context.close();
    }
  }, 240_000);
});

describe('the campaign dashboard on a 360-pixel phone', () => {
  it('fits the screen on every tab', async () => {
    const campaignId = await campaignThroughApi(`Chiến dịch trên điện thoại ${Date.now()}`);
    await enrollInHanoi(campaignId);

    const { context, page } = await openPage(b.browser, b.baseUrl, PHONE);
    try {
      await signIn(page, 'demo.trunguong', inject('e2e').demoPassword);
      await page.goto(`/chien-dich/${campaignId}`);
      await expect.poll(() => enrolledOnDashboard(page)).toBe('1');
      await hanoiTile(page).waitFor();
      await page.locator('.camp-board canvas').first().waitFor();
      expect(await overflowing(page)).toEqual([]);

      for (const [tab, ready] of [
        ['Lễ ra quân', 'Điểm cầu trung tâm Hà Nội'],
        ['Chỉ tiêu', 'Chỉ tiêu cấp dưới'],
        ['Hoạt động', 'Chưa ghi nhận hoạt động nào.'],
        ['Tin báo chí', 'Số liệu của đoạn tin'],
        ['Thông tin', 'Tổng công ty Bưu điện Việt Nam'],
      ] as const) {
        await openTab(page, tab);
        await page.getByText(ready).first().waitFor();
        expect(await overflowing(page), tab).toEqual([]);
      }

      // The projection screen works in a hand too: the enrollment counts since the ceremony began.
      await page.goto(`/chien-dich/${campaignId}/man-hinh-le-ra-quan`);
      await expect.poll(() => wallCounter(page, 'Đăng ký từ khi bắt đầu lễ')).toBe('1');
      expect(await wallCounter(page, 'BHXH tự nguyện')).toBe('1');
      expect(await wallCounter(page, 'BHYT hộ gia đình')).toBe('0');
      await page
        .getByRole('region', { name: 'Điểm cầu trung ương' })
        .getByRole('listitem', { name: 'Điểm cầu trung tâm Hà Nội' })
        .getByText('Chưa lên sóng')
        .waitFor();
      expect(await overflowing(page)).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);
});

describe('the campaign record', () => {
  it('shows the organisers and the legal basis, and the central office corrects them', async () => {
    const today = vietnamToday();
    const campaignId = await campaignThroughApi(`Chiến dịch cần sửa ${Date.now()}`);
    const { context, page } = await openPage(b.browser, b.baseUrl);
    try {
      await signIn(page, 'demo.trunguong', inject('e2e').demoPassword);
      await page.goto(`/chien-dich/${campaignId}?tab=thong-tin`);
      const record = page.getByRole('region', { name: 'Thông tin chiến dịch' });
      await record.getByText('Tổng công ty Bưu điện Việt Nam').waitFor();
      expect(await text(record)).toContain('Bảo hiểm xã hội Việt Nam');
      expect(await text(record)).toContain(`${vnDate(addDays(today, -3))} – ${vnDate(addDays(today, 27))}`);
      expect(await text(record)).toMatch(/Căn cứ\s*Chưa ghi/);

      await page.getByRole('button', { name: 'Sửa thông tin' }).click();
      const drawer = page.getByRole('dialog');
      await drawer.getByText('Sửa chiến dịch').waitFor();
      expect(await drawer.getByLabel('Tên chiến dịch').inputValue()).toMatch(/^Chiến dịch cần sửa/);
      expect(await drawer.getByLabel('Giờ lễ ra quân').inputValue()).toBe(
        `${vnDate(addDays(today, -3))} 08:00`,
      );
      // A field left empty is caught before sending; the server's refusal shows on its field.
      await drawer.getByLabel('Tên chiến dịch').fill('');
      await drawer.getByRole('button', { name: 'Lưu thay đổi' }).click();
      await drawer.getByText('Vui lòng nhập tên chiến dịch').waitFor();
      const renamed = `Tháng vận động đã sửa ${Date.now()}`;
      await drawer.getByLabel('Tên chiến dịch').fill(renamed);
      await drawer.getByLabel('Căn cứ').fill('Kế hoạch liên tịch số 1234/KHLT-BHXH-BĐVN');
      await drawer.getByLabel('Giờ lễ ra quân').fill(`${vnDate(addDays(today, 60))} 08:00`);
      await drawer.getByLabel('Giờ lễ ra quân').press('Tab');
      await drawer.getByRole('button', { name: 'Lưu thay đổi' }).click();
      await drawer.getByText('phải nằm trong thời gian chiến dịch').first().waitFor();
      await drawer.getByLabel('Giờ lễ ra quân').fill(`${vnDate(today)} 07:30`);
      await drawer.getByLabel('Giờ lễ ra quân').press('Tab');
      await drawer.getByRole('button', { name: 'Lưu thay đổi' }).click();
      await drawer.waitFor({ state: 'hidden' });

      await record.getByText('Kế hoạch liên tịch số 1234/KHLT-BHXH-BĐVN').waitFor();
      expect(await text(record)).toContain(`${vnDate(today)} 07:30`);
      await page.getByRole('heading', { name: renamed, level: 1 }).waitFor();
    } finally {
      await context.close();
    }
  }, 90_000);
});

describe('a provincial officer on the ground', () => {
  it('joins the ceremony with a bridge point, logs a convoy, ticks its checklist and takes it back', async () => {
    const campaignId = await campaignThroughApi(`Chiến dịch của tỉnh ${Date.now()}`);
    const { context, page } = await openPage(b.browser, b.baseUrl);
    try {
      await signIn(page, 'demo.tinh', inject('e2e').demoPassword);
      await page.goto(`/chien-dich/${campaignId}?tab=le-ra-quan`);

      // Only the central office adds the central point: the form offers the levels below it.
      await page.getByRole('button', { name: 'Thêm điểm cầu' }).click();
      const bridge = page.getByRole('dialog');
      await bridge.getByText('Tỉnh', { exact: true }).waitFor();
      await bridge.getByLabel('Tên điểm cầu').fill('Điểm cầu Hà Nội');
      await bridge.getByRole('button', { name: 'Thêm điểm cầu' }).click();
      const point = page
        .getByRole('list', { name: 'Các điểm cầu' })
        .getByRole('listitem', { name: 'Điểm cầu Hà Nội' });
      await point.getByText('Chưa lên sóng').waitFor();
      await point.getByText('Tỉnh', { exact: true }).waitFor();

      // A convoy with its vehicles; it carries the safety checklist of a convoy.
      await page.getByRole('tab', { name: 'Hoạt động' }).click();
      await page.getByText('Chưa ghi nhận hoạt động nào.').waitFor();
      await page.getByRole('button', { name: 'Ghi nhận hoạt động' }).click();
      const form = page.getByRole('dialog');
      await form.getByLabel('Tên hoạt động').fill('Đoàn xe qua 5 xã ven đô');
      await form.getByLabel('Số ô tô').fill('5');
      await form.getByLabel('Số xe máy').fill('40');
      // One entry for the two convoys that ran that day.
      await form.getByLabel('Số đoàn xe').fill('2');
      await form.getByRole('button', { name: 'Ghi nhận' }).click();
      const row = page.getByRole('row', { name: /Đoàn xe qua 5 xã ven đô/ });
      await row.getByText('2 đoàn · 5 ô tô · 40 xe máy').waitFor();

      await row.getByRole('button', { name: 'Danh mục kiểm tra của “Đoàn xe qua 5 xã ven đô”' }).click();
      const checks = page.getByRole('dialog');
      await checks.getByText('Kiểm tra: Đoàn xe qua 5 xã ven đô').waitFor();
      const item = 'Phương án bảo đảm an toàn giao thông';
      await checks.getByRole('button', { name: `Xác nhận: ${item}` }).click();
      await checks.getByText(/Trần Thị Thu Hà xác nhận lúc/).waitFor();
      await checks.getByRole('button', { name: `Hoàn tác xác nhận: ${item}` }).click();
      await checks.getByRole('button', { name: `Xác nhận: ${item}` }).waitFor();
      await closeDialog(checks);

      // The dashboard counts the convoy among the province's activities.
      await page.getByRole('tab', { name: 'Điều hành' }).click();
      const kpis = page.locator('.ant-card').filter({ hasText: 'Hoạt động tuyên truyền' });
      // Each figure is a <dt> and its <dd> in one row of the card's list.
      const kpi = (term: string) =>
        text(kpis.locator('.camp-kpis > div').filter({ hasText: term }).locator('dd'));
      await expect.poll(() => kpi('Ô tô')).toBe('5');
      // The entry stands for two convoys.
      expect(await kpi('Đoàn xe diễu hành')).toBe('2');

      await page.getByRole('tab', { name: 'Hoạt động' }).click();
      await page.getByRole('button', { name: 'Xóa “Đoàn xe qua 5 xã ven đô”' }).click();
      await page.getByRole('button', { name: 'Xóa', exact: true }).click();
      await page.getByText('Chưa ghi nhận hoạt động nào.').waitFor();
    } finally {
      await context.close();
    }
  });
});

describe('the demo', () => {
  it('replays May 2022 in the background, and its dashboard and bulletin show the month', async () => {
    const { context, page } = await openPage(b.browser, b.baseUrl);
    try {
      await signIn(page, 'demo.trunguong', inject('e2e').demoPassword);
      await page.goto('/chien-dich');
      // Generated after start (at 2% of its size in these tests): the list refreshes when it is there.
      const replay = page.getByText('Tháng vận động triển khai BHXH toàn dân năm 2022').first();
      await replay.waitFor({ timeout: 90_000 });
      await replay.click();
      await page.waitForURL(/\/chien-dich\/\d+$/);
      await page.getByRole('tab', { name: 'Tin báo chí' }).click();
      // 2% of 22,000 on the day and 11,000 after it.
      const bulletin = page.locator('.camp-bulletin');
      await bulletin.waitFor();
      expect(await text(bulletin)).toContain(
        'Kết thúc Tháng vận động triển khai BHXH toàn dân năm 2022 (từ 01/05/2022 đến 31/05/2022), toàn quốc đã vận động được 660 người tham gia bảo hiểm xã hội tự nguyện và 1.440 người tham gia bảo hiểm y tế hộ gia đình, đạt 6,6% chỉ tiêu 10.000 người.',
      );

      // As of the end of Q1/2022, with the denominators: the coverage sentence as the press wrote it.
      const asOf = page.getByLabel('Tính đến ngày');
      await asOf.fill('31/03/2022');
      await asOf.press('Enter');
      await expect
        .poll(() => text(bulletin))
        .toContain(
          'Tính đến hết quý I/2022, cả nước đã có hơn 16,4 triệu người tham gia bảo hiểm xã hội, đạt 32,47% lực lượng lao động trong độ tuổi, tăng 2,77% so với cùng kỳ năm 2021. Trong đó, số người tham gia bảo hiểm xã hội tự nguyện đạt gần 1,3 triệu người, tăng 16,09%.',
        );
    } finally {
      await context.close();
    }
  });
});
