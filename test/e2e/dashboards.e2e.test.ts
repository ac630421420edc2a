import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { openPage, overflowing, PHONE, setupBrowser, signIn } from './browser.ts';
import {
  campaignThroughApi,
  enrolledOnDashboard,
  enrollInHanoi,
  hanoiAgent,
  hanoiPostOffice,
  hanoiTile,
  text,
} from './campaign-api.ts';

const b = setupBrowser();

const heading = (page: Page) => text(page.locator('.camp-scope-name'));
const trail = (page: Page) => page.getByRole('navigation', { name: 'Cấp đang xem' });

describe('the live dashboard, level by level', () => {
  it('drills down from the country to a province, a post office and an agent, and back up', async () => {
    const campaignId = await campaignThroughApi(`Chiến dịch theo cấp ${Date.now()}`);
    await enrollInHanoi(campaignId);
    const office = await hanoiPostOffice();
    const { context, page } = await openPage(b.browser, b.baseUrl);
    try {
      await signIn(page, 'demo.trunguong', inject('e2e').demoPassword);
      await page.goto(`/chien-dich/${campaignId}`);
      await expect.poll(() => heading(page)).toBe('Toàn quốc');
      await expect.poll(() => enrolledOnDashboard(page)).toBe('1');

      // Country → province: a tap on the tile.
      await hanoiTile(page).click();
      await page.waitForURL(/province=01/);
      await expect.poll(() => heading(page)).toBe('Thành phố Hà Nội');

      // Province → post office: picked from the province's units.
      const unitPicker = page.getByRole('combobox', { name: 'Xem một đơn vị' });
      await unitPicker.click();
      await unitPicker.fill(office.name);
      await page.getByRole('option', { name: office.name }).click();
      await page.waitForURL(new RegExp(`unit=${office.id}`));
      await expect.poll(() => heading(page)).toBe(`${office.name}Bưu cục`);
      await expect.poll(() => enrolledOnDashboard(page)).toBe('1');
      expect(await text(trail(page))).toMatch(/Toàn quốc.*Thành phố Hà Nội/);

      // Post office → agent: a tap in the leaderboard.
      const leaders = page.locator('.ant-card').filter({ hasText: 'Bảng xếp hạng' });
      await leaders.getByRole('tab', { name: 'Nhân viên thu' }).click();
      await leaders.getByRole('button', { name: 'Hoàng Văn Nam' }).click();
      await page.waitForURL(/agent=\d+/);
      await expect.poll(() => heading(page)).toBe('Hoàng Văn NamNhân viên thu');
      await expect.poll(() => enrolledOnDashboard(page)).toBe('1');
      const rank = page.locator('.ant-card').filter({ hasText: 'Thứ hạng trong tỉnh' });
      await expect.poll(() => text(rank.locator('.camp-rank-big'))).toBe('1');
      expect(await text(rank)).toMatch(/trên \d+ nhân viên thu ở Thành phố Hà Nội/);

      // And back up by the breadcrumb, to the post office.
      await trail(page).getByRole('button', { name: office.name }).click();
      await page.waitForURL(new RegExp(`unit=${office.id}`));
      await expect.poll(() => heading(page)).toBe(`${office.name}Bưu cục`);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('opens on an agent’s own figures, target and rank, on a phone', async () => {
    const campaignId = await campaignThroughApi(`Chiến dịch của nhân viên ${Date.now()}`);
    await enrollInHanoi(campaignId);
    const { context, page } = await openPage(b.browser, b.baseUrl, PHONE);
    try {
      await signIn(page, 'demo.daily', inject('e2e').demoPassword);
      await page.goto(`/chien-dich/${campaignId}`);
      await expect.poll(() => heading(page)).toBe('Hoàng Văn NamNhân viên thu');
      await expect.poll(() => enrolledOnDashboard(page)).toBe('1');
      await page.getByText('Chưa giao chỉ tiêu cho phạm vi này').waitFor();
      const rank = page.locator('.ant-card').filter({ hasText: 'Thứ hạng trong tỉnh' });
      await expect.poll(() => text(rank.locator('.camp-rank-big'))).toBe('1');
      // An agent is not shown the leaderboards that would name their colleagues.
      expect(await page.getByText('Bảng xếp hạng').count()).toBe(0);
      expect(await trail(page).count()).toBe(0);
    } finally {
      await context.close();
    }
  }, 90_000);

  it('fits a 360-pixel phone at the province and the unit, with coverage and the map by coverage', async () => {
    const campaignId = await campaignThroughApi(`Chiến dịch tỉnh trên điện thoại ${Date.now()}`);
    await enrollInHanoi(campaignId);
    const office = await hanoiPostOffice();
    const { context, page } = await openPage(b.browser, b.baseUrl, PHONE);
    try {
      await signIn(page, 'demo.tinh', inject('e2e').demoPassword);
      await page.goto(`/chien-dich/${campaignId}`);
      await expect.poll(() => heading(page)).toBe('Thành phố Hà Nội');
      await page.getByRole('combobox', { name: 'Xem một xã, phường' }).waitFor();
      const coverage = page.getByRole('region', { name: 'Độ bao phủ' });
      await coverage.getByText('Lực lượng lao động trong độ tuổi').waitFor();
      const colourBy = page.getByRole('radiogroup', { name: 'Tô màu bản đồ theo' });
      await colourBy.getByText('Bao phủ', { exact: true }).click();
      await expect.poll(() => page.getByRole('radio', { name: 'Bao phủ' }).isChecked()).toBe(true);
      await expect.poll(() => hanoiTile(page).getAttribute('aria-label')).toMatch(/lực lượng lao động/);
      expect(await overflowing(page)).toEqual([]);

      await page.goto(`/chien-dich/${campaignId}?unit=${office.id}`);
      await expect.poll(() => heading(page)).toBe(`${office.name}Bưu cục`);
      await page.locator('.camp-board canvas').first().waitFor();
      expect(await overflowing(page)).toEqual([]);
      await page.goto(`/chien-dich/${campaignId}?tab=ban-tin`);
      await page.getByRole('region', { name: 'Số liệu của đoạn tin' }).waitFor();
      expect(await overflowing(page)).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);

  it('shows an enrollment on the national dashboard within two seconds of the API’s answer', async () => {
    const campaignId = await campaignThroughApi(`Chiến dịch trực tiếp ${Date.now()}`);
    const { agent, enroll } = await hanoiAgent();
    const { context, page } = await openPage(b.browser, b.baseUrl);
    try {
      await signIn(page, 'demo.trunguong', inject('e2e').demoPassword);
      await page.goto(`/chien-dich/${campaignId}`);
      await expect.poll(() => enrolledOnDashboard(page)).toBe('0');
      await enroll(campaignId);
      const answered = Date.now();
      await expect.poll(() => enrolledOnDashboard(page), { timeout: 2_000, interval: 50 }).toBe('1');
      expect(Date.now() - answered).toBeLessThanOrEqual(2_000);
    } finally {
      await context.close();
      await agent.dispose();
    }
  }, 60_000);
});
