import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { openPage, PHONE, setupBrowser, signIn } from './browser.ts';
import { apiAs, campaignThroughApi, enrollInHanoi } from './campaign-api.ts';

const b = setupBrowser();

/** Clicks the download link of an export and reads the file the browser saved. */
async function downloaded(page: Page, item: Locator): Promise<Buffer> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    item.getByRole('link', { name: /^Tải về / }).click(),
  ]);
  return fs.readFileSync((await download.path())!);
}

/** Each province's share of a campaign's national VSI target, by province code. */
async function nationalTargets(campaignId: number): Promise<Map<string, number>> {
  const officer = await apiAs('demo.trunguong');
  try {
    const national = await officer.call<{ children: { orgUnitId: number; amount: number }[] }>(
      'GET',
      `/campaigns/${campaignId}/targets?product=vsi`,
    );
    const units = await officer.call<{ items: { id: number; provinceCode: string | null }[] }>(
      'GET',
      '/org-units?kind=vss_province&limit=100',
    );
    const province = new Map(units.items.map((u) => [u.id, u.provinceCode]));
    return new Map(national.children.map((c) => [province.get(c.orgUnitId) ?? '', c.amount]));
  } finally {
    await officer.dispose();
  }
}

/** Anything drawn past the right edge of the screen, except inside a box made to scroll sideways. */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const scrolls = (el: Element): boolean => {
      for (let node = el.parentElement; node && node !== document.body; node = node.parentElement) {
        if (['auto', 'scroll'].includes(getComputedStyle(node).overflowX)) return true;
      }
      return false;
    };
    return Array.from(document.querySelectorAll('.page *'))
      .filter((el) => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && box.right > width + 1 && !scrolls(el);
      })
      .map((el) => `${el.tagName.toLowerCase()}.${String(el.className)}`)
      .slice(0, 5);
  });
}

