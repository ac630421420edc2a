import {
  amountInWords,
  formatDateVi,
  formatMonthVi,
  formatRatePercent,
  formatVnd,
} from '../../domain/law/index.ts';
import { type DecodedVietQr, decodeVietQr } from './receipts.vietqr.ts';

/** Everything a receipt (biên lai thu tiền) shows, loaded by the payments service. Money is integer đồng. */
export interface ReceiptView {
  /** e.g. "BL-01-0007-000123" */
  number: string;
  /** ISO timestamp; shown in Vietnam time (UTC+7) as dd/MM/yyyy HH:mm. */
  issuedAt: string;
  product: 'vsi' | 'hhi';
  /** Human label already in Vietnamese, e.g. "Đóng 3 tháng". */
  mode: string;
  method: 'cash' | 'bank_transfer' | 'vietqr';
  /** 'YYYY-MM'; null for missing years paid back, which are no particular months. */
  coveredFrom: string | null;
  /** 'YYYY-MM' */
  coveredTo: string | null;
  months: number;
  /** The computation as the person should read it; negative amounts are deductions (support). */
  lines: { label: string; amount: number }[];
  total: number;
  ruleVersion: string;
  /** The monthly fund rate r the collector entered (no rate recorded for the year); else absent or null. */
  fundRateEntered?: number | null;
  participant: { fullName: string; maskedId: string; birthYear?: number; address?: string };
  household?: { members: { order: number; fullName: string; maskedId: string; monthly: number }[] };
  agent: { fullName: string; username: string; phone?: string | null };
  unit: { name: string; address?: string | null; phone?: string | null };
  /** month 'YYYY-MM', dueDate 'YYYY-MM-DD', qrPayload a VietQR string (see receipts.vietqr.ts). */
  nextDue?: { month: string; dueDate: string; amount: number; qrPayload: string } | null;
  voided?: { at: string; reason: string; by: string } | null;
  /** Demo data: drawn with a "DEMO – không có giá trị thanh toán" watermark. */
  demo: boolean;
}

export const PRODUCT_LABEL = { vsi: 'BHXH tự nguyện', hhi: 'BHYT hộ gia đình' } as const;
export const PRODUCT_TITLE = {
  vsi: 'Đóng bảo hiểm xã hội tự nguyện',
  hhi: 'Đóng bảo hiểm y tế hộ gia đình',
} as const;
export const METHOD_LABEL = {
  cash: 'Tiền mặt',
  bank_transfer: 'Chuyển khoản ngân hàng',
  vietqr: 'Chuyển khoản qua mã VietQR',
} as const;
export const DEMO_WATERMARK = 'DEMO – không có giá trị thanh toán';
export const VOID_STAMP = 'ĐÃ HỦY';

