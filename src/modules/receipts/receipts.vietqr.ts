import QRCode from 'qrcode';
import { Banks, QRPay } from 'vietnam-qr-pay';

/**
 * VietQR (NAPAS 247) payloads for paying the next period by bank transfer, and their QR images.
 * Banks cut the transfer content at about 25 characters and some mangle anything but plain ASCII,
 * so the purpose is folded to ASCII letters, digits, spaces and hyphens before it goes in.
 */

export const VIETQR_PURPOSE_MAX = 25;

export interface VietQrInput {
  /** The 6-digit NAPAS bank identifier, e.g. "970436" for Vietcombank. */
  bankBin: string;
  accountNumber: string;
  /** Integer đồng; makes the QR dynamic so the payer cannot change it by accident. */
  amount: number;
  purpose: string;
}

export interface DecodedVietQr {
  bankBin: string;
  /** The bank's short name when the BIN is known, e.g. "Vietcombank". */
  bankName: string | null;
  accountNumber: string;
  amount: number | null;
  purpose: string;
}

/** "Nguyễn Thị Ánh Tuyết, Đắk Lắk" → "Nguyen Thi Anh Tuyet, Dak Lak". */
export function stripDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

/**
 * Folds a transfer purpose to what every bank keeps intact: ASCII, ≤ 25 characters, cut at a word
 * boundary when it is too long (a half month like "2026-0" would mislead whoever reconciles it).
 */
export function vietQrPurposeText(purpose: string): string {
  const text = stripDiacritics(purpose)
    .replace(/[^A-Za-z0-9 -]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length <= VIETQR_PURPOSE_MAX) return text;
  const cut = text.slice(0, VIETQR_PURPOSE_MAX + 1);
  const lastSpace = cut.lastIndexOf(' ');
  return (lastSpace > 0 ? cut.slice(0, lastSpace) : cut.slice(0, VIETQR_PURPOSE_MAX)).trim();
}

/**
 * The standard purpose for a period's payment: "BHXHTN 0791981234 202604" (VSI) or
 * "BHYTHGD 0791981234 202604" (HHI). The reference is what reconciliation matches on, so when the
 * whole does not fit in 25 characters the month goes first, then the product code.
 */
export function vietQrPurpose(input: { product: 'vsi' | 'hhi'; ref: string; month?: string }): string {
  const code = input.product === 'vsi' ? 'BHXHTN' : 'BHYTHGD';
  const ref = vietQrPurposeText(input.ref);
  const month = input.month ? input.month.replace('-', '') : '';
  const candidates = [[code, ref, month], [code, ref], [ref]];
  for (const parts of candidates) {
    const text = parts.filter(Boolean).join(' ');
    if (text.length <= VIETQR_PURPOSE_MAX) return text;
  }
  return ref.slice(0, VIETQR_PURPOSE_MAX);
}

/** A dynamic VietQR payload (EMVCo string) with the amount and the folded purpose. */
export function vietQrPayload(input: VietQrInput): string {
  if (!/^\d{6}$/.test(input.bankBin))
    throw new RangeError(`bankBin must be 6 digits, got "${input.bankBin}"`);
  if (!/^[A-Za-z0-9]{1,19}$/.test(input.accountNumber)) {
    throw new RangeError(`accountNumber must be 1–19 letters or digits, got "${input.accountNumber}"`);
  }
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0 || input.amount >= 1e13) {
    throw new RangeError(`amount must be a positive integer of đồng, got ${input.amount}`);
  }
  const purpose = vietQrPurposeText(input.purpose);
  return QRPay.initVietQR({
    bankBin: input.bankBin,
    bankNumber: input.accountNumber,
    amount: String(input.amount),
    ...(purpose ? { purpose } : {}),
  }).build();
}

/** Reads a VietQR payload back; null when it is not a valid VietQR (bad CRC, other provider…). */
export function decodeVietQr(payload: string): DecodedVietQr | null {
  const qr = new QRPay(payload);
  const bankBin = qr.consumer?.bankBin;
  const accountNumber = qr.consumer?.bankNumber;
  if (!qr.isValid || qr.provider?.name !== 'VIETQR' || !bankBin || !accountNumber) return null;
  const amount = qr.amount !== undefined && /^\d+$/.test(qr.amount) ? Number(qr.amount) : null;
  return {
    bankBin,
    bankName: Banks.find((bank) => bank.bin === bankBin)?.shortName ?? null,
    accountNumber,
    amount,
    purpose: qr.additionalData?.purpose ?? '',
  };
}

// Error correction M survives a crease or a smudge on paper while keeping the modules large.
const QR_OPTIONS = { errorCorrectionLevel: 'M', margin: 0 } as const;

/** PNG of the QR, 10 px per module, without a quiet zone: the page around it provides one. */
export function vietQrPng(payload: string): Promise<Buffer> {
  return QRCode.toBuffer(payload, { ...QR_OPTIONS, type: 'png', scale: 10 });
}

/** Inline SVG of the QR, with a 2-module quiet zone so it stands alone on any background. */
export function vietQrSvg(payload: string): Promise<string> {
  return QRCode.toString(payload, { ...QR_OPTIONS, type: 'svg', margin: 2 });
}
