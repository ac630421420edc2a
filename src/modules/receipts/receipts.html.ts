import { vietQrSvg } from './receipts.vietqr.ts';
import { presentReceipt, type ReceiptText, type ReceiptView } from './receipts.view.ts';

/**
 * The receipt as one standalone HTML page for a phone (sent by link or Zalo) that also prints on A5.
 * Everything is inline (CSS, QR as SVG) and the page allows no script, so it works offline and from cache.
 */

export interface ReceiptHtmlOptions {
  lang?: 'vi';
  /** Where "Tải PDF" points; next to the page by default. */
  pdfHref?: string;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Every text that reaches the page goes through here: names and reasons are typed by people. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}

export async function renderReceiptHtml(
  view: ReceiptView,
  options: ReceiptHtmlOptions = {},
): Promise<string> {
  const t = presentReceipt(view);
  const qrSvg = t.nextDue?.qr ? await vietQrSvg(t.nextDue.qr.payload) : null;
  const e = escapeHtml;
  const pdfHref = options.pdfHref ?? `./${encodeURIComponent(view.number)}.pdf`;

  return `<!doctype html>
<html lang="${options.lang ?? 'vi'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${e(`${t.title} ${t.number}`)}</title>
<style>${CSS}</style>
</head>
<body>
${t.demo ? `<div class="watermark" aria-hidden="true">${e(t.demo)}</div>` : ''}
<main class="receipt${t.voided ? ' is-voided' : ''}">
<header class="unit">
  <div>
    <p class="unit-name">${e(t.unit.name)}</p>
    ${t.unit.contact.map((line) => `<p class="muted small">${e(line)}</p>`).join('\n    ')}
  </div>
  <dl class="ref">
    <div><dt>Số</dt><dd>${e(t.number)}</dd></div>
    <div><dt>Ngày</dt><dd>${e(t.issuedAt)}</dd></div>
  </dl>
</header>
<h1>${e(t.title)}<span>${e(t.subtitle)}</span></h1>
${t.demo ? `<p class="alert">${e(t.demo)}</p>` : ''}
${voidedBlock(t)}
<section>
  <h2>${e(t.participantHeading)}</h2>
  <dl class="rows">
    ${t.participant.map((r) => row(r.label, r.value, r.strong)).join('\n    ')}
  </dl>
</section>
${membersBlock(t)}
<section class="paid">
  ${t.voided ? `<div class="stamp" aria-hidden="true">${escapeHtml(t.voided.stamp)}</div>` : ''}
  <h2>Nội dung thu</h2>
  <dl class="rows">
    ${t.paid.map((r) => row(r.label, r.value)).join('\n    ')}
  </dl>
  <table class="lines">
    <tbody>
      ${t.lines.map((l) => `<tr><td>${e(l.label)}</td><td class="num">${e(l.amount)}</td></tr>`).join('\n      ')}
    </tbody>
  </table>
  ${t.fundRate ? `<p class="muted small note">${e(t.fundRate)}</p>` : ''}
  <div class="total">
    <p class="total-row"><span>Tổng số tiền đã thu</span><strong>${e(t.total)}</strong></p>
    <p class="words">Bằng chữ: ${e(t.totalInWords)}.</p>
  </div>
</section>
${nextDueBlock(t, qrSvg)}
<section class="signatures">
  <div><p class="sig-title">Người nộp tiền</p><p class="hint">(Ký, ghi rõ họ tên)</p><p class="sig-name">${e(t.payer)}</p></div>
  <div><p class="sig-title">Người thu tiền</p><p class="hint">(Ký, ghi rõ họ tên)</p><p class="sig-name">${e(t.collector.name)}</p><p class="muted small">${e(t.collector.contact)}</p></div>
</section>
<footer>
  <p class="muted small">${e(t.smallPrint)}</p>
  <a class="download" href="${e(pdfHref)}" download>Tải PDF</a>
</footer>
</main>
</body>
</html>
`;
}

function row(label: string, value: string, strong = false): string {
  const v = strong ? `<strong>${escapeHtml(value)}</strong>` : escapeHtml(value);
  return `<div><dt>${escapeHtml(label)}</dt><dd>${v}</dd></div>`;
}

function voidedBlock(t: ReceiptText): string {
  if (!t.voided) return '';
  const e = escapeHtml;
  return `<p class="alert" role="alert"><strong>Biên lai đã hủy</strong> — ${e(t.voided.detail)}<br>Lý do: ${e(t.voided.reason)}</p>`;
}

