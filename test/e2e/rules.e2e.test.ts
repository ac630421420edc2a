import { describe, expect, inject, it } from 'vitest';
import { formatNumber, formatVnd, vietnamToday } from '../../src/web/format.ts';
import { DESKTOP, openPage, PHONE, setupBrowser, signIn } from './browser.ts';

const b = setupBrowser();

interface RuleSetView {
  id: string;
  values: Record<string, number>;
}

async function rulesAt(date: string): Promise<RuleSetView> {
  const response = await fetch(`${inject('e2e').baseUrl}/api/v1/rules/at?date=${date}`);
  expect(response.status).toBe(200);
  return (await response.json()) as RuleSetView;
}

async function quote(body: object) {
  const response = await fetch(`${inject('e2e').baseUrl}/api/v1/calc/vsi-quote`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('the law parameters page', () => {
  it('shows everyone the dated rows, the ones in force highlighted, read-only', async () => {
    const { demoPassword } = inject('e2e');
    const { context, page } = await openPage(b.browser, b.baseUrl, PHONE);
    try {
      await signIn(page, 'demo.daily', demoPassword);
      await page.goto('/quy-dinh');
      await page.getByText('Chỉ quản trị hệ thống được thay đổi quy định.').waitFor();
      const version = await rulesAt(vietnamToday());
      await page.getByText(version.id, { exact: true }).waitFor();
      await page.getByText('salary.reference', { exact: true }).waitFor();
      expect(await page.getByText('Đang áp dụng').count()).toBeGreaterThan(5);
      expect(await page.getByRole('button', { name: 'Đặt giá trị mới' }).count()).toBe(0);
      expect(await page.getByRole('tab', { name: 'Lịch sử thay đổi' }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('lets the administrator raise the reference level from a future date, and quotes on that date use it', async () => {
    const { admin } = inject('e2e');
    const today = await rulesAt(vietnamToday());
    const from = `${Number(vietnamToday().slice(0, 4)) + 1}-07-01`;
    const before = await rulesAt(from);
    const multiplier = before.values['vsi.max_income_multiplier']!;
    const rate = before.values['vsi.contribution_rate']!;
    const cn = before.values['vsi.poverty_line']!;
    const step = before.values['vsi.income_step']!;
    const reference = before.values['salary.reference']!;
    const raised = reference + 190_000;
    // An income just above the ceiling in force (20 × the reference level), on a legal step.
    const income = cn + Math.ceil((multiplier * reference + 1 - cn) / step) * step;
    const refused = await quote({ paymentDate: from, monthlyIncome: income, mode: 'monthly' });
    expect(refused.status).toBe(400);
    expect((refused.body.error as { code: string }).code).toBe('calc.income_above_ceiling');

    const { context, page } = await openPage(b.browser, b.baseUrl, DESKTOP);
    try {
      await signIn(page, admin.username, admin.password);
      await page.goto('/quy-dinh');
      await page.getByRole('button', { name: 'Đặt giá trị mới' }).first().click();
      const form = page.getByRole('dialog').filter({ hasText: 'Đặt giá trị mới cho tham số' });
      // Pick the parameter by typing without diacritics; on a busy machine the list may still be
      // settling when first clicked, so the choice is read back and made again if it did not take.
      const chosen = () =>
        form.locator('.ant-select-content, .ant-select-selection-item').first().textContent();
      for (let attempt = 0; attempt < 3; attempt++) {
        await form.getByLabel('Tham số').fill('tham chieu');
        await page.getByTitle('mức tham chiếu (salary.reference)').click();
        if ((await chosen())?.includes('salary.reference')) break;
      }
      expect(await chosen()).toContain('salary.reference');
      const day = `${from.slice(8, 10)}/${from.slice(5, 7)}/${from.slice(0, 4)}`;
      const validFrom = form.getByLabel('Áp dụng từ ngày');
      await validFrom.click();
      await validFrom.fill(day);
      await validFrom.press('Enter');
      await page.waitForFunction(
        ([label, want]) => {
          const input = [...document.querySelectorAll('input')].find((i) => i.id.endsWith(label));
          return input?.value === want;
        },
        ['validFrom', day] as const,
      );
      await form.getByText(`Giá trị đang có tại ngày này: ${formatVnd(reference)}`).waitFor();
      await form.getByLabel('Giá trị mới').fill(String(raised));
      await form.getByLabel('Căn cứ pháp lý').fill('Nghị định thử nghiệm (kiểm thử tự động)');
      await form.getByLabel(/Độ tin cậy trung bình/).check();
      await form.getByRole('button', { name: 'Lưu' }).click();

      const confirm = page.getByRole('dialog').filter({ hasText: 'Xác nhận thay đổi quy định?' });
      await confirm
        .getByText(
          `Từ ngày ${day}, mức tham chiếu sẽ là ${formatVnd(raised)} (hiện là ${formatVnd(reference)}).`,
        )
        .waitFor();
      await confirm
        .getByText(`Mọi phiếu tính và khoản thu có ngày đóng từ ${day} sẽ dùng giá trị mới.`, {
          exact: false,
        })
        .waitFor();
      await confirm.getByRole('button', { name: 'Lưu thay đổi' }).click();
      await page.getByText(new RegExp(`Đã lưu\\. Phiên bản quy định từ ngày ${day}: ${from}\\.`)).waitFor();

      // The history names who changed what.
      await page.getByRole('tab', { name: 'Lịch sử thay đổi' }).click();
      await page
        .getByText(new RegExp(`mức tham chiếu = ${raised} từ ${day}`))
        .first()
        .waitFor();

      // The browser's own engine picks the new rules up: the calculator's range on that date.
      await page.goto('/tinh-muc-dong');
      await page.getByLabel('Ngày đóng').fill(day);
      await page.getByLabel('Ngày đóng').press('Enter');
      await page
        .getByText(`đến ${formatNumber(multiplier * raised)} đ (${multiplier} lần mức tham chiếu)`)
        .waitFor();
    } finally {
      await context.close();
    }

    const after = await quote({ paymentDate: from, monthlyIncome: income, mode: 'monthly' });
    expect(after.status).toBe(200);
    expect(after.body.grossMonthly).toBe(Math.round(income * rate));
    expect((await rulesAt(from)).values['salary.reference']).toBe(raised);
    // History before the change date is untouched.
    const todayAfter = await rulesAt(vietnamToday());
    expect(todayAfter.values['salary.reference']).toBe(today.values['salary.reference']);
    expect(todayAfter.id).toBe(today.id);
  });
});
