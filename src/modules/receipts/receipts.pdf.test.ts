import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderReceiptPdf } from './receipts.pdf.ts';
import { buildHhiReceiptView, buildVoidedReceiptView, buildVsiReceiptView } from './receipts.samples.ts';
import type { ReceiptView } from './receipts.view.ts';

const pageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type \/Page\n/g)?.length ?? 0;

describe('renderReceiptPdf', () => {
  it('writes a PDF with Be Vietnam Pro embedded', async () => {
    const pdf = await renderReceiptPdf(buildVsiReceiptView());
    const raw = pdf.toString('latin1');

    expect(raw.startsWith('%PDF-')).toBe(true);
    expect(raw).toMatch(/\/FontName \/[A-Z]{6}\+BeVietnamPro-Regular/);
    expect(raw).toMatch(/\/FontName \/[A-Z]{6}\+BeVietnamPro-Bold/);
    expect(raw).toContain('/FontFile2'); // the TrueType program itself, not just a reference
  });

  it('gives the same bytes for the same receipt', async () => {
    const [a, b] = await Promise.all([
      renderReceiptPdf(buildVsiReceiptView()),
      renderReceiptPdf(buildVsiReceiptView()),
    ]);

    expect(a.equals(b)).toBe(true);
  });

  it('dates the document from the receipt, not from the clock', async () => {
    const raw = (await renderReceiptPdf(buildVsiReceiptView())).toString('latin1');

    expect(raw).toContain('(D:20260412073500Z)'); // 12/04/2026 14:35 in Vietnam
  });

  it('fits a VSI receipt and a four-member household on one A5 page', async () => {
    const [vsi, hhi] = await Promise.all([
      renderReceiptPdf(buildVsiReceiptView()),
      renderReceiptPdf(buildHhiReceiptView()),
    ]);

    expect(pageCount(vsi)).toBe(1);
    expect(pageCount(hhi)).toBe(1);
    expect(vsi.toString('latin1')).toContain('/MediaBox [0 0 419.53 595.28]');
  });
});

// pdftotext is Debian's poppler-utils; CI installs it. Without it only the text checks are skipped.
const hasPdftotext = !spawnSync('pdftotext', ['-v']).error;

describe.skipIf(!hasPdftotext)(
  'renderReceiptPdf text, read back with pdftotext (skipped: poppler-utils missing)',
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'receipts-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    let seq = 0;
    /** One string per page (pdftotext ends each with a form feed). Only `raw` reads the rotated stamp. */
    async function pdfText(view: ReceiptView, mode: 'reading' | 'raw' = 'reading'): Promise<string[]> {
      const file = join(dir, `${++seq}.pdf`);
      writeFileSync(file, await renderReceiptPdf(view));
      const args = [...(mode === 'raw' ? ['-raw'] : []), '-enc', 'UTF-8', file, '-'];
      return execFileSync('pdftotext', args, { encoding: 'utf8' }).split('\f').slice(0, -1);
    }

    it('reads back the Vietnamese text with its diacritics', async () => {
      const [page] = await pdfText(buildVsiReceiptView());

      expect(page).toContain('Biên lai thu tiền');
      expect(page).toContain('Đóng bảo hiểm xã hội tự nguyện');
      expect(page).toContain('Nguyễn Thị Ánh Tuyết');
      expect(page).toContain('Thôn 3, xã Ea Kao, tỉnh Đắk Lắk');
      expect(page).toContain('Từ tháng 04/2026 đến tháng 06/2026 (3 tháng)');
      expect(page).toContain('1.122.000 đ');
      expect(page).toContain('Bằng chữ: Một triệu một trăm hai mươi hai nghìn đồng.');
      expect(page).toContain('−198.000 đ');
      expect(page).toContain('Tiền mặt');
      expect(page).toContain('Quét để đóng kỳ tiếp theo');
      expect(page).toContain('Người nộp tiền');
      expect(page).toContain('Người thu tiền');
      expect(page).toContain('Hoàng Văn Lực');
      expect(page).toContain('2026-01-01.2cfd8a9f');
    });

    it('lists every household member', async () => {
      const [page] = await pdfText(buildHhiReceiptView());

      for (const name of ['Y Bhin Niê', 'H’Linh Êban', 'Y Khoa Niê', 'H’Mai Niê'])
        expect(page).toContain(name);
      expect(page).toContain('Ba triệu năm trăm ba mươi tám nghìn không trăm tám mươi đồng');
    });

    it('stamps a voided receipt with the reason and offers no next payment', async () => {
      const [page] = await pdfText(buildVoidedReceiptView(), 'raw');

      expect(page).toMatch(/^ĐÃ HỦY$/m);
      expect(page).toContain('Lý do: Thu nhầm kỳ đóng, người tham gia đã đóng tại BHXH cơ sở');
      expect(page).not.toContain('Quét để đóng');
    });

    it('marks a demo receipt', async () => {
      const view = buildVsiReceiptView({ demo: true });
      const [page] = await pdfText(view);
      const raw = (await renderReceiptPdf(view)).toString('latin1');

      expect(page).toContain('DEMO – không có giá trị thanh toán');
      // The diagonal watermark is drawn translucent; pdftotext cannot read diagonal text back whole.
      expect(raw).toContain('/ca 0.16');
      expect((await renderReceiptPdf(buildVsiReceiptView())).toString('latin1')).not.toContain('/ca 0.16');
    });

    it('flows a large household onto numbered pages without blank ones', async () => {
      const members = Array.from({ length: 40 }, (_, i) => ({
        order: i + 1,
        fullName: `Thành viên số ${i + 1}`,
        maskedId: '066085****17',
        monthly: 52_650,
      }));
      const pages = await pdfText(buildHhiReceiptView({ household: { members } }));

      expect(pages.length).toBeGreaterThan(1);
      pages.forEach((page, i) => {
        expect(page).toContain(`Trang ${i + 1}/${pages.length}`);
        if (page.includes('Thành viên số')) expect(page).toContain('Mức đóng/tháng');
        expect(page.trim().split('\n').length).toBeGreaterThan(5);
      });
      expect(pages.join('\n')).toContain('Thành viên số 40');
      expect(pages.at(-1)).toContain('Người thu tiền');
    });
  },
);