/** Vietnam keeps UTC+7 all year (no daylight saving), so a fixed offset is exact. */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** '2026-04-12T07:35:00Z' → "12/04/2026 14:35" (Vietnam time). */
export function formatVietnamTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO timestamp: "${iso}"`);
  const t = new Date(ms + VIETNAM_OFFSET_MS);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(t.getUTCDate())}/${pad(t.getUTCMonth() + 1)}/${t.getUTCFullYear()} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
}

/** "Từ tháng 04/2026 đến tháng 06/2026 (3 tháng)"; a single month reads "Tháng 04/2026 (1 tháng)". */
export function coveredPeriodText(from: string | null, to: string | null, months: number): string {
  if (from === null || to === null) return `Những năm còn thiếu (${months} tháng)`;
  if (from === to) return `Tháng ${formatMonthVi(from)} (${months} tháng)`;
  return `Từ tháng ${formatMonthVi(from)} đến tháng ${formatMonthVi(to)} (${months} tháng)`;
}

/** A rate no rule records, so the person can see who chose it: "… do người thu nhập: 0,5%/tháng". */
export function fundRateEnteredText(rate: number): string {
  return `Lãi suất đầu tư quỹ do người thu nhập: ${formatRatePercent(rate)}/tháng`;
}

/** Amounts in a line list: deductions carry a true minus sign, "−198.000 đ". */
export function formatSignedVnd(amount: number): string {
  return amount < 0 ? `−${formatVnd(-amount)}` : formatVnd(amount);
}

export interface ReceiptNextDueText {
  /** "Quét để đóng kỳ tiếp theo: 792.000 đ trước 30/06/2026" */
  headline: string;
  period: string;
  /** Null when the payload is not a VietQR for this amount: the QR is then left out, never guessed. */
  qr: { payload: string; bank: DecodedVietQr; transfer: string[] } | null;
}

/** The receipt's words, computed once so the PDF and the HTML page say exactly the same thing. */
export interface ReceiptText {
  title: string;
  subtitle: string;
  number: string;
  issuedAt: string;
  participantHeading: string;
  participant: { label: string; value: string; strong?: boolean }[];
  members: { order: string; fullName: string; maskedId: string; monthly: string }[];
  paid: { label: string; value: string }[];
  lines: { label: string; amount: string; deduction: boolean }[];
  total: string;
  totalInWords: string;
  /** "Lãi suất đầu tư quỹ do người thu nhập: 0,5%/tháng", when the rate was entered by hand. */
  fundRate: string | null;
  method: string;
  nextDue: ReceiptNextDueText | null;
  voided: { stamp: string; detail: string; reason: string } | null;
  demo: string | null;
  payer: string;
  collector: { name: string; contact: string };
  unit: { name: string; contact: string[] };
  /** One footer line: the rule version the amounts were computed with. */
  smallPrint: string;
}

export function presentReceipt(view: ReceiptView): ReceiptText {
  const { participant } = view;
  const idLine = participant.birthYear
    ? `${participant.maskedId}  ·  Năm sinh: ${participant.birthYear}`
    : participant.maskedId;
  const rows: ReceiptText['participant'] = [
    { label: 'Họ và tên', value: participant.fullName, strong: true },
    { label: 'Số định danh', value: idLine },
  ];
  if (participant.address) rows.push({ label: 'Địa chỉ', value: participant.address });

  const agentContact = [view.agent.phone ? `ĐT: ${view.agent.phone}` : null, `Mã: ${view.agent.username}`];
  const unitContact = [view.unit.address, view.unit.phone ? `Điện thoại: ${view.unit.phone}` : null];

  return {
    title: 'Biên lai thu tiền',
    subtitle: PRODUCT_TITLE[view.product],
    number: view.number,
    issuedAt: formatVietnamTime(view.issuedAt),
    participantHeading: view.household ? 'Đại diện hộ gia đình' : 'Người tham gia',
    participant: rows,
    members: (view.household?.members ?? []).map((m) => ({
      order: String(m.order),
      fullName: m.fullName,
      maskedId: m.maskedId,
      monthly: formatVnd(m.monthly),
    })),
    paid: [
      { label: 'Sản phẩm', value: `${PRODUCT_LABEL[view.product]}  ·  ${view.mode}` },
      { label: 'Thời gian', value: coveredPeriodText(view.coveredFrom, view.coveredTo, view.months) },
      { label: 'Thanh toán', value: METHOD_LABEL[view.method] },
    ],
    lines: view.lines.map((l) => ({
      label: l.label,
      amount: formatSignedVnd(l.amount),
      deduction: l.amount < 0,
    })),
    total: formatVnd(view.total),
    totalInWords: amountInWords(view.total),
    fundRate: view.fundRateEntered ? fundRateEnteredText(view.fundRateEntered) : null,
    method: METHOD_LABEL[view.method],
    // A cancelled payment must not invite the next one from the same paper.
    nextDue: view.nextDue && !view.voided ? presentNextDue(view.nextDue) : null,
    voided: view.voided
      ? {
          stamp: VOID_STAMP,
          detail: `Hủy lúc ${formatVietnamTime(view.voided.at)} bởi ${view.voided.by}`,
          reason: view.voided.reason,
        }
      : null,
    demo: view.demo ? DEMO_WATERMARK : null,
    payer: participant.fullName,
    collector: { name: view.agent.fullName, contact: agentContact.filter(Boolean).join('  ·  ') },
    unit: { name: view.unit.name, contact: unitContact.filter((c): c is string => Boolean(c)) },
    smallPrint: `Quy tắc tính: ${view.ruleVersion}  ·  Giữ biên lai để đối chiếu khi cần`,
  };
}

function presentNextDue(next: NonNullable<ReceiptView['nextDue']>): ReceiptNextDueText {
  const decoded = decodeVietQr(next.qrPayload);
  const bank = decoded && decoded.amount === next.amount ? decoded : null;
  const due = `${formatVnd(next.amount)} trước ${formatDateVi(next.dueDate)}`;
  return {
    headline: bank ? `Quét để đóng kỳ tiếp theo: ${due}` : `Kỳ tiếp theo: ${due}`,
    period: `Kỳ tiếp theo từ tháng ${formatMonthVi(next.month)}`,
    qr: bank ? { payload: next.qrPayload, bank, transfer: bankTransferLines(bank) } : null,
  };
}

/** For those who type the transfer by hand: ["Agribank  ·  STK 5211201012345", "Nội dung: BHXHTN …"]. */
export function bankTransferLines(bank: DecodedVietQr): string[] {
  const lines = [`${bank.bankName ?? `Ngân hàng ${bank.bankBin}`}  ·  STK ${bank.accountNumber}`];
  if (bank.purpose) lines.push(`Nội dung: ${bank.purpose}`);
  return lines;
}
