import { type APIRequestContext, request } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { closeDialog, openPage, PHONE, setupBrowser, signIn } from './browser.ts';

const b = setupBrowser();

const vietnamToday = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
const addDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

interface Lead {
  id: number;
  fullName: string;
  phone: string | null;
  commune: { code: string; name: string };
}

/** A demo user calling the API as an integration would: session cookie and anti-forgery token. */
async function apiAs(username: string) {
  const context: APIRequestContext = await request.newContext({ baseURL: b.baseUrl });
  const login = await context.post('/api/v1/auth/login', {
    data: { username, password: inject('e2e').demoPassword },
  });
  expect(login.status(), await login.text()).toBe(200);
  const session = (await login.json()) as { csrfToken: string; user: { orgUnit: { id: number } } };
  return {
    user: session.user,
    async call<T>(method: string, path: string, data?: unknown) {
      const response = await context.fetch(`/api/v1${path}`, {
        method,
        ...(data === undefined ? {} : { data }),
        headers: { 'x-csrf-token': session.csrfToken },
      });
      if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
      return (await response.json()) as T;
    },
    dispose: () => context.dispose(),
  };
}

describe('leads from a list to a consultation', () => {
  it('an officer draws the lapsed list and assigns a lead; the agent, on a phone, contacts and consults them; the funnel counts it', async () => {
    // A campaign under way, made by the central office.
    const central = await apiAs('demo.trunguong');
    const today = vietnamToday();
    const name = `Tháng vận động khách hàng ${Date.now()}`;
    const campaign = await central
      .call<{ id: number }>('POST', '/campaigns', {
        name,
        theme: 'Bảo hiểm xã hội – điểm tựa của bạn và gia đình',
        startsOn: addDays(today, -2),
        endsOn: addDays(today, 28),
        products: ['vsi', 'hhi'],
        organisers: ['Bảo hiểm xã hội Việt Nam', 'Tổng công ty Bưu điện Việt Nam'],
      })
      .finally(() => central.dispose());

    // The post office manager draws the people who stopped paying, in the office's communes.
    const officer = await openPage(b.browser, b.baseUrl);
    let lead: Lead;
    try {
      const { page } = officer;
      await signIn(page, 'demo.buucuc', inject('e2e').demoPassword);
      await page.getByRole('navigation').getByRole('link', { name: 'Khách hàng tiềm năng' }).click();
      await page.getByRole('heading', { name: 'Khách hàng tiềm năng', level: 1 }).waitFor();
      await page.getByLabel('Chiến dịch').click();
      await page.getByRole('option', { name: new RegExp(name) }).click();
      await page.getByText('Chưa có khách hàng tiềm năng.').waitFor();

      await page.getByRole('button', { name: 'Tạo từ danh sách' }).click();
      const drawer = page
        .getByRole('dialog')
        .filter({ hasText: 'Tạo khách hàng tiềm năng từ danh sách có sẵn' });
      const lapsed = drawer.locator('.leads-source').filter({ hasText: 'Người dừng đóng' });
      // The counts come first (the list is counted in the officer's whole area).
      await lapsed.getByText(/người phù hợp/).waitFor();
      const make = lapsed.getByRole('button', { name: /^Tạo [\d.]+ khách hàng$/ });
      const count = Number(((await make.textContent()) ?? '').replace(/\D/g, ''));
      expect(count).toBeGreaterThan(0);
      await make.click();
      await drawer
        .getByRole('status')
        .getByText(
          `Đã thêm ${count} khách hàng tiềm năng từ danh sách “Người dừng đóng”; 0 người đã có trong chiến dịch.`,
        )
        .waitFor();
      await lapsed.getByRole('button', { name: 'Cập nhật danh sách' }).waitFor();
      await closeDialog(drawer);

      // One of them lives where the demo agent works: find them and give them to the agent.
      const api = await apiAs('demo.buucuc');
      const agentApi = await apiAs('demo.daily');
      try {
        const communes = await agentApi.call<{ items: { code: string }[] }>(
          'GET',
          `/org-units/${agentApi.user.orgUnit.id}/communes`,
        );
        const served = new Set(communes.items.map((c) => c.code));
        const leads = await api.call<{ items: Lead[] }>(
          'GET',
          `/leads?campaignId=${campaign.id}&source=list_lapsed&limit=200`,
        );
        const found = leads.items.find((l) => served.has(l.commune.code) && l.phone);
        expect(found, 'a lapsed person with a phone in the agent’s commune').toBeDefined();
        lead = found!;
      } finally {
        await api.dispose();
        await agentApi.dispose();
      }
      await page.getByLabel('Tìm khách hàng').fill(lead.phone!);
      const row = page.getByRole('row').filter({ hasText: lead.fullName });
      await row.waitFor();
      await expect.poll(() => page.getByRole('row').count()).toBe(2);
      await row.getByRole('checkbox').check();
      await page.getByRole('button', { name: 'Giao 1 khách hàng' }).click();
      const dialog = page
        .getByRole('dialog')
        .filter({ hasText: `Giao ${lead.fullName} cho người phụ trách` });
      await dialog.getByLabel('Người phụ trách').fill('Hoàng Văn Nam');
      await page.getByRole('option', { name: /^Hoàng Văn Nam · / }).click();
      await dialog.getByRole('button', { name: 'Giao', exact: true }).click();
      await page.getByText('Đã giao 1 khách hàng.').waitFor();
      await row.getByText('Hoàng Văn Nam').waitFor();
    } finally {
      await officer.context.close();
    }

    // The agent, on a 360-pixel phone, finds the lead on their list, calls, and records each step.
    const agent = await openPage(b.browser, b.baseUrl, PHONE);
    try {
      const { page } = agent;
      await signIn(page, 'demo.daily', inject('e2e').demoPassword);
      await page.getByRole('button', { name: 'Mở menu' }).click();
      await page.getByRole('link', { name: 'Khách hàng tiềm năng' }).click();
      await page.getByRole('heading', { name: 'Khách hàng của tôi', level: 1 }).waitFor();
      await page.getByLabel('Chiến dịch').click();
      await page.getByRole('option', { name: new RegExp(name) }).click();
      const card = page.getByRole('listitem').filter({ hasText: lead.fullName });
      await card.getByText('Mới', { exact: true }).waitFor();
      const call = card.getByRole('link', { name: `Gọi ${lead.fullName}` });
      expect(await call.getAttribute('href')).toBe(`tel:${lead.phone}`);

      await card.getByRole('button', { name: `Đã liên hệ với ${lead.fullName}` }).click();
      await page.getByText(`Đã ghi nhận liên hệ với ${lead.fullName}.`).waitFor();
      await card.getByText('Đã liên hệ', { exact: true }).waitFor();
      await card.getByRole('button', { name: `Đã tư vấn cho ${lead.fullName}` }).click();
      await page.getByText(`Đã ghi nhận tư vấn cho ${lead.fullName}.`).waitFor();
      await card.getByText('Đã tư vấn', { exact: true }).waitFor();
      // Lapsed: the next step is collecting, from the profile.
      await card.getByRole('button', { name: `Thu tiền của ${lead.fullName}` }).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        PHONE.width,
      );

      // The funnel: one contacted, one consulted, under the agent.
      await page.getByRole('tab', { name: 'Phễu' }).click();
      const step = (label: string) =>
        page.locator('.camp-funnel li').filter({ hasText: label }).locator('.cell-strong');
      await expect.poll(async () => (await step('Đã tiếp cận').textContent())?.trim()).toMatch(/^1\b/);
      expect((await step('Đã tư vấn').textContent())?.trim()).toMatch(/^1\b/);
      await page.getByText('Người phụ trách', { exact: true }).click();
      await page.getByRole('listitem').filter({ hasText: 'Hoàng Văn Nam' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        PHONE.width,
      );
    } finally {
      await agent.context.close();
    }
  }, 120_000);
});
