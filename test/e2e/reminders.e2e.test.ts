import pg from 'pg';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { openPage, overflowing, PHONE, setupBrowser, signIn } from './browser.ts';
import { apiAs, personalId, text, vietnamToday, vnDate } from './campaign-api.ts';

const b = setupBrowser();

const MONEY = /\d{1,3}(?:\.\d{3})+ đ/;
const lastDayOfMonth = (date: string) => {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return `${date.slice(0, 7)}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
};
const daysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

/** The worklist tab a deadline `days` away is listed under (its `?nhom=`). */
const bucketOf = (days: number) =>
  days === 0 ? 'due_0' : days <= 7 ? 'due_7' : days <= 15 ? 'due_15' : 'upcoming';

/** Picks an option of the filter whose select is labelled `label`. */
async function choose(page: Page, label: string, option: string) {
  await page
    .locator('.ant-select')
    .filter({ has: page.getByRole('combobox', { name: label }) })
    .click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: option })
    .click();
}

/**
 * A person enrolled by the Hà Nội agent this month, who owes this month by its last day: on the
 * agent's worklist, not yet reminded (the daily job reminds 15, 7 and 0 days before the deadline,
 * and "Nhắc đóng" sends it now). Names starting with "An" come first among those due that day.
 */
async function enrolled(name: string, { consent = true } = {}) {
  const agent = await apiAs('demo.daily');
  try {
    const communes = await agent.call<{ items: { code: string }[] }>(
      'GET',
      `/org-units/${agent.user.orgUnit.id}/communes`,
    );
    const id = personalId(1988);
    const person = await agent.call<{ id: number; enrollment: { dueDate: string } }>(
      'POST',
      '/participants',
      {
        personalId: id,
        fullName: name,
        birthDate: '1988-04-12',
        sex: 'M',
        phone: '0912345678',
        contactConsent: consent,
        communeCode: communes.items[0]!.code,
        categories: ['other'],
        monthlyIncome: 3_000_000,
        paymentMode: 'monthly',
        startMonth: vietnamToday().slice(0, 7),
        declarations: { notCompulsory: true, noPension: true },
      },
    );
    const due = person.enrollment.dueDate;
    expect(due).toBe(lastDayOfMonth(vietnamToday()));
    return { id, due, participantId: person.id };
  } finally {
    await agent.dispose();
  }
}

describe('the reminders outbox', () => {
  it('lets an agent on a phone remind a person from the worklist, then shows the reminder sent, with filters', async () => {
    const name = 'An Văn Nhắc';
    const person = await enrolled(name);
    await enrolled('An Thị Lặng', { consent: false });
    const { context, page } = await openPage(b.browser, b.baseUrl, PHONE);
    try {
      await signIn(page, 'demo.daily', inject('e2e').demoPassword);
      await page.goto(`/viec-can-lam?nhom=${bucketOf(daysBetween(vietnamToday(), person.due))}`);
      const row = page.locator('.reg-work-card').filter({ hasText: name });
      await row.waitFor();

      // Someone who did not agree to reminders cannot be sent one: the button is there, disabled, saying why.
      const quiet = page.locator('.reg-work-card').filter({ hasText: 'An Thị Lặng' });
      expect(await quiet.getByRole('button', { name: 'Nhắc đóng An Thị Lặng' }).isDisabled()).toBe(true);
      expect(await text(quiet)).toContain('An Thị Lặng chưa đồng ý nhận tin nhắc đóng.');

      // One tap sends the reminder now; the button says it is done.
      const remind = row.getByRole('button', { name: `Nhắc đóng ${name}` });
      await remind.click();
      await page.getByText(`Đã gửi tin nhắn nhắc đóng cho ${name}.`).waitFor();
      await expect.poll(() => remind.isDisabled()).toBe(true);
      expect(await text(remind)).toBe('Đã nhắc');
      expect(await overflowing(page)).toEqual([]);

      // Once a period: from the profile, the second time is refused, saying when it was sent.
      await page.goto(`/nguoi-tham-gia/${person.participantId}`);
      await page.getByRole('button', { name: `Nhắc đóng ${name}` }).click();
      await page
        .getByText(new RegExp(`^Đã nhắc ${name} đóng kỳ từ tháng \\d{2}/\\d{4} lúc \\d{2}:\\d{2} `))
        .waitFor();

      await page.goto('/nhac-dong');
      await page.getByRole('heading', { name: 'Nhắc đóng' }).waitFor();

      const card = page.locator('.reg-reminder-card').filter({ hasText: name });
      await card.waitFor();
      const masked = `${person.id.slice(0, 3)}******${person.id.slice(9)}`;
      expect(await text(card)).toContain(masked);
      expect(await text(card)).not.toContain(person.id);
      await card.getByText('SMS', { exact: true }).waitFor();
      await card.getByText('Đã gửi', { exact: true }).waitFor();
      expect(await text(card.locator('.compact-meta strong'))).toMatch(MONEY);
      expect(await text(card)).toContain(`hạn ${vnDate(person.due)}`);
      // The words sent, without diacritics as an SMS goes out.
      expect(await text(card.locator('.reg-reminder-body'))).toContain('BHXH: Kinh gui An Van Nhac');
      expect(await text(card)).toContain('nhắc tay:');
      expect(await overflowing(page)).toEqual([]);

      // Filters sit behind one button on a phone; nothing failed, so that filter shows the empty state.
      await page.getByRole('button', { name: 'Bộ lọc' }).click();
      await choose(page, 'Trạng thái', 'Gửi lỗi');
      await page.getByText('Không có tin nào khớp bộ lọc.').waitFor();
      await choose(page, 'Trạng thái', 'Đã gửi');
      await card.waitFor();

      // The name opens the person's profile.
      await card.getByRole('link', { name }).click();
      await page.waitForURL(new RegExp(`/nguoi-tham-gia/${person.participantId}$`));
    } finally {
      await context.close();
    }
  });

  it('sends again, with one tap, a reminder the carrier refused every time', async () => {
    const name = 'An Văn Lỗi';
    const person = await enrolled(name);
    const agent = await apiAs('demo.daily');
    try {
      await agent.call('POST', `/participants/${person.participantId}/reminders`);
    } finally {
      await agent.dispose();
    }
    // No screen makes a carrier refuse a message: the outbox row is set as five refusals leave it.
    const client = new pg.Client({ connectionString: inject('e2e').databaseUrl });
    await client.connect();
    try {
      const failed = await client.query(
        `update reminder set status = 'failed', attempts = 5, sent_at = null,
           error = 'Nhà mạng từ chối: thuê bao tạm khóa'
         where participant_id = $1 returning id`,
        [person.participantId],
      );
      expect(failed.rowCount).toBe(1);
    } finally {
      await client.end();
    }

    const { context, page } = await openPage(b.browser, b.baseUrl, PHONE);
    try {
      await signIn(page, 'demo.daily', inject('e2e').demoPassword);
      await page.goto('/nhac-dong');
      const card = page.locator('.reg-reminder-card').filter({ hasText: name });
      await card.getByText('Gửi lỗi', { exact: true }).waitFor();
      expect(await text(card)).toContain('Nhà mạng từ chối: thuê bao tạm khóa (đã thử 5 lần)');
      expect(await overflowing(page)).toEqual([]);

      await card.getByRole('button', { name: `Gửi lại tin nhắc cho ${name}` }).click();
      await page.getByText(`Đã gửi tin nhắn nhắc đóng cho ${name}.`).waitFor();
      await card.getByText('Đã gửi', { exact: true }).waitFor();
      // Sent now, it has nothing to send again, and the carrier's refusal is gone.
      expect(await card.getByRole('button', { name: `Gửi lại tin nhắc cho ${name}` }).count()).toBe(0);
      expect(await text(card)).not.toContain('Nhà mạng từ chối');
    } finally {
      await context.close();
    }
  });

  it('is in the menu of a post-office manager, who sees the table on a laptop', async () => {
    const name = 'Tạ Thị Nhắc';
    const person = await enrolled(name);
    // The manager reminds the person through the API, as an integration would.
    const manager = await apiAs('demo.buucuc');
    try {
      const sent = await manager.call<{ status: string; participant: { id: number } }>(
        'POST',
        `/participants/${person.participantId}/reminders`,
      );
      expect(sent).toMatchObject({ status: 'sent', participant: { id: person.participantId } });
    } finally {
      await manager.dispose();
    }
    const { context, page } = await openPage(b.browser, b.baseUrl);
    try {
      await signIn(page, 'demo.buucuc', inject('e2e').demoPassword);
      await page.getByRole('navigation').getByRole('link', { name: 'Nhắc đóng' }).click();
      await page.waitForURL(/\/nhac-dong$/);
      const row = page.locator('.ant-table-row').filter({ hasText: name });
      await row.waitFor();
      expect(await text(row)).toContain('Đã gửi');
      expect(await text(row)).toMatch(MONEY);
      expect(await text(row)).toContain(vnDate(person.due));
      expect(await text(row)).toContain('nhắc tay:');
      await choose(page, 'Kênh', 'Zalo');
      await expect.poll(() => row.count()).toBe(0);
      await choose(page, 'Kênh', 'SMS');
      await row.waitFor();
    } finally {
      await context.close();
    }
  });
});
