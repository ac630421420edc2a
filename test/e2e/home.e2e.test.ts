import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { DESKTOP, openPage, overflowing, PHONE, setupBrowser, signIn } from './browser.ts';
import { apiAs, enrolledOnDashboard, text, vietnamToday } from './campaign-api.ts';

const b = setupBrowser();

// Figures as the app writes them: 1.234 and 12,3%.
const vnNumber = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
const vnPercent = (ratio: number) => `${(ratio * 100).toFixed(1).replace('.', ',')}%`;

interface CampaignItem {
  id: number;
  name: string;
  isDemo: boolean;
}
interface Live {
  scope: { name: string };
  totals: { enrollments: number };
  target: { amount: number; reached: number; elapsed: number; forecast: number; behind: boolean } | null;
  trend: { day: string; enrollments: number }[];
  rank?: { position: number; of: number; provinceName: string } | null;
}

/**
 * The campaign whose card the test reads: the demo one under way, among the cards the home page
 * shows (the three latest to start); other browser tests may have started newer ones.
 */
async function shownCampaign(username: string): Promise<CampaignItem> {
  const api = await apiAs(username);
  try {
    const { items } = await api.call<{ items: CampaignItem[] }>('GET', '/campaigns?status=ongoing&limit=3');
    const shown = items.find((c) => c.isDemo) ?? items[0];
    expect(shown, 'a campaign under way').toBeDefined();
    return shown!;
  } finally {
    await api.dispose();
  }
}

/** A figure of a campaign card by its label. */
const figure = (card: Locator, label: string) =>
  text(
    card
      .locator('.home-figure')
      .filter({ has: card.page().getByText(label, { exact: true }) })
      .locator('dd'),
  );

const campaignCard = (page: Page, region: string, name: string) =>
  page
    .getByRole('region', { name: region })
    .locator('.home-campaign')
    .filter({ has: page.getByRole('link', { name, exact: true }) });

