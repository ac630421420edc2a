import { describe, expect, it } from 'vitest';
import { buildHhiReceiptView, buildVoidedReceiptView, buildVsiReceiptView } from './receipts.samples.ts';
import { vietQrPayload } from './receipts.vietqr.ts';
import { coveredPeriodText, formatSignedVnd, formatVietnamTime, presentReceipt } from './receipts.view.ts';

describe('formatVietnamTime', () => {
  it.each([
    ['2026-04-12T07:35:00Z', '12/04/2026 14:35'],
    ['2026-04-12T17:30:00.000Z', '13/04/2026 00:30'], // past midnight in Vietnam
    ['2026-12-31T20:05:00+00:00', '01/01/2027 03:05'],
    ['2026-04-12T14:35:00+07:00', '12/04/2026 14:35'],
  ])('%s is %s in Vietnam', (iso, shown) => {
    expect(formatVietnamTime(iso)).toBe(shown);
  });

  it('refuses what is not a timestamp', () => {
    expect(() => formatVietnamTime('hôm qua')).toThrow(RangeError);
  });
});

describe('coveredPeriodText', () => {
  it('names the first and last month and the count', () => {
    expect(coveredPeriodText('2026-04', '2026-06', 3)).toBe('Từ tháng 04/2026 đến tháng 06/2026 (3 tháng)');
  });

  it('names a single month once', () => {
    expect(coveredPeriodText('2026-04', '2026-04', 1)).toBe('Tháng 04/2026 (1 tháng)');
  });
});

describe('presentReceipt', () => {
  it('writes deductions with a true minus sign', () => {
    expect(formatSignedVnd(-198_000)).toBe('−198.000 đ');
    expect(formatSignedVnd(1_320_000)).toBe('1.320.000 đ');
  });

  it('gives the total in figures and in words', () => {
    const t = presentReceipt(buildVsiReceiptView());

    expect(t.total).toBe('1.122.000 đ');
    expect(t.totalInWords).toBe('Một triệu một trăm hai mươi hai nghìn đồng');
    expect(t.issuedAt).toBe('12/04/2026 14:35');
    expect(t.paid.map((r) => r.value)).toContain('Tiền mặt');
  });

  it('says when the fund rate was entered by the collector, and only then', () => {
    expect(presentReceipt(buildVsiReceiptView({ fundRateEntered: 0.005 })).fundRate).toBe(
      'Lãi suất đầu tư quỹ do người thu nhập: 0,5%/tháng',
    );
    expect(presentReceipt(buildVsiReceiptView()).fundRate).toBeNull();
  });

  it('labels the next payment and reads the bank details out of the QR', () => {
    const next = presentReceipt(buildVsiReceiptView()).nextDue;

    expect(next?.headline).toBe('Quét để đóng kỳ tiếp theo: 1.122.000 đ trước 30/09/2026');
    expect(next?.qr?.transfer).toEqual([
      'Agribank  ·  STK 5211201012345',
      'Nội dung: BHXHTN 6621043187 202607',
    ]);
  });

  it('leaves out a QR whose amount differs from the amount printed next to it', () => {
    const view = buildVsiReceiptView();
    const wrong = vietQrPayload({
      bankBin: '970405',
      accountNumber: '5211201012345',
      amount: 990_000,
      purpose: 'x',
    });
    const next = presentReceipt({ ...view, nextDue: { ...view.nextDue!, qrPayload: wrong } }).nextDue;

    expect(next?.qr).toBeNull();
    expect(next?.headline).toBe('Kỳ tiếp theo: 1.122.000 đ trước 30/09/2026');
  });

  it('does not invite the next payment on a voided receipt', () => {
    const t = presentReceipt(buildVoidedReceiptView());

    expect(t.nextDue).toBeNull();
    expect(t.voided).toEqual({
      stamp: 'ĐÃ HỦY',
      detail: 'Hủy lúc 12/04/2026 16:02 bởi Trần Quốc Bảo (trưởng bưu cục)',
      reason: 'Thu nhầm kỳ đóng, người tham gia đã đóng tại BHXH cơ sở',
    });
  });

  it('calls the payer of a household the household representative and lists the members', () => {
    const t = presentReceipt(buildHhiReceiptView());

    expect(t.participantHeading).toBe('Đại diện hộ gia đình');
    expect(t.members.map((m) => m.monthly)).toEqual(['105.300 đ', '73.710 đ', '63.180 đ', '52.650 đ']);
    expect(t.subtitle).toBe('Đóng bảo hiểm y tế hộ gia đình');
  });

  it('shows the demo notice only on demo receipts', () => {
    expect(presentReceipt(buildVsiReceiptView({ demo: true })).demo).toBe(
      'DEMO – không có giá trị thanh toán',
    );
    expect(presentReceipt(buildVsiReceiptView()).demo).toBeNull();
  });
});
