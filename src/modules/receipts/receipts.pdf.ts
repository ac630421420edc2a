import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { vietQrPng } from './receipts.vietqr.ts';
import { presentReceipt, type ReceiptText, type ReceiptView } from './receipts.view.ts';

/**
 * The printable receipt: A5 portrait, the size of half an A4 sheet that every post office printer takes,
 * with Be Vietnam Pro embedded (subset) because the PDF standard fonts have no Vietnamese glyphs.
 */

const PAGE = { width: 419.53, height: 595.28 }; // A5 in points
const M = 26; // side margin, ≈ 0.9 cm: inside every printer's unprintable edge
const TOP = 22;
const CW = PAGE.width - 2 * M;
const FOOTER_TOP = PAGE.height - 20;
const CONTENT_BOTTOM = FOOTER_TOP - 7;
/** 3.1 cm: over the 3 cm a phone camera needs to read a ~40-module VietQR from arm's length. */
const QR_SIZE = 88;
const LABEL_W = 70;
const ROW_GAP = 2;

const COLOR = {
  ink: '#1c2430',
  muted: '#5d6b7a',
  rule: '#cdd6e0',
  brand: '#0b4f8a',
  tint: '#eaf2fa',
  zebra: '#f5f7fa',
  red: '#c62828',
};

const FONT_FILES = {
  regular: '@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf',
  italic: '@expo-google-fonts/be-vietnam-pro/400Regular_Italic/BeVietnamPro_400Regular_Italic.ttf',
  semibold: '@expo-google-fonts/be-vietnam-pro/600SemiBold/BeVietnamPro_600SemiBold.ttf',
  bold: '@expo-google-fonts/be-vietnam-pro/700Bold/BeVietnamPro_700Bold.ttf',
} as const;
export type FontName = keyof typeof FONT_FILES;

let fonts: Promise<[FontName, Buffer][]> | undefined;

/**
 * Read once per process; a failed read is retried on the next receipt rather than cached. Report
 * PDFs (reports module) embed the same fonts.
 */
export function loadFonts(): Promise<[FontName, Buffer][]> {
  if (!fonts) {
    const require = createRequire(import.meta.url);
    fonts = Promise.all(
      (Object.keys(FONT_FILES) as FontName[]).map(
        async (name) => [name, await readFile(require.resolve(FONT_FILES[name]))] as [FontName, Buffer],
      ),
    );
    fonts.catch(() => {
      fonts = undefined;
    });
  }
  return fonts;
}

