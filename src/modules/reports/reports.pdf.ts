import { once } from 'node:events';
import fs from 'node:fs';
import PDFDocument from 'pdfkit';
import { type FontName, loadFonts } from '../receipts/receipts.pdf.ts';
import type { FileWriter, ReportSheet, SheetColumn } from './reports.files.ts';
import type { Row } from './reports.kinds.ts';

/**
 * A report as a printable table: A4 landscape, Be Vietnam Pro embedded as on receipts (the PDF
 * standard fonts have no Vietnamese glyphs), the column headings repeated on every page, and each
 * page written out as it fills. PDFs are for reports a person reads; a long list goes to CSV or XLSX.
 */
export const PDF_MAX_ROWS = 20_000;

const PAGE = { width: 841.89, height: 595.28 }; // A4 landscape, in points
const M = 28;
const CW = PAGE.width - 2 * M;
const FOOTER_Y = PAGE.height - 22;
const BOTTOM = FOOTER_Y - 8;
const PAD = 2.5;
const BODY = 7.5;
const COLOR = {
  ink: '#1c2430',
  muted: '#5d6b7a',
  rule: '#cdd6e0',
  brand: '#0b4f8a',
  tint: '#eaf2fa',
  zebra: '#f5f7fa',
};

const NUMERIC = new Set(['int', 'money', 'percent']);

function formatter(lang: 'vi' | 'en') {
  const number = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US', {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  return (value: Row[number], column: SheetColumn): string => {
    if (value === null || value === undefined) return '';
    switch (column.type) {
      case 'int':
      case 'money':
        return number.format(Number(value));
      case 'percent':
        return percent.format(Number(value));
      case 'month':
        return `${String(value).slice(5, 7)}/${String(value).slice(0, 4)}`;
      case 'date':
        return `${String(value).slice(8, 10)}/${String(value).slice(5, 7)}/${String(value).slice(0, 4)}`;
      default:
        return String(value);
    }
  };
}

export async function openPdfWriter(file: string, sheet: ReportSheet): Promise<FileWriter> {
  const fonts = await loadFonts();
  const doc = new PDFDocument({
    size: [PAGE.width, PAGE.height],
    // Pages are broken here, not by pdfkit: no bottom margin for it to act on.
    margins: { top: M, left: M, right: M, bottom: 0 },
    lang: sheet.lang === 'vi' ? 'vi-VN' : 'en',
    displayTitle: true,
    info: { Title: sheet.title, Author: sheet.author, Creator: 'Điểm Tựa', CreationDate: sheet.createdAt },
  });
  const out = fs.createWriteStream(file);
  doc.pipe(out);
  for (const [name, data] of fonts) doc.registerFont(name, data);

  const format = formatter(sheet.lang);
  const weight = sheet.columns.reduce((sum, c) => sum + c.width, 0);
  const widths = sheet.columns.map((c) => (c.width / weight) * CW);
  const lefts = widths.map((_, i) => M + widths.slice(0, i).reduce((a, b) => a + b, 0));
  let y = M;
  let page = 1;
  let rows = 0;

  const write = (
    s: string,
    x: number,
    top: number,
    o: { font: FontName; size: number; width: number; color?: string; align?: 'left' | 'right' },
  ) => {
    doc
      .font(o.font)
      .fontSize(o.size)
      .fillColor(o.color ?? COLOR.ink);
    doc.text(s, x, top, { width: o.width, align: o.align ?? 'left', lineGap: 0.5 });
  };
  const height = (s: string, font: FontName, size: number, width: number) =>
    doc.font(font).fontSize(size).heightOfString(s, { width, lineGap: 0.5 });

  const footer = () => {
    write(`Điểm Tựa · ${sheet.title} · ${sheet.lang === 'vi' ? 'trang' : 'page'} ${page}`, M, FOOTER_Y, {
      font: 'regular',
      size: 7,
      width: CW,
      color: COLOR.muted,
      align: 'right',
    });
  };

  const drawHeader = () => {
    const h =
      Math.max(...sheet.columns.map((c, i) => height(c.header, 'semibold', BODY, widths[i]! - 2 * PAD))) +
      2 * PAD;
    doc.rect(M, y, CW, h).fill(COLOR.tint);
    sheet.columns.forEach((c, i) => {
      write(c.header, lefts[i]! + PAD, y + PAD, {
        font: 'semibold',
        size: BODY,
        width: widths[i]! - 2 * PAD,
        color: COLOR.brand,
        align: NUMERIC.has(c.type) ? 'right' : 'left',
      });
    });
    y += h;
  };

  const newPage = () => {
    footer();
    doc.addPage();
    page++;
    y = M;
    drawHeader();
  };

  write(sheet.title, M, y, { font: 'bold', size: 13, width: CW, color: COLOR.brand });
  y += height(sheet.title, 'bold', 13, CW) + 3;
  for (const line of sheet.lines) {
    write(line, M, y, { font: 'regular', size: 8, width: CW, color: COLOR.muted });
    y += height(line, 'regular', 8, CW) + 1;
  }
  y += 6;
  drawHeader();

  return {
    async write(chunk) {
      for (const values of chunk) {
        const texts = values.map((v, i) => format(v, sheet.columns[i]!));
        const h =
          Math.max(...texts.map((s, i) => height(s, 'regular', BODY, widths[i]! - 2 * PAD))) + 2 * PAD;
        if (y + h > BOTTOM) newPage();
        if (rows % 2 === 1) doc.rect(M, y, CW, h).fill(COLOR.zebra);
        texts.forEach((s, i) => {
          write(s, lefts[i]! + PAD, y + PAD, {
            font: 'regular',
            size: BODY,
            width: widths[i]! - 2 * PAD,
            align: NUMERIC.has(sheet.columns[i]!.type) ? 'right' : 'left',
          });
        });
        y += h;
        rows++;
      }
      doc
        .moveTo(M, y)
        .lineTo(M + CW, y)
        .lineWidth(0.5)
        .strokeColor(COLOR.rule)
        .stroke();
      // Finished pages wait in the file stream while the disk is behind; so do the next rows.
      if (out.writableNeedDrain) await once(out, 'drain');
      else await new Promise((resolve) => setImmediate(resolve));
    },
    async finish() {
      if (rows === 0) {
        const empty =
          sheet.lang === 'vi'
            ? 'Không có số liệu nào trong phạm vi đã chọn.'
            : 'No figures in the chosen scope.';
        write(empty, M, y + 6, { font: 'italic', size: 8.5, width: CW, color: COLOR.muted });
      }
      footer();
      doc.end();
      await once(out, 'close');
    },
    async abort() {
      doc.end();
      out.destroy();
      await once(out, 'close').catch(() => {});
    },
  };
}
