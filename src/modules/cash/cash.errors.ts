import type { ErrorTable } from '../../server/errors.ts';

export const cashErrors = {
  'cash.more_than_held': {
    status: 400,
    vi: 'Số tiền nộp {amount} lớn hơn số tiền nhân viên đang giữ ({balance}).',
    en: 'The remittance {amount} is more than the agent holds ({balance}).',
  },
} satisfies ErrorTable;
