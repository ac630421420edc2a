import { vietQrPayload, vietQrPurpose } from './receipts.vietqr.ts';
import type { ReceiptView } from './receipts.view.ts';

/**
 * Realistic receipts for tests, previews and the demo: amounts come from the law engine's quotes on
 * 12/04/2026 (rule version 2026-01-01.2cfd8a9f). Each call builds a fresh object; pass overrides.
 */

const AGRIBANK_BIN = '970405';
const COLLECTION_ACCOUNT = '5211201012345';

export function buildVsiReceiptView(overrides: Partial<ReceiptView> = {}): ReceiptView {
  return {
    number: 'BL-66-0007-000123',
    issuedAt: '2026-04-12T07:35:00.000Z',
    product: 'vsi',
    mode: 'Đóng 3 tháng',
    method: 'cash',
    coveredFrom: '2026-04',
    coveredTo: '2026-06',
    months: 3,
    lines: [
      { label: 'Mức đóng: 22% × 2.000.000 đ × 3 tháng', amount: 1_320_000 },
      { label: 'Nhà nước hỗ trợ: 20% × 22% × 1.500.000 đ × 3 tháng', amount: -198_000 },
    ],
    total: 1_122_000,
    ruleVersion: '2026-01-01.2cfd8a9f',
    participant: {
      fullName: 'Nguyễn Thị Ánh Tuyết',
      maskedId: '066181****52',
      birthYear: 1981,
      address: 'Thôn 3, xã Ea Kao, tỉnh Đắk Lắk',
    },
    agent: { fullName: 'Hoàng Văn Lực', username: 'dl.eakao.luc', phone: '0912 345 678' },
    unit: {
      name: 'Bưu điện – Văn hóa xã Ea Kao',
      address: 'Km 8 đường Y Wang, xã Ea Kao, tỉnh Đắk Lắk',
      phone: '0262 3852 123',
    },
    nextDue: {
      month: '2026-07',
      dueDate: '2026-09-30',
      amount: 1_122_000,
      qrPayload: vietQrPayload({
        bankBin: AGRIBANK_BIN,
        accountNumber: COLLECTION_ACCOUNT,
        amount: 1_122_000,
        purpose: vietQrPurpose({ product: 'vsi', ref: '6621043187', month: '2026-07' }),
      }),
    },
    voided: null,
    demo: false,
    ...overrides,
  };
}

export function buildHhiReceiptView(overrides: Partial<ReceiptView> = {}): ReceiptView {
  const members = [
    { order: 1, fullName: 'Y Bhin Niê', maskedId: '066085****17', monthly: 105_300 },
    { order: 2, fullName: 'H’Linh Êban', maskedId: '066188****03', monthly: 73_710 },
    { order: 3, fullName: 'Y Khoa Niê', maskedId: '066212****45', monthly: 63_180 },
    { order: 4, fullName: 'H’Mai Niê', maskedId: '066315****81', monthly: 52_650 },
  ];
  return {
    number: 'BL-66-0007-000124',
    issuedAt: '2026-04-12T08:10:00.000Z',
    product: 'hhi',
    mode: 'Đóng 12 tháng',
    method: 'vietqr',
    coveredFrom: '2026-05',
    coveredTo: '2027-04',
    months: 12,
    // The members' own amounts are in the household table; the line carries the computation.
    lines: [{ label: 'Mức đóng của hộ: 294.840 đ/tháng × 12 tháng', amount: 3_538_080 }],
    total: 3_538_080,
    ruleVersion: '2026-01-01.2cfd8a9f',
    participant: {
      fullName: 'Y Bhin Niê',
      maskedId: '066085****17',
      birthYear: 1985,
      address: 'Buôn Kô Sier, xã Ea Kao, tỉnh Đắk Lắk',
    },
    household: { members },
    agent: { fullName: 'Hoàng Văn Lực', username: 'dl.eakao.luc', phone: '0912 345 678' },
    unit: {
      name: 'Bưu điện – Văn hóa xã Ea Kao',
      address: 'Km 8 đường Y Wang, xã Ea Kao, tỉnh Đắk Lắk',
      phone: '0262 3852 123',
    },
    nextDue: {
      month: '2027-05',
      dueDate: '2027-04-30',
      amount: 3_538_080,
      qrPayload: vietQrPayload({
        bankBin: AGRIBANK_BIN,
        accountNumber: COLLECTION_ACCOUNT,
        amount: 3_538_080,
        purpose: vietQrPurpose({ product: 'hhi', ref: '6621043188', month: '2027-05' }),
      }),
    },
    voided: null,
    demo: false,
    ...overrides,
  };
}

export function buildVoidedReceiptView(overrides: Partial<ReceiptView> = {}): ReceiptView {
  return buildVsiReceiptView({
    number: 'BL-66-0007-000125',
    voided: {
      at: '2026-04-12T09:02:00.000Z',
      reason: 'Thu nhầm kỳ đóng, người tham gia đã đóng tại BHXH cơ sở',
      by: 'Trần Quốc Bảo (trưởng bưu cục)',
    },
    ...overrides,
  });
}