function membersBlock(t: ReceiptText): string {
  if (t.members.length === 0) return '';
  const e = escapeHtml;
  const rows = t.members.map(
    (m) =>
      `<tr><td>${e(m.order)}</td><td>${e(m.fullName)}<span class="id">${e(m.maskedId)}</span></td><td class="num">${e(m.monthly)}</td></tr>`,
  );
  return `<section>
  <h2>Thành viên tham gia (${t.members.length} người)</h2>
  <table class="members">
    <thead><tr><th>STT</th><th>Họ và tên · Số định danh</th><th class="num">Mức đóng/tháng</th></tr></thead>
    <tbody>
      ${rows.join('\n      ')}
    </tbody>
  </table>
</section>`;
}

function nextDueBlock(t: ReceiptText, qrSvg: string | null): string {
  const next = t.nextDue;
  if (!next) return '';
  const e = escapeHtml;
  const qr =
    next.qr && qrSvg
      ? `<div class="qr" role="img" aria-label="Mã VietQR đóng kỳ tiếp theo">${qrSvg}</div>`
      : '';
  const transfer = next.qr?.transfer.map((line) => `<p class="muted small">${e(line)}</p>`).join('') ?? '';
  const hint = next.qr
    ? '<p class="hint">Mở ứng dụng ngân hàng, chọn “Quét mã QR”: số tiền và nội dung đã điền sẵn.</p>'
    : '';
  return `<section class="next${next.qr ? '' : ' no-qr'}">
  ${qr}
  <div>
    <p class="next-title">${e(next.headline)}</p>
    <p>${e(next.period)}</p>
    ${transfer}
    ${hint}
  </div>
</section>`;
}

