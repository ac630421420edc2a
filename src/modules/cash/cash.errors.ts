import type { ErrorTable } from '../../server/errors.ts';

export const cashErrors = {
  'cash.more_than_held': {
    status: 400,
    vi: 'Số tiền nộp {amount} lớn hơn số tiền nhân viên đang giữ ({balance}).',
    en: 'The remittance {amount} is more than the agent holds ({balance}).',
  },
  'commission.in_past': {
    status: 400,
    vi: 'Tỷ lệ thù lao mới chỉ áp dụng từ ngày mai trở đi; {from} không sau hôm nay ({today}). Tháng đã chi trả không tính lại.',
    en: 'A new commission rate applies from tomorrow on; {from} is not after today ({today}). Months already paid are never re-rated.',
  },
  'commission.overlap': {
    status: 409,
    vi: 'Đã có tỷ lệ áp dụng từ {existing}, không sớm hơn {from}; chọn ngày sau {existing}.',
    en: 'A rate already applies from {existing}, not before {from}; pick a date after {existing}.',
  },
  'commission.invalid_rate': {
    status: 400,
    vi: 'Tỷ lệ thù lao phải từ 0% đến dưới 100%, ví dụ 0,04 là 4%.',
    en: 'A commission rate is from 0% to under 100%, e.g. 0.04 is 4%.',
  },
} satisfies ErrorTable;
