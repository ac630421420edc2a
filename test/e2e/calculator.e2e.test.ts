import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { amountInWords } from '../../src/domain/law/index.ts';
import { formatVnd, vietnamToday } from '../../src/web/format.ts';
import { DESKTOP, openPage, PHONE, setupBrowser } from './browser.ts';

const b = setupBrowser();

/** The same quote from the server: the browser runs the same engine, so the numbers must agree. */
async function apiQuote<T = Record<string, number>>(kind: string, body: object): Promise<T> {
  const response = await fetch(`${inject('e2e').baseUrl}/api/v1/calc/${kind}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

const total = (page: Page) => page.getByRole('status').filter({ hasText: 'Tổng số tiền phải đóng' });

async function pickProvince(page: Page, search: string, name: string) {
  await page.locator('#calc-province').fill(search);
  await page.getByTitle(name, { exact: true }).click();
}

describe('the public calculator', () => {
  it('is linked from the login page and opens without signing in', async () => {
    const { context, page } = await openPage(b.browser, b.baseUrl, PHONE);
    try {
      await page.goto('/dang-nhap');
      await page.getByRole('link', { name: 'Tính mức đóng BHXH tự nguyện — không cần đăng nhập' }).click();
      await page.waitForURL(/\/tinh-muc-dong$/);
      await page.getByRole('heading', { name: 'Tính mức đóng BHXH tự nguyện' }).waitFor();
      await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('quotes a near-poor person on a 360-pixel phone exactly as the API does, in words too', async () => {
    const today = vietnamToday();
    const { context, page } = await openPage(b.browser, b.baseUrl, PHONE);
    try {
      await page.goto('/tinh-muc-dong');
      await page.getByLabel('Thu nhập tháng làm căn cứ đóng').fill('1500000');
      await page.getByLabel('Hộ cận nghèo').check();
      const monthly = await apiQuote('vsi-quote', {
        paymentDate: today,
        monthlyIncome: 1_500_000,
        mode: 'monthly',
        categories: ['near_poor'],
      });
      await expect.poll(() => total(page).textContent()).toContain(formatVnd(monthly.total!));
      expect(await total(page).textContent()).toContain(amountInWords(monthly.total!));
      // Until the poverty line changes (2027), that is 330.000 − 132.000 = 198.000 đ.
      if (today < '2027-01-01') expect(monthly.total).toBe(198_000);
      await page.getByText(`Phiên bản quy định: ${monthly.ruleVersion}`).waitFor();

      // Every 3 months: the payment-mode select, picked as a person would.
      await page
        .locator('.ant-select')
        .filter({ has: page.getByLabel('Phương thức đóng') })
        .click();
      await page.getByTitle('3 tháng một lần').click();
      const quarterly = await apiQuote('vsi-quote', {
        paymentDate: today,
        monthlyIncome: 1_500_000,
        mode: 'quarterly',
        categories: ['near_poor'],
      });
      await expect.poll(() => total(page).textContent()).toContain(formatVnd(quarterly.total!));

      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(PHONE.width);
    } finally {
      await context.close();
    }
  });

  it('shows the engine’s Vietnamese error under the income when it is below the floor', async () => {
    const { context, page } = await openPage(b.browser, b.baseUrl, PHONE);
    try {
      await page.goto('/tinh-muc-dong');
      await page.getByLabel('Thu nhập tháng làm căn cứ đóng').fill('1000000');
      const field = page.locator('.ant-form-item').filter({ hasText: 'Thu nhập tháng làm căn cứ đóng' });
      await field
        .getByText(/Thu nhập 1\.000\.000 đ thấp hơn mức tối thiểu .* \(chuẩn nghèo nông thôn\)/)
        .waitFor();
      await page.getByText('Sửa thông tin được đánh dấu để xem kết quả.').waitFor();
      expect(await total(page).count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('adds Hà Nội’s own support for the near-poor', async () => {
    const today = vietnamToday();
    const { context, page } = await openPage(b.browser, b.baseUrl, DESKTOP);
    try {
      await page.goto('/tinh-muc-dong');
      await page.getByLabel('Hộ cận nghèo').check();
      await pickProvince(page, 'ha noi', 'Hà Nội');
      const income = await page.getByLabel('Thu nhập tháng làm căn cứ đóng').inputValue();
      const quote = await apiQuote('vsi-quote', {
        paymentDate: today,
        monthlyIncome: Number(income.replace(/\D/g, '')),
        mode: 'monthly',
        categories: ['near_poor'],
        provinceCode: '01',
      });
      if (today >= '2026-01-01') expect(quote.localSupportMonthly).toBeGreaterThan(0);
      const local = page.locator('.calc-breakdown > div').filter({ hasText: 'Địa phương hỗ trợ' });
      expect(await local.textContent()).toContain(formatVnd(quote.localSupportMonthly!));
      await expect.poll(() => total(page).textContent()).toContain(formatVnd(quote.total!));
      await page.getByText(/Tỷ lệ hỗ trợ thêm của địa phương \(Hà Nội\)/).waitFor();
    } finally {
      await context.close();
    }
  });

  it('quotes household health insurance for 3 members, member by member', async () => {
    const today = vietnamToday();
    const { context, page } = await openPage(b.browser, b.baseUrl, PHONE);
    try {
      await page.goto('/tinh-muc-dong');
      await page.getByRole('tab', { name: 'BHYT hộ gia đình' }).click();
      await page.getByLabel('Số thành viên trong hộ').fill('3');
      await page.locator('.ant-segmented').getByText('12 tháng', { exact: true }).click();
      const quote = await apiQuote<{ total: number; members: { order: number; monthly: number }[] }>(
        'hhi-quote',
        { paymentDate: today, members: 3, months: 12 },
      );
      const rows = page.locator('.calc-hhi-table tbody tr');
      await expect.poll(() => rows.count()).toBe(3);
      for (const m of quote.members) {
        expect(await rows.nth(m.order - 1).textContent()).toContain(formatVnd(m.monthly));
      }
      expect(await total(page).filter({ visible: true }).textContent()).toContain(formatVnd(quote.total));
    } finally {
      await context.close();
    }
  });

  it('projects the pension and draws "withdraw now" against "keep paying"', async () => {
    const { context, page } = await openPage(b.browser, b.baseUrl, PHONE);
    try {
      await page.goto('/tinh-muc-dong');
      await page.getByLabel('Tháng, năm sinh').fill('05/1980');
      await page.getByLabel('Tháng, năm sinh').press('Enter');
      await page.getByText('Nam', { exact: true }).click();
      await page.getByLabel('Số tháng đã đóng BHXH').fill('60');
      const table = page.locator('.calc-pension-table');
      for (const years of [15, 20, 25, 30]) await table.getByText(`${years} năm`, { exact: true }).waitFor();
      await table.getByText(/Nếu đóng đến khi nghỉ hưu/).waitFor();
      await page
        .getByText(/Giả định: thu nhập bình quân làm căn cứ tính lương hưu bằng thu nhập đã chọn/)
        .waitFor();
      await page.getByText(/^Rút một lần bây giờ: nhận khoảng/).waitFor();
      const chart = page.getByRole('figure', { name: /so sánh tiền nhận được khi rút BHXH một lần/ });
      await chart.locator('canvas').first().waitFor();
    } finally {
      await context.close();
    }
  });

  it('prints a quote sheet: no shell, no controls, the hotline and the estimate note', async () => {
    const { context, page } = await openPage(b.browser, b.baseUrl, DESKTOP);
    try {
      await page.goto('/tinh-muc-dong');
      await page.getByLabel('Hộ nghèo').check();
      await total(page).waitFor();
      await page.evaluate(() => {
        const w = window as unknown as { printed: number };
        w.printed = 0;
        window.print = () => {
          w.printed += 1;
        };
      });
      await page.getByRole('button', { name: 'In phiếu tính' }).click();
      expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

      await page.emulateMedia({ media: 'print' });
      expect(await page.getByLabel('Thu nhập tháng làm căn cứ đóng').isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: 'In phiếu tính' }).isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: 'Đăng nhập' }).isVisible()).toBe(false);
      expect(await page.getByRole('tab', { name: 'BHYT hộ gia đình' }).isVisible()).toBe(false);
      expect(await page.getByText('Phiếu tính mức đóng BHXH tự nguyện').isVisible()).toBe(true);
      expect(await page.getByText('Tổng đài hỗ trợ BHXH Việt Nam: 1900 9068').isVisible()).toBe(true);
      expect(await page.getByText(/số liệu ước tính để tham khảo/).isVisible()).toBe(true);
      expect(await page.locator('.print-inputs').getByText('Hộ nghèo').isVisible()).toBe(true);
      expect(await total(page).isVisible()).toBe(true);
      expect(await page.getByText(/^Phiên bản quy định:/).isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('still computes after an offline reload, with the rules saved on the phone', async () => {
    const { context, page } = await openPage(b.browser, b.baseUrl, PHONE);
    try {
      await page.goto('/tinh-muc-dong');
      await total(page).waitFor();
      // The service worker has precached the app once it controls the page.
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
        timeout: 30_000,
      });
      const online = await total(page).textContent();

      await context.setOffline(true);
      await page.reload();
      await page.getByText(/^Ngoại tuyến — dùng quy định lưu ngày \d{2}\/\d{2}\/\d{4}$/).waitFor();
      await page.getByLabel('Hộ cận nghèo').check();
      await page.getByLabel('Hộ cận nghèo').uncheck();
      await expect.poll(() => total(page).textContent()).toBe(online);
      await page.getByLabel('Thu nhập tháng làm căn cứ đóng').fill('1000000');
      await page.getByText(/thấp hơn mức tối thiểu/).waitFor();
    } finally {
      await context.close();
    }
  });
});