const CSS = `
:root { --ink: #1c2430; --muted: #5d6b7a; --rule: #cdd6e0; --brand: #0b4f8a; --tint: #eaf2fa; --red: #c62828; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: #eef1f5; color: var(--ink);
  font: 15px/1.45 "Be Vietnam Pro", system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; }
p { margin: 0; }
.receipt { position: relative; max-width: 560px; margin: 0 auto; padding: 18px 16px 24px; background: #fff; overflow: hidden; }
@media (min-width: 600px) { .receipt { margin: 24px auto; border-radius: 10px; box-shadow: 0 2px 12px rgb(0 0 0 / 0.08); padding: 28px 32px; } }
.muted { color: var(--muted); }
.small { font-size: 12.5px; }
.unit { display: flex; justify-content: space-between; gap: 12px; padding-bottom: 10px; border-bottom: 2px solid var(--brand); }
.unit-name { font-weight: 700; color: var(--brand); }
.ref { margin: 0; font-size: 13px; text-align: right; white-space: nowrap; }
.ref div { display: flex; justify-content: flex-end; gap: 6px; align-items: baseline; }
.ref dt { color: var(--muted); font-size: 12px; }
.ref dt::after { content: ":"; }
.ref dd { margin: 0; font-weight: 600; }
@media (max-width: 430px) {
  .unit { flex-direction: column; gap: 6px; }
  .ref { display: flex; flex-wrap: wrap; gap: 2px 14px; text-align: left; }
}
h1 { margin: 16px 0 12px; text-align: center; font-size: 26px; line-height: 1.2; }
h1 span { display: block; margin-top: 2px; font-size: 15px; font-weight: 600; color: var(--brand); }
h2 { margin: 18px 0 6px; padding-bottom: 4px; border-bottom: 1px solid var(--rule);
  font-size: 11.5px; font-weight: 600; letter-spacing: 0.04em; text-transform: uppercase; color: var(--brand); }
.alert { margin: 4px 0 10px; padding: 8px 10px; border-radius: 6px; background: #fdecea; color: var(--red); font-size: 13.5px; text-align: center; }
.rows { margin: 0; }
.rows div { display: grid; grid-template-columns: 96px 1fr; gap: 8px; padding: 3px 0; }
.rows dt { color: var(--muted); font-size: 13.5px; }
.rows dd { margin: 0; overflow-wrap: anywhere; }
.rows strong { font-size: 16px; }
table { width: 100%; border-collapse: collapse; }
td, th { padding: 6px 0; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
.num { text-align: right; white-space: nowrap; padding-left: 10px; }
.lines { margin-top: 6px; }
.lines td { border-bottom: 1px dashed var(--rule); font-size: 14px; }
.note { margin-top: 6px; }
.members th { font-size: 12px; font-weight: 600; color: var(--muted); border-bottom: 1px solid var(--rule); }
.members td { border-bottom: 1px solid #eef1f5; }
.members td:first-child, .members th:first-child { width: 34px; }
.members .id { display: block; font-size: 12.5px; color: var(--muted); }
.total { margin-top: 12px; padding: 12px 14px; border-radius: 8px; background: var(--tint); }
.total-row { display: flex; justify-content: space-between; align-items: baseline; gap: 8px; flex-wrap: wrap; font-weight: 600; }
.total-row strong { font-size: 24px; color: var(--brand); white-space: nowrap; }
.words { margin-top: 2px; font-style: italic; font-size: 14px; }
.next { display: flex; gap: 14px; align-items: center; margin-top: 18px; padding: 12px; border: 1px solid var(--brand); border-radius: 8px; }
.next .qr { flex: 0 0 auto; width: 140px; }
.next .qr svg { display: block; width: 100%; height: auto; }
.next-title { font-weight: 700; color: var(--brand); margin-bottom: 2px; }
.hint { margin-top: 4px; font-size: 12.5px; font-style: italic; color: var(--muted); }
@media (max-width: 380px) { .next { flex-direction: column; align-items: stretch; text-align: center; } .next .qr { width: 180px; margin: 0 auto; } }
.signatures { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; margin-top: 20px; text-align: center; }
.sig-title { font-weight: 600; }
.sig-name { margin-top: 48px; font-weight: 600; }
footer { display: flex; justify-content: space-between; align-items: center; gap: 12px; margin-top: 20px; padding-top: 10px; border-top: 1px solid var(--rule); }
.download { flex: 0 0 auto; padding: 10px 16px; border-radius: 8px; background: var(--brand); color: #fff; font-weight: 600; text-decoration: none; }
.download:focus-visible { outline: 3px solid #f5b301; outline-offset: 2px; }
.watermark { position: fixed; inset: 0; display: flex; align-items: center; justify-content: center; z-index: 2; pointer-events: none;
  padding: 0 12%; text-align: center; color: rgb(198 40 40 / 0.16); font-size: clamp(26px, 9vw, 44px); font-weight: 800;
  line-height: 1.2; transform: rotate(-30deg); }
.paid { position: relative; }
.stamp { position: absolute; top: 38%; left: 50%; z-index: 3; pointer-events: none; transform: translateX(-50%) rotate(-14deg);
  padding: 4px 22px; border: 5px double var(--red); border-radius: 10px; color: var(--red); opacity: 0.85;
  font-size: 52px; font-weight: 800; letter-spacing: 0.04em; white-space: nowrap; }
/* Print on A5 like the PDF: the same sizes in points, so one receipt stays on one sheet. */
@media print {
  @page { size: A5; margin: 8mm 9mm; }
  body { background: #fff; font-size: 9pt; line-height: 1.35; }
  .receipt { max-width: none; margin: 0; padding: 0; box-shadow: none; border-radius: 0; }
  .unit { padding-bottom: 5pt; }
  .ref, .small, .hint, .members .id { font-size: 7.5pt; }
  h1 { margin: 8pt 0 6pt; font-size: 17pt; }
  h1 span { font-size: 9.5pt; }
  h2 { margin: 8pt 0 3pt; padding-bottom: 2pt; font-size: 7pt; }
  .alert { margin: 2pt 0 4pt; padding: 3pt; font-size: 8.5pt; }
  .rows div { grid-template-columns: 70pt 1fr; padding: 1pt 0; }
  .rows dt { font-size: 8pt; }
  .rows strong { font-size: 10pt; }
  td, th { padding: 2pt 0; }
  .lines td { font-size: 8.5pt; }
  .members th { font-size: 7.5pt; }
  .total { margin-top: 6pt; padding: 6pt 8pt; }
  .total-row strong { font-size: 14pt; }
  .words { font-size: 8.5pt; }
  .next { margin-top: 8pt; padding: 6pt; }
  .next .qr { width: 3.2cm; }
  .signatures { margin-top: 8pt; }
  .sig-name { margin-top: 34pt; }
  footer { margin-top: 8pt; padding-top: 4pt; }
  .stamp { font-size: 36pt; }
  .watermark { font-size: 26pt; }
  .download { display: none; }
  .next, .total, .signatures, tr { break-inside: avoid; }
  .total, .alert, .stamp, .watermark { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
