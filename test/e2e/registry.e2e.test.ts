import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { openPage, PHONE, setupBrowser, signIn } from './browser.ts';
import { apiAs } from './campaign-api.ts';

const b = setupBrowser();

// ── Dates as the server sees them (Vietnam, UTC+7) ──
const vietnamToday = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
const addMonths = (month: string, n: number) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};
const lastDay = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
};
const vnMonth = (month: string) => `${month.slice(5, 7)}/${month.slice(0, 4)}`;
const vnDate = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

/** A valid personal ID: province 001, century/sex digit (0 male, 1 female, 1900s), year, 6 random digits. */
function personalId(sex: 'M' | 'F', birthYear: number): string {
  const random = String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0');
  return `001${sex === 'M' ? 0 : 1}${String(birthYear).slice(2)}${random}`;
}

const MONEY = /\d{1,3}(?:\.\d{3})+ đ/;

/** The text a person reads in an element. */
const text = async (locator: Locator) => ((await locator.textContent()) ?? '').trim();

async function agentOnPhone() {
  const opened = await openPage(b.browser, b.baseUrl, PHONE);
  await signIn(opened.page, 'demo.daily', inject('e2e').demoPassword);
  return opened;
}

interface Person {
  id: string;
  name: string;
  birthDate: string; // dd/mm/yyyy
  startMonth?: string; // YYYY-MM; the form's default (this month) when absent
}

/** Fills the enrollment form the way an agent does on a phone: typing, tapping, ticking. */
async function fillEnrollment(page: Page, p: Person) {
  await page.goto('/nguoi-tham-gia/dang-ky');
  await page.getByLabel('Số định danh cá nhân').fill(p.id);
  await page.getByLabel('Họ và tên').fill(p.name);
  await page.getByLabel('Ngày sinh').fill(p.birthDate);
  await page.getByLabel('Ngày sinh').press('Tab');
  // The ID's fourth digit filled in the sex; the only commune the agent serves is preselected.
  expect(await page.getByRole('radio', { name: 'Nam' }).isChecked()).toBe(p.id[3] === '0');
  await page.getByText('Phường Ba Đình').first().waitFor();
  if (p.startMonth) {
    await page.locator('.ant-form-item').filter({ hasText: 'Tháng bắt đầu' }).locator('.ant-select').click();
    await page.locator(`.ant-select-item-option[title="Tháng ${vnMonth(p.startMonth)}"]`).click();
  }
  await page.getByLabel('Không đang tham gia BHXH bắt buộc').check();
  await page.getByLabel('Không đang hưởng lương hưu hay trợ cấp BHXH hằng tháng').check();
}

/** The figure shown as the amount in a labelled region. */
async function amountIn(page: Page, region: string): Promise<string> {
  const figure = await text(page.getByRole('region', { name: region }).locator('.reg-amount-figure'));
  expect(figure).toMatch(MONEY);
  return figure;
}