beforeAll(async () => {
  // The demo campaigns are generated once the app serves: wait for them (a minute or so).
  const api = await apiAs('demo.trunguong');
  try {
    const loaded = async () =>
      (await api.call<{ demoCampaigns: { loaded: boolean } | null }>('GET', '/system')).demoCampaigns
        ?.loaded ?? true;
    for (const until = Date.now() + 180_000; !(await loaded()); ) {
      if (Date.now() > until) throw new Error('the demo campaigns were not generated in 180 s');
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  } finally {
    await api.dispose();
  }
}, 200_000);

describe('the home page, by role', () => {
  it('gives an agent on a phone their day of work, quick actions, own campaign figures and cash', async () => {
    const agent = await apiAs('demo.daily');
    const campaign = await shownCampaign('demo.daily');
    const [work, ledger, own] = await Promise.all([
      agent.call<{ counts: Record<string, number> }>('GET', '/worklist?limit=1'),
      agent.call<{ balance: number }>('GET', '/cash/ledger?limit=1'),
      agent.call<Live>('GET', `/dashboard?campaignId=${campaign.id}&view=full`),
    ]);
    await agent.dispose();
    // The demo gives the agent's communes people who stopped paying: something to tap into.
    expect(work.counts.lapsed).toBeGreaterThan(0);

    const { context, page } = await openPage(b.browser, b.baseUrl, PHONE);
    try {
      await signIn(page, 'demo.daily', inject('e2e').demoPassword);
      await page.goto('/');
      const today = page.getByRole('region', { name: 'Việc hôm nay' });
      const bucket = (label: string) => today.getByRole('link').filter({ hasText: label });
      for (const [key, label] of [
        ['due_0', 'Hôm nay hết hạn'],
        ['due_7', '7 ngày tới'],
        ['due_15', '15 ngày tới'],
        ['overdue', 'Quá hạn'],
        ['lapsed', 'Đã dừng đóng'],
      ] as const) {
        await expect
          .poll(() => text(bucket(label).locator('.home-bucket-count')))
          .toBe(vnNumber(work.counts[key]!));
      }

      const actions = page.getByRole('region', { name: 'Thao tác nhanh' }).getByRole('link');
      expect((await actions.allTextContents()).map((s) => s.trim())).toEqual([
        'Tính mức đóng',
        'Đăng ký mới',
        'Việc cần làm',
      ]);

      // Their own figures in the campaign under way, and their place among the province's agents.
      const card = campaignCard(page, 'Kết quả của tôi trong chiến dịch', campaign.name);
      await expect.poll(() => figure(card, 'Đã vận động')).toBe(vnNumber(own.totals.enrollments));
      expect(own.rank).toBeTruthy();
      expect(await text(card.locator('.home-rank'))).toBe(
        `Thứ ${vnNumber(own.rank!.position)} trên ${vnNumber(own.rank!.of)} nhân viên thu ở ${own.rank!.provinceName}`,
      );
      if (own.target) {
        expect(await text(card.locator('.camp-pace-text'))).toBe(
          `Đạt ${vnPercent(own.target.reached)} chỉ tiêu · đã qua ${vnPercent(own.target.elapsed)} thời gian`,
        );
      }

      const cash = page.getByRole('region', { name: 'Tiền đang giữ' });
      expect(await text(cash.locator('.home-cash-amount'))).toBe(`${vnNumber(ledger.balance)} đ`);
      expect(await overflowing(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        PHONE.width,
      );

      // A count is a tap into its list, on the same count.
      await bucket('Đã dừng đóng').click();
      await page.waitForURL(/\/viec-can-lam\?nhom=lapsed$/);
      const tab = page.getByRole('tab', { name: 'Đã dừng đóng' });
      await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
      await expect.poll(() => text(tab.locator('.reg-bucket-count'))).toBe(vnNumber(work.counts.lapsed!));

      // And the quick action opens the worklist itself.
      await page.goBack();
      await page.waitForURL((url) => url.pathname === '/');
      await page
        .getByRole('region', { name: 'Thao tác nhanh' })
        .getByRole('link', { name: 'Việc cần làm' })
        .click();
      await page.waitForURL((url) => url.pathname === '/viec-can-lam');
      await page.getByRole('tablist', { name: 'Việc cần làm' }).waitFor();
    } finally {
      await context.close();
    }
  }, 120_000);

  it('shows the central office the campaign under way with its pace, one tap from its dashboard', async () => {
    const campaign = await shownCampaign('demo.trunguong');
    const officer = await apiAs('demo.trunguong');
    const live = await officer.call<Live>('GET', `/dashboard?campaignId=${campaign.id}&view=live`);
    await officer.dispose();
    expect(live.target, 'the demo campaign has a national target').toBeTruthy();
    const target = live.target!;

    const { context, page } = await openPage(b.browser, b.baseUrl, DESKTOP);
    try {
      await signIn(page, 'demo.trunguong', inject('e2e').demoPassword);
      await page.goto('/');
      const card = campaignCard(page, 'Chiến dịch đang diễn ra', campaign.name);
      await expect.poll(() => figure(card, 'Đã vận động')).toBe(vnNumber(live.totals.enrollments));
      expect(await text(card.locator('.home-campaign-scope'))).toBe('Số liệu của: Toàn quốc');
      expect(await figure(card, 'Chỉ tiêu')).toBe(vnNumber(target.amount));
      expect(await figure(card, 'Dự báo cuối kỳ')).toBe(vnNumber(target.forecast));
      const day = vietnamToday();
      expect(await figure(card, 'Hôm nay')).toBe(
        vnNumber(live.trend.find((d) => d.day === day)?.enrollments ?? 0),
      );
      expect(await text(card.locator('.camp-pace-text'))).toBe(
        `Đạt ${vnPercent(target.reached)} chỉ tiêu · đã qua ${vnPercent(target.elapsed)} thời gian`,
      );
      await card.getByText(target.behind ? 'Chậm tiến độ' : 'Đúng tiến độ', { exact: true }).waitFor();
      // The agent's day is not an officer's; the scope and counts are still there, lower down.
      expect(await page.getByRole('region', { name: 'Việc hôm nay' }).count()).toBe(0);
      expect(await text(page.locator('.home-scope-value'))).toBe('Toàn quốc');

      await card.getByRole('link', { name: `Mở bảng điều hành: ${campaign.name}` }).click();
      await page.waitForURL((url) => url.pathname === `/chien-dich/${campaign.id}`);
      await expect.poll(() => text(page.locator('.camp-scope-name'))).toBe('Toàn quốc');
      await expect.poll(() => enrolledOnDashboard(page)).toBe(vnNumber(live.totals.enrollments));
    } finally {
      await context.close();
    }
  }, 90_000);

  it('tells a post-office manager how many of the team’s people are overdue or lapsed', async () => {
    const manager = await apiAs('demo.buucuc');
    const work = await manager.call<{ counts: Record<string, number> }>('GET', '/worklist?limit=1');
    await manager.dispose();

    const { context, page } = await openPage(b.browser, b.baseUrl, PHONE);
    try {
      await signIn(page, 'demo.buucuc', inject('e2e').demoPassword);
      await page.goto('/');
      const overdue = page.locator('.home-team').getByRole('link', { name: /quá hạn$/ });
      await expect.poll(() => text(overdue)).toBe(`${vnNumber(work.counts.overdue!)} quá hạn`);
      expect(await text(page.locator('.home-team').getByRole('link', { name: /đã dừng đóng$/ }))).toBe(
        `${vnNumber(work.counts.lapsed!)} đã dừng đóng`,
      );
      await page
        .getByRole('region', { name: 'Chiến dịch đang diễn ra' })
        .locator('.home-campaign')
        .first()
        .waitFor();
      expect(await overflowing(page)).toEqual([]);
      await overdue.click();
      await page.waitForURL(/\/viec-can-lam\?nhom=overdue$/);
      await expect
        .poll(() => page.getByRole('tab', { name: 'Quá hạn' }).getAttribute('aria-selected'))
        .toBe('true');
    } finally {
      await context.close();
    }
  }, 90_000);
});