describe('a central officer exports the report', () => {
  it('asks for progress by province of the campaign just made, as CSV and as PDF, and downloads them', async () => {
    const campaign = `Chiến dịch báo cáo ${Date.now()}`;
    const campaignId = await campaignThroughApi(campaign);
    await enrollInHanoi(campaignId);
    const targets = await nationalTargets(campaignId);
    const { context, page } = await openPage(b.browser, b.baseUrl);
    try {
      await signIn(page, 'demo.trunguong', inject('e2e').demoPassword);
      await page.getByRole('navigation').getByRole('link', { name: 'Báo cáo' }).click();
      await page.waitForURL((url) => url.pathname === '/bao-cao');
      await page.getByRole('heading', { name: 'Báo cáo', level: 1 }).waitFor();
      await page.getByText('Chưa có bản xuất nào. Chọn báo cáo ở trên rồi bấm Xuất.').waitFor();

      // Progress by province (the default), for this campaign only, both products, the whole country.
      const picker = page.getByRole('combobox', { name: 'Chiến dịch' });
      await picker.click();
      await page.getByRole('option', { name: campaign }).click();
      await page.getByRole('button', { name: 'Xuất CSV' }).click();
      await page.getByText('Đã bắt đầu xuất “Tiến độ theo tỉnh”.').waitFor();
      const list = page.getByRole('region', { name: 'Danh sách bản xuất' });
      const item = list
        .getByRole('row', { name: /Tiến độ theo tỉnh/ })
        .filter({ hasText: `Chiến dịch: ${campaign}` })
        .filter({ hasText: 'CSV' });
      await item.getByText('Xong', { exact: true }).waitFor({ timeout: 30_000 });
      await item.getByText(/^\d+ dòng$/).waitFor();

      const file = await downloaded(page, item);
      expect(file.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      const [header, ...rows] = parse(file, { bom: true }) as string[][];
      expect(header).toEqual([
        'Mã tỉnh',
        'Tỉnh, thành phố',
        'Sản phẩm',
        'Đăng ký mới',
        'Đóng lần đầu',
        'Lượt đóng',
        'Số tiền (đồng)',
        'Chỉ tiêu',
        'Đạt chỉ tiêu (%)',
      ]);
      // The campaign's one registration, in Hà Nội, against the province's share of the 10,000.
      const vsi = rows.filter((r) => r[2] === 'BHXH tự nguyện');
      expect(vsi).toHaveLength(34);
      expect(vsi.reduce((sum, r) => sum + Number(r[3]), 0)).toBe(1);
      expect(vsi.reduce((sum, r) => sum + Number(r[7]), 0)).toBe(10_000);
      const hanoi = vsi.find((r) => r[0] === '01');
      expect(hanoi?.[1]).toBe('Thành phố Hà Nội');
      expect(hanoi?.[3]).toBe('1');
      expect(Number(hanoi?.[7])).toBe(targets.get('01'));

      // The same report once as PDF, to read and print.
      await page.getByRole('button', { name: 'Xuất PDF' }).click();
      const pdf = list
        .getByRole('row', { name: /Tiến độ theo tỉnh/ })
        .filter({ hasText: `Chiến dịch: ${campaign}` })
        .filter({ hasText: 'PDF' });
      await pdf.getByText('Xong', { exact: true }).waitFor({ timeout: 30_000 });
      const printed = await downloaded(page, pdf);
      expect(printed.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(printed.length).toBeGreaterThan(1_000);
    } finally {
      await context.close();
    }
  }, 90_000);
});

describe('a provincial officer exports the win-back list', () => {
  it('as Excel, with the province’s people only and their IDs masked', async () => {
    const { context, page } = await openPage(b.browser, b.baseUrl);
    try {
      await signIn(page, 'demo.tinh', inject('e2e').demoPassword);
      await page.goto('/bao-cao');
      await page.getByLabel('Loại báo cáo').click();
      await page.locator('.ant-select-item-option[title="Danh sách dừng đóng cần vận động lại"]').click();
      await page.getByText('Hạn đóng trong khoảng').waitFor();
      await page.getByRole('button', { name: 'Xuất Excel' }).click();
      const item = page
        .getByRole('region', { name: 'Danh sách bản xuất' })
        .getByRole('row', { name: /Danh sách dừng đóng cần vận động lại/ });
      await item.getByText('Xong', { exact: true }).waitFor({ timeout: 30_000 });

      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await downloaded(page, item)) as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0]!;
      const values = (row: number) =>
        Array.from((sheet.getRow(row).values as unknown[]).slice(1), (v) => v ?? null);
      expect(values(1)).toEqual(['Danh sách dừng đóng cần vận động lại']);
      const headerAt = Array.from({ length: sheet.rowCount }, (_, i) => i + 1).find(
        (r) => values(r)[0] === 'Họ và tên',
      )!;
      expect(values(headerAt).slice(0, 5)).toEqual([
        'Họ và tên',
        'Số định danh cá nhân',
        'Điện thoại',
        'Xã, phường',
        'Tỉnh, thành phố',
      ]);
      const people = Array.from({ length: sheet.rowCount - headerAt }, (_, i) => values(headerAt + 1 + i));
      expect(people.length).toBeGreaterThan(0);
      expect(people.every((p) => p[4] === 'Thành phố Hà Nội')).toBe(true);
      expect(people.every((p) => /^\d{3}\*{6}\d{3}$/.test(String(p[1])))).toBe(true);
    } finally {
      await context.close();
    }
  }, 90_000);
});

describe('the report screen on a 360-pixel phone', () => {
  it('fits the screen, and an export runs to its download link', async () => {
    const { context, page } = await openPage(b.browser, b.baseUrl, PHONE);
    try {
      await signIn(page, 'demo.tinh', inject('e2e').demoPassword);
      await page.goto('/bao-cao');
      await page.getByRole('button', { name: 'Xuất Excel' }).waitFor();
      expect(await overflowing(page)).toEqual([]);
      await page.getByRole('button', { name: 'Xuất Excel' }).click();
      await page.getByText('Đã bắt đầu xuất “Tiến độ theo tỉnh”.').waitFor();
      const item = page
        .getByRole('list', { name: 'Danh sách bản xuất' })
        .getByRole('listitem')
        .filter({ hasText: 'Tiến độ theo tỉnh' })
        .filter({ hasText: 'XLSX' });
      await item.getByText('Xong', { exact: true }).waitFor({ timeout: 30_000 });
      await item.getByRole('link', { name: /^Tải về / }).waitFor();
      expect(await overflowing(page)).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);
});