/** The 'collect' confirmation: the amount in words is on screen before the agent confirms. */
async function confirmPayment(page: Page) {
  await page.getByRole('button', { name: 'Xác nhận thu tiền' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('Bằng chữ').waitFor();
  await dialog.getByRole('button', { name: 'Đã nhận tiền, lập biên lai' }).click();
  await page.waitForURL(/\/bien-lai\/BL-\d+/);
  return decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
}

describe('a collection agent on a 360-pixel phone', () => {
  it('enrolls a person with an instant quote, takes the first payment and hands over the receipt', async () => {
    const { context, page } = await agentOnPhone();
    // The phone's share sheet, as Chromium on Linux has none: it keeps what it was handed.
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'share', {
        configurable: true,
        value: async (data: ShareData) => {
          (window as unknown as { shared?: ShareData }).shared = data;
        },
      });
    });
    try {
      const today = vietnamToday();
      const month = today.slice(0, 7);
      const person = { id: personalId('M', 1990), name: 'Lê Văn Thử Một', birthDate: '15/06/1990' };
      await fillEnrollment(page, person);

      // The quote is computed in the browser as the income changes.
      const atFloor = await amountIn(page, 'Số tiền phải đóng');
      await page.getByLabel('Thu nhập tháng làm căn cứ đóng').fill('3000000');
      await expect.poll(() => amountIn(page, 'Số tiền phải đóng')).not.toBe(atFloor);
      const firstPayment = await amountIn(page, 'Số tiền phải đóng');
      // An income off the legal steps is refused as the agent types, in Vietnamese.
      await page.getByLabel('Thu nhập tháng làm căn cứ đóng').fill('3010000');
      await page.getByText('không đúng bậc').first().waitFor();
      await page.getByLabel('Thu nhập tháng làm căn cứ đóng').fill('3000000');

      await page.getByRole('button', { name: 'Đăng ký', exact: true }).click();
      await page.waitForURL(/\/nguoi-tham-gia\/\d+\?moi=1/);
      await page.getByText(`Đã đăng ký ${person.name}.`).waitFor();
      await page.getByRole('button', { name: 'Thu tiền ngay' }).click();

      await page.waitForURL(/\/thu-tien$/);
      await page
        .getByText(`Tháng ${vnMonth(month)} (1 tháng)`)
        .first()
        .waitFor();
      expect(await amountIn(page, 'Số tiền thu')).toBe(firstPayment);
      await page.getByRole('radiogroup', { name: 'Hình thức thu' }).getByText('Tiền mặt').click();
      const number = await confirmPayment(page);

      await page.getByText('Biên lai thu tiền').first().waitFor();
      await page.getByText(number, { exact: true }).first().waitFor();
      const receipt = page.getByRole('article', { name: 'Biên lai thu tiền' });
      expect(await text(receipt.locator('.reg-amount-figure'))).toBe(firstPayment);
      await receipt.getByText(person.name).waitFor();
      await page.getByRole('link', { name: 'In' }).waitFor();

      // Sharing hands over a link the citizen opens with no account: no cookie, no sign-in.
      await page.getByRole('button', { name: 'Chia sẻ' }).click();
      const sharedUrl = () =>
        page.evaluate(() => (window as unknown as { shared?: ShareData }).shared?.url ?? '');
      await expect.poll(sharedUrl).toMatch(new RegExp(`^${b.baseUrl}/api/v1/receipts/shared/${number}/`));
      const shared = await sharedUrl();
      const citizen = await b.browser.newContext({ viewport: PHONE, locale: 'vi-VN' });
      try {
        expect((await citizen.cookies()).length).toBe(0);
        const opened = await citizen.newPage();
        const response = await opened.goto(shared);
        expect(response?.status()).toBe(200);
        await opened.getByText(number).first().waitFor();
        await opened.getByText(person.name).first().waitFor();
        // The personal ID is masked on the shared page.
        expect(await opened.content()).not.toContain(person.id);
      } finally {
        await citizen.close();
      }

      // The period moved on: paid through this month, the next one is due by the end of next month.
      const next = addMonths(month, 1);
      await receipt.getByText(`Tháng ${vnMonth(next)}:`).waitFor();
      await page.getByRole('button', { name: 'Về hồ sơ' }).click();
      await page.getByText('Đang đóng').first().waitFor();
      const fact = (label: string) =>
        page.locator('.reg-profile-enrollment dl > div').filter({ hasText: label }).locator('dd');
      expect(await text(fact('Đã đóng đến tháng'))).toBe(vnMonth(month));
      expect(await text(fact('Kỳ tiếp theo'))).toBe(vnMonth(next));
      expect(await text(fact('Hạn đóng kỳ tới'))).toBe(vnDate(lastDay(next)));
      await page.getByRole('link', { name: `Biên lai ${number}` }).waitFor();

      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(PHONE.width);

      // The next period is on the agent's worklist, with its amount, month and deadline, one tap from
      // payment: 28–61 days ahead, in the "Kỳ tới" bucket until it comes within 15 days. (The app
      // runs on the system clock, which nothing shifts from outside, so the walk checks the next
      // period as the agent sees it today; the buckets' day windows are tested in renewals.db.)
      await page.goto('/viec-can-lam');
      const upcoming = page.getByRole('tab', { name: 'Kỳ tới' });
      await upcoming.click();
      await expect.poll(() => upcoming.getAttribute('aria-selected')).toBe('true');
      const card = page.locator('.reg-work-card').filter({ hasText: person.name });
      await card.waitFor();
      expect(await text(card.locator('.reg-work-amount'))).toBe(firstPayment);
      expect(await text(card)).toContain(vnMonth(next));
      expect(await text(card)).toContain(`Hạn ${vnDate(lastDay(next))}`);
      await card.getByRole('button', { name: `Thu tiền ${person.name}` }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('sees a lapsed person on the worklist with the amount, collects in one tap, and the person moves on', async () => {
    const { context, page } = await agentOnPhone();
    try {
      // The demo gives the agent's commune two years of people, some of whom stopped paying.
      await page.goto('/viec-can-lam');
      const tab = page.getByRole('tab', { name: 'Đã dừng đóng' });
      await tab.click();
      await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
      const count = async () => Number(await text(tab.locator('.reg-bucket-count')));
      // The count shows "…" until the worklist has loaded.
      await expect.poll(count).toBeGreaterThan(0);
      const before = await count();

      // A VSI payer who owes something (the poor and near-poor of Hà Nội pay nothing at the floor).
      await page.waitForLoadState('networkidle');
      const cards = page.locator('.reg-work-card').filter({ has: page.getByText('BHXH tự nguyện') });
      await cards.first().waitFor();
      let card = cards.first();
      for (let i = 0; i < (await cards.count()); i++) {
        if (/[1-9]/.test(await text(cards.nth(i).locator('.reg-work-amount')))) {
          card = cards.nth(i);
          break;
        }
      }
      const name = await text(card.locator('.reg-who .cell-strong'));
      const due = await text(card.locator('.reg-work-amount'));
      expect(due).toMatch(MONEY);
      await card.getByRole('button', { name: `Thu tiền ${name}` }).click();

      // The months skipped are explained: this payment restarts from the current month.
      await page.waitForURL(/\/thu-tien$/);
      await page.getByText(/Người này đã dừng đóng \d+ tháng/).waitFor();
      expect(await amountIn(page, 'Số tiền thu')).toBe(due);
      const number = await confirmPayment(page);
      await page.getByText(number, { exact: true }).first().waitFor();

      await page.goto('/viec-can-lam');
      await page.getByRole('tab', { name: 'Đã dừng đóng' }).click();
      await expect
        .poll(
          async () =>
            Number(await text(page.getByRole('tab', { name: 'Đã dừng đóng' }).locator('.reg-bucket-count'))),
          { timeout: 10_000 },
        )
        .toBe(before - 1);
      expect(await page.locator('.reg-work-card').filter({ hasText: name }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('is told in Vietnamese, with the unit and the masked ID, that a personal ID is already enrolled', async () => {
    const { context, page } = await agentOnPhone();
    try {
      const person = { id: personalId('F', 1992), name: 'Đặng Thị Trùng', birthDate: '20/11/1992' };
      await fillEnrollment(page, person);
      await page.getByRole('button', { name: 'Đăng ký', exact: true }).click();
      await page.waitForURL(/\/nguoi-tham-gia\/\d+\?moi=1/);

      await fillEnrollment(page, { ...person, name: 'Đặng Thị Trùng Lặp' });
      await page.getByRole('button', { name: 'Đăng ký', exact: true }).click();
      const masked = `${person.id.slice(0, 3)}******${person.id.slice(9)}`;
      const alert = page.getByRole('alert').filter({ hasText: 'đã được đăng ký tại' });
      await alert.waitFor();
      expect(await text(alert)).toContain(masked);
      expect(await text(alert)).toContain('Điểm Bưu điện – Văn hóa xã Ba Đình');
      await page.getByText('Số định danh này đã có hồ sơ.').waitFor();
      expect(new URL(page.url()).pathname).toBe('/nguoi-tham-gia/dang-ky');
    } finally {
      await context.close();
    }
  });
});

describe('a post-office manager on a 360-pixel phone', () => {
  it('hands a person over to another collection agent from the profile, and can undo it', async () => {
    // A second agent at the Ba Đình post point, and a person the first agent enrolled there.
    const manager = await apiAs('demo.buucuc');
    const agent = await apiAs('demo.daily');
    let participantId: number;
    try {
      await manager.call('POST', '/users', {
        username: `dl.thay.${Date.now()}`,
        fullName: 'Phí Văn Thay',
        role: 'collection_agent',
        orgUnitId: agent.user.orgUnit.id,
      });
      const communes = await agent.call<{ items: { code: string }[] }>(
        'GET',
        `/org-units/${agent.user.orgUnit.id}/communes`,
      );
      ({ id: participantId } = await agent.call<{ id: number }>('POST', '/participants', {
        personalId: personalId('F', 1991),
        fullName: 'Mạc Thị Giao',
        birthDate: '1991-03-08',
        sex: 'F',
        communeCode: communes.items[0]!.code,
        categories: ['other'],
        monthlyIncome: 3_000_000,
        paymentMode: 'monthly',
        startMonth: vietnamToday().slice(0, 7),
        declarations: { notCompulsory: true, noPension: true },
      }));
    } finally {
      await manager.dispose();
      await agent.dispose();
    }

    const { context, page } = await openPage(b.browser, b.baseUrl, PHONE);
    try {
      await signIn(page, 'demo.buucuc', inject('e2e').demoPassword);
      await page.goto(`/nguoi-tham-gia/${participantId}`);
      const fact = page.locator('.reg-agent-fact');
      const responsible = () => text(fact.locator('.cell-strong'));
      await fact.getByText('Người thu phụ trách').waitFor();
      await expect.poll(responsible).toBe('Hoàng Văn Nam');
      expect(await text(fact)).toContain('người đã đăng ký');

      // A searchable list of the agents serving the commune.
      await fact.locator('.ant-select').click();
      await page.keyboard.type('Phí Văn');
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option')
        .filter({ hasText: 'Phí Văn Thay' })
        .click();
      await page.getByText('Từ nay Phí Văn Thay phụ trách thu của Mạc Thị Giao.').waitFor();
      await expect.poll(responsible).toBe('Phí Văn Thay');
      expect(await text(fact)).not.toContain('người đã đăng ký');

      await page.getByRole('button', { name: 'Hoàn tác' }).click();
      await page.getByText('Đã hoàn tác: người thu phụ trách là Hoàng Văn Nam.').waitFor();
      await expect.poll(responsible).toBe('Hoàng Văn Nam');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        PHONE.width,
      );
    } finally {
      await context.close();
    }
  });
});