export async function renderReceiptPdf(view: ReceiptView): Promise<Buffer> {
  const text = presentReceipt(view);
  const [fontFiles, qrPng] = await Promise.all([
    loadFonts(),
    text.nextDue?.qr ? vietQrPng(text.nextDue.qr.payload) : null,
  ]);

  // Dates come from the view, so the same receipt always yields the same bytes.
  const doc = new PDFDocument({
    size: [PAGE.width, PAGE.height],
    margins: { top: TOP, left: M, right: M, bottom: 8 },
    bufferPages: true,
    lang: 'vi-VN',
    displayTitle: true,
    info: {
      Title: `${text.title} ${view.number}`,
      Subject: text.subtitle,
      Author: view.unit.name,
      Creator: 'Điểm Tựa',
      CreationDate: new Date(view.issuedAt),
      ModDate: new Date(view.voided?.at ?? view.issuedAt),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  for (const [name, data] of fontFiles) doc.registerFont(name, data);
  const pen = createPen(doc);
  drawHeader(pen, text);
  drawParticipant(pen, text);
  if (text.members.length > 0) drawMembers(pen, text);
  drawPayment(pen, text);
  if (text.nextDue) drawNextDue(pen, text.nextDue, qrPng);
  drawSignatures(pen, text);
  drawPageDecorations(doc, text);

  doc.end();
  return done;
}

type Doc = PDFKit.PDFDocument;
interface Pen {
  doc: Doc;
  y: number;
  /** Starts a new page when the next block of height h would run into the footer; true if it did. */
  ensure(h: number): boolean;
  write(
    s: string,
    x: number,
    y: number,
    o: { font: FontName; size: number; color?: string; width?: number; align?: 'left' | 'center' | 'right' },
  ): number;
  height(s: string, font: FontName, size: number, width: number): number;
  rule(y: number, color?: string, weight?: number): void;
}

function createPen(doc: Doc): Pen {
  const pen: Pen = {
    doc,
    y: TOP,
    ensure(h) {
      if (pen.y + h <= CONTENT_BOTTOM) return false;
      doc.addPage();
      pen.y = TOP;
      return true;
    },
    write(s, x, y, o) {
      const width = o.width ?? CW - (x - M);
      doc
        .font(o.font)
        .fontSize(o.size)
        .fillColor(o.color ?? COLOR.ink);
      doc.text(s, x, y, { width, align: o.align ?? 'left', lineGap: 1 });
      return doc.heightOfString(s, { width, lineGap: 1 });
    },
    height(s, font, size, width) {
      return doc.font(font).fontSize(size).heightOfString(s, { width, lineGap: 1 });
    },
    rule(y, color = COLOR.rule, weight = 0.6) {
      doc
        .moveTo(M, y)
        .lineTo(M + CW, y)
        .lineWidth(weight)
        .strokeColor(color)
        .stroke();
    },
  };
  return pen;
}

function drawHeader(pen: Pen, t: ReceiptText): void {
  const leftW = CW * 0.62;
  let left = pen.y;
  left += pen.write(t.unit.name, M, left, { font: 'bold', size: 9.5, color: COLOR.brand, width: leftW }) + 1;
  for (const line of t.unit.contact) {
    left += pen.write(line, M, left, { font: 'regular', size: 7.5, color: COLOR.muted, width: leftW });
  }
  const rightX = M + leftW + 8;
  const rightW = CW - leftW - 8;
  let right = pen.y + 1;
  for (const [label, value] of [
    ['Số', t.number],
    ['Ngày', t.issuedAt],
  ] as const) {
    const valueW = pen.doc.font('semibold').fontSize(8.5).widthOfString(value);
    pen.write(`${label}:`, rightX, right + 0.7, {
      font: 'regular',
      size: 7.5,
      color: COLOR.muted,
      width: rightW - valueW - 4,
      align: 'right',
    });
    right +=
      pen.write(value, rightX, right, { font: 'semibold', size: 8.5, width: rightW, align: 'right' }) + 2;
  }
  pen.y = Math.max(left, right) + 4;
  pen.rule(pen.y, COLOR.brand, 1.2);
  pen.y += 9;

  pen.y += pen.write(t.title, M, pen.y, { font: 'bold', size: 17, align: 'center' });
  pen.y += pen.write(t.subtitle, M, pen.y, {
    font: 'semibold',
    size: 9.5,
    color: COLOR.brand,
    align: 'center',
  });
  if (t.demo) {
    pen.y += 4;
    pen.y += pen.write(t.demo, M, pen.y, { font: 'bold', size: 8.5, color: COLOR.red, align: 'center' });
  }
  if (t.voided) {
    pen.y += 5;
    pen.y += pen.write(`Biên lai đã hủy — ${t.voided.detail}`, M, pen.y, {
      font: 'semibold',
      size: 8.5,
      color: COLOR.red,
      align: 'center',
    });
    pen.y += pen.write(`Lý do: ${t.voided.reason}`, M, pen.y, {
      font: 'regular',
      size: 8.5,
      color: COLOR.red,
      align: 'center',
    });
  }
  pen.y += 8;
}

function drawSection(pen: Pen, title: string, minBody: number): void {
  pen.ensure(13 + minBody);
  pen.write(title.toUpperCase(), M, pen.y, { font: 'semibold', size: 7, color: COLOR.brand });
  pen.y += 9;
  pen.rule(pen.y);
  pen.y += 4;
}

function drawRow(pen: Pen, label: string, value: string, font: FontName = 'regular', size = 8.5): void {
  const h = pen.height(value, font, size, CW - LABEL_W);
  pen.ensure(h);
  pen.write(label, M, pen.y + (size - 8) / 2 + 0.4, {
    font: 'regular',
    size: 8,
    color: COLOR.muted,
    width: LABEL_W,
  });
  pen.write(value, M + LABEL_W, pen.y, { font, size, width: CW - LABEL_W });
  pen.y += h + ROW_GAP;
}

function drawParticipant(pen: Pen, t: ReceiptText): void {
  drawSection(pen, t.participantHeading, 36);
  for (const row of t.participant) {
    drawRow(pen, row.label, row.value, row.strong ? 'bold' : 'regular', row.strong ? 9.5 : 8.5);
  }
  pen.y += 5;
}

function drawMembers(pen: Pen, t: ReceiptText): void {
  drawSection(pen, `Thành viên tham gia (${t.members.length} người)`, 30);
  const cols = [
    { x: M + 4, w: 22, align: 'left' as const },
    { x: M + 26, w: CW - 26 - 170, align: 'left' as const },
    { x: M + CW - 168, w: 80, align: 'left' as const },
    { x: M + CW - 88, w: 84, align: 'right' as const },
  ];
  const header = ['STT', 'Họ và tên', 'Số định danh', 'Mức đóng/tháng'];
  const row = (cells: string[], font: FontName, size: number, color: string, fill?: string) => {
    const h = Math.max(...cells.map((c, i) => pen.height(c, font, size, cols[i]!.w))) + 3;
    // A long household continues on the next page under its column headings again.
    if (pen.ensure(h) && cells !== header) row(header, 'semibold', 7.5, COLOR.muted, COLOR.zebra);
    if (fill) pen.doc.rect(M, pen.y, CW, h).fill(fill);
    cells.forEach((c, i) => {
      const col = cols[i]!;
      pen.write(c, col.x, pen.y + 1.5, { font, size, color, width: col.w, align: col.align });
    });
    pen.y += h;
  };
  row(header, 'semibold', 7.5, COLOR.muted, COLOR.zebra);
  for (const m of t.members) row([m.order, m.fullName, m.maskedId, m.monthly], 'regular', 8.5, COLOR.ink);
  pen.rule(pen.y);
  pen.y += 8;
}

function drawPayment(pen: Pen, t: ReceiptText): void {
  drawSection(pen, 'Nội dung thu', 50);
  for (const row of t.paid) drawRow(pen, row.label, row.value);
  pen.y += 2;

  const amountW = 88;
  const labelW = CW - amountW - 8;
  for (const line of t.lines) {
    const h = pen.height(line.label, 'regular', 8.5, labelW) + 5;
    pen.ensure(h);
    pen.write(line.label, M, pen.y + 2.5, { font: 'regular', size: 8.5, width: labelW });
    pen.write(line.amount, M + CW - amountW, pen.y + 2.5, {
      font: 'regular',
      size: 8.5,
      width: amountW,
      align: 'right',
    });
    pen.y += h;
    pen.doc
      .moveTo(M, pen.y)
      .lineTo(M + CW, pen.y)
      .lineWidth(0.4)
      .dash(1.5, { space: 1.5 })
      .strokeColor(COLOR.rule)
      .stroke()
      .undash();
  }
  pen.y += 5;
  if (t.fundRate) {
    pen.ensure(14);
    pen.y += pen.write(t.fundRate, M, pen.y, { font: 'regular', size: 8, color: COLOR.muted, width: CW }) + 4;
  }

  const words = `Bằng chữ: ${t.totalInWords}.`;
  const wordsH = pen.height(words, 'italic', 8.5, CW - 16);
  const bandH = 24 + wordsH + 5;
  pen.ensure(bandH);
  pen.doc.roundedRect(M, pen.y, CW, bandH, 4).fill(COLOR.tint);
  pen.write('Tổng số tiền đã thu', M + 8, pen.y + 8.5, { font: 'semibold', size: 9.5, width: CW / 2 });
  pen.write(t.total, M + CW / 2, pen.y + 5, {
    font: 'bold',
    size: 14,
    color: COLOR.brand,
    width: CW / 2 - 8,
    align: 'right',
  });
  pen.write(words, M + 8, pen.y + 24, { font: 'italic', size: 8.5, width: CW - 16 });
  pen.y += bandH + 7;
}

function drawNextDue(pen: Pen, next: NonNullable<ReceiptText['nextDue']>, png: Buffer | null): void {
  const qr = next.qr;
  if (!qr || !png) {
    pen.ensure(26);
    pen.y += pen.write(next.headline, M, pen.y, { font: 'semibold', size: 9 });
    pen.y += pen.write(next.period, M, pen.y, { font: 'regular', size: 8, color: COLOR.muted }) + 10;
    return;
  }
  const pad = 5;
  const boxH = QR_SIZE + 2 * pad;
  pen.ensure(boxH);
  const top = pen.y;
  pen.doc.roundedRect(M, top, CW, boxH, 5).lineWidth(0.8).strokeColor(COLOR.brand).stroke();
  pen.doc.image(png, M + pad, top + pad, { width: QR_SIZE, height: QR_SIZE });
  const tx = M + pad + QR_SIZE + 12;
  const tw = CW - (tx - M) - pad - 2;
  let y = top + pad + 3;
  y += pen.write(next.headline, tx, y, { font: 'bold', size: 9, color: COLOR.brand, width: tw }) + 3;
  y += pen.write(next.period, tx, y, { font: 'regular', size: 8, width: tw }) + 2;
  for (const line of qr.transfer)
    y += pen.write(line, tx, y, { font: 'regular', size: 7.5, color: COLOR.muted, width: tw });
  y += 2;
  pen.write('Mở ứng dụng ngân hàng, chọn “Quét mã QR”: số tiền và nội dung đã điền sẵn.', tx, y, {
    font: 'italic',
    size: 7.5,
    color: COLOR.muted,
    width: tw,
  });
  pen.y = top + boxH + 8;
}

function drawSignatures(pen: Pen, t: ReceiptText): void {
  // Room to sign grows into whatever the page has left, from 1 cm up to 1.8 cm.
  const fixed = 34;
  pen.ensure(fixed + 30);
  const space = Math.min(52, Math.max(30, CONTENT_BOTTOM - pen.y - fixed));
  const height = fixed + space;
  const colW = CW / 2;
  const cols = [
    { x: M, title: 'Người nộp tiền', name: t.payer, contact: '' },
    { x: M + colW, title: 'Người thu tiền', name: t.collector.name, contact: t.collector.contact },
  ];
  for (const c of cols) {
    let y = pen.y;
    y += pen.write(c.title, c.x, y, { font: 'semibold', size: 8.5, width: colW, align: 'center' });
    pen.write('(Ký, ghi rõ họ tên)', c.x, y, {
      font: 'italic',
      size: 7,
      color: COLOR.muted,
      width: colW,
      align: 'center',
    });
    y += space;
    y += pen.write(c.name, c.x, y, { font: 'semibold', size: 8.5, width: colW, align: 'center' });
    if (c.contact)
      pen.write(c.contact, c.x, y, {
        font: 'regular',
        size: 7,
        color: COLOR.muted,
        width: colW,
        align: 'center',
      });
  }
  pen.y += height;
}

/** Footer, demo watermark and void stamp go on after the content so they sit on top of it. */
function drawPageDecorations(doc: Doc, t: ReceiptText): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc
      .moveTo(M, FOOTER_TOP - 5)
      .lineTo(M + CW, FOOTER_TOP - 5)
      .lineWidth(0.5)
      .strokeColor(COLOR.rule)
      .stroke();
    // height + ellipsis keep each footer piece on one line: a wrap here would open a blank page.
    const single = { height: 8, ellipsis: true, lineGap: 0 };
    doc.font('regular').fontSize(6.5).fillColor(COLOR.muted);
    doc.text(t.smallPrint, M, FOOTER_TOP, { ...single, width: CW - 120 });
    const pageNo = range.count > 1 ? `${t.number}  ·  Trang ${i - range.start + 1}/${range.count}` : t.number;
    doc.text(pageNo, M + CW - 118, FOOTER_TOP, { ...single, width: 118, align: 'right' });
    if (t.demo) drawWatermark(doc, t.demo);
    if (t.voided && i === range.start) drawVoidStamp(doc, t.voided.stamp);
  }
}

function drawWatermark(doc: Doc, label: string): void {
  const cx = PAGE.width / 2;
  const cy = PAGE.height / 2;
  doc.save();
  // Falling left to right, so the word DEMO lands on text, not on the QR code at the lower left.
  doc.rotate(36, { origin: [cx, cy] });
  doc.fillOpacity(0.16).fillColor(COLOR.red).font('bold').fontSize(24);
  const w = doc.widthOfString(label);
  doc.text(label, cx - w / 2, cy - 14, { lineBreak: false });
  doc.restore();
}

function drawVoidStamp(doc: Doc, label: string): void {
  const cx = PAGE.width / 2;
  const cy = PAGE.height * 0.47;
  doc.save();
  doc.rotate(-16, { origin: [cx, cy] });
  doc.font('bold').fontSize(46);
  const w = doc.widthOfString(label) + 40;
  const h = 70;
  doc.opacity(0.82);
  doc
    .roundedRect(cx - w / 2, cy - h / 2, w, h, 8)
    .lineWidth(4)
    .strokeColor(COLOR.red)
    .stroke();
  doc
    .roundedRect(cx - w / 2 + 6, cy - h / 2 + 6, w - 12, h - 12, 5)
    .lineWidth(1.2)
    .stroke();
  doc.fillColor(COLOR.red).text(label, cx - w / 2, cy - 27, { width: w, align: 'center', lineBreak: false });
  doc.restore();
}
