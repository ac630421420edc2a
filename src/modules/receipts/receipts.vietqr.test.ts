import { describe, expect, it } from 'vitest';
import {
  decodeVietQr,
  stripDiacritics,
  VIETQR_PURPOSE_MAX,
  vietQrPayload,
  vietQrPng,
  vietQrPurpose,
  vietQrPurposeText,
  vietQrSvg,
} from './receipts.vietqr.ts';

const AGRIBANK = '970405';

describe('vietQrPayload', () => {
  it('decodes back to the same bank, account, amount and purpose', () => {
    const payload = vietQrPayload({
      bankBin: AGRIBANK,
      accountNumber: '5211201012345',
      amount: 1_122_000,
      purpose: 'BHXHTN 0791981234 202604',
    });

    expect(payload.startsWith('000201010212')).toBe(true); // version 01, dynamic QR (12)
    expect(decodeVietQr(payload)).toEqual({
      bankBin: AGRIBANK,
      bankName: 'Agribank',
      accountNumber: '5211201012345',
      amount: 1_122_000,
      purpose: 'BHXHTN 0791981234 202604',
    });
  });

  it('cuts a purpose over 25 characters at a word boundary', () => {
    const payload = vietQrPayload({
      bankBin: AGRIBANK,
      accountNumber: '5211201012345',
      amount: 330_000,
      purpose: 'BHXH TN 0791981234 2026-04', // 26 characters
    });

    expect(decodeVietQr(payload)?.purpose).toBe('BHXH TN 0791981234');
  });

  it('folds a Vietnamese purpose to ASCII of at most 25 characters before encoding', () => {
    const payload = vietQrPayload({
      bankBin: AGRIBANK,
      accountNumber: '5211201012345',
      amount: 330_000,
      purpose: 'Đóng BHXH tự nguyện: Nguyễn Thị Ánh Tuyết',
    });

    expect(decodeVietQr(payload)?.purpose).toBe('Dong BHXH tu nguyen');
  });

  it.each([
    ['a BIN that is not 6 digits', { bankBin: '9704', accountNumber: '123', amount: 1000 }],
    ['an account with spaces', { bankBin: AGRIBANK, accountNumber: '5211 2010', amount: 1000 }],
    ['a fractional amount', { bankBin: AGRIBANK, accountNumber: '123', amount: 1000.5 }],
    ['a zero amount', { bankBin: AGRIBANK, accountNumber: '123', amount: 0 }],
  ])('rejects %s', (_name, input) => {
    expect(() => vietQrPayload({ ...input, purpose: 'x' })).toThrow(RangeError);
  });
});

describe('decodeVietQr', () => {
  it('returns null when the checksum does not match', () => {
    const payload = vietQrPayload({ bankBin: AGRIBANK, accountNumber: '123456', amount: 5000, purpose: 'x' });
    const tampered = payload.replace('5000', '9000');

    expect(decodeVietQr(tampered)).toBeNull();
  });

  it('returns null for text that is not a VietQR at all', () => {
    expect(decodeVietQr('https://example.com')).toBeNull();
  });
});

describe('purpose text', () => {
  it('strips Vietnamese diacritics including đ and Đ', () => {
    expect(stripDiacritics('Nguyễn Thị Ánh Tuyết, Đắk Lắk, đồng')).toBe(
      'Nguyen Thi Anh Tuyet, Dak Lak, dong',
    );
  });

  it('hard-cuts a single word longer than 25 characters', () => {
    expect(vietQrPurposeText('A'.repeat(40))).toBe('A'.repeat(25));
  });

  it('keeps only letters, digits, spaces and hyphens', () => {
    expect(vietQrPurposeText('  BHXH/TN: #0791 — 2026.04  ')).toBe('BHXH TN 0791 2026 04');
  });

  it('builds the standard purpose within 25 characters for both products', () => {
    const vsi = vietQrPurpose({ product: 'vsi', ref: '0791981234', month: '2026-04' });
    const hhi = vietQrPurpose({ product: 'hhi', ref: '0791981234', month: '2026-04' });

    expect(vsi).toBe('BHXHTN 0791981234 202604');
    expect(hhi).toBe('BHYTHGD 0791981234 202604');
    expect(hhi.length).toBeLessThanOrEqual(VIETQR_PURPOSE_MAX);
  });

  it('drops the month, then the product code, before cutting the reference', () => {
    const ref = 'BL-66-0007-0001234'; // 18 characters
    expect(vietQrPurpose({ product: 'vsi', ref, month: '2026-04' })).toBe('BHXHTN BL-66-0007-0001234');
    expect(vietQrPurpose({ product: 'hhi', ref, month: '2026-04' })).toBe('BL-66-0007-0001234');
    expect(vietQrPurpose({ product: 'hhi', ref: '9'.repeat(30) })).toBe('9'.repeat(25));
  });
});

describe('QR images', () => {
  const payload = vietQrPayload({ bankBin: AGRIBANK, accountNumber: '123456', amount: 5000, purpose: 'x' });

  it('renders a PNG', async () => {
    const png = await vietQrPng(payload);

    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  });

  it('renders an SVG with no script and no external reference', async () => {
    const svg = await vietQrSvg(payload);

    expect(svg).toMatch(/^<svg [^>]*viewBox=/);
    expect(svg).not.toMatch(/<script|href=/i);
  });
});
