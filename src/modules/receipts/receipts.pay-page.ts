import { amountInWords, formatDateVi, formatMonthVi, formatVnd } from '../../domain/law/index.ts';
import { escapeHtml } from './receipts.html.ts';
import { vietQrSvg } from './receipts.vietqr.ts';

export interface PayPageView {
  product: 'vsi' | 'hhi';
  firstName: string;
  period: string;
  dueDate: string;
  amount: number;
  qrPayload: string;
  bankLine: string;
  /** The transfer text, for those who type the transfer by hand. */
  purpose: string;
  channel: 'sms' | 'zalo';
}

const HEADING = { vsi: 'Đóng BHXH tự nguyện', hhi: 'Gia hạn BHYT hộ gia đình' } as const;

/**
 * The page a reminder links to: the amount, the deadline and a VietQR code to pay by transfer.
 * It shows no personal ID and only the person's given name: the link travels by SMS.
 */
export async function renderPayPage(view: PayPageView): Promise<string> {
  const qr = await vietQrSvg(view.qrPayload);
  const heading = HEADING[view.product];
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(heading)} kỳ ${escapeHtml(formatMonthVi(view.period))}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f4f7fb;color:#1f2937}
main{max-width:420px;margin:0 auto;padding:20px}
.card{background:#fff;border-radius:12px;padding:20px;box-shadow:0 1px 3px rgba(0,0,0,.08)}
h1{font-size:20px;margin:0 0 4px;color:#0b4f8a}.muted{color:#6b7280;font-size:14px}
.amount{font-size:30px;font-weight:700;color:#0b4f8a;margin:16px 0 0}.words{font-style:italic;color:#374151;margin:4px 0 16px}
.qr{display:flex;justify-content:center;margin:12px 0}.qr svg{width:220px;height:220px}
dl{display:grid;grid-template-columns:auto 1fr;gap:6px 12px;font-size:15px}dt{color:#6b7280}dd{margin:0;font-weight:600}
footer{font-size:13px;color:#6b7280;margin-top:16px;text-align:center}
</style></head>
<body><main><div class="card">
<h1>${escapeHtml(heading)}</h1>
<div class="muted">Kính gửi ${escapeHtml(view.firstName)}: kỳ từ tháng ${escapeHtml(formatMonthVi(view.period))}</div>
<div class="amount">${escapeHtml(formatVnd(view.amount))}</div>
<div class="words">${escapeHtml(amountInWords(view.amount))}</div>
<dl><dt>Hạn nộp</dt><dd>${escapeHtml(formatDateVi(view.dueDate))}</dd><dt>Chuyển khoản</dt><dd>${escapeHtml(view.bankLine)}</dd><dt>Nội dung</dt><dd>${escapeHtml(view.purpose)}</dd></dl>
<div class="qr" role="img" aria-label="Mã VietQR để chuyển khoản">${qr}</div>
<div class="muted">Mở ứng dụng ngân hàng, chọn “Quét mã QR”: số tiền và nội dung đã điền sẵn. Hoặc đóng trực tiếp tại bưu điện, đại lý thu gần nhà.</div>
</div><footer>Bảo hiểm xã hội Việt Nam · Tổng đài 1900 9068</footer></main></body></html>`;
}
