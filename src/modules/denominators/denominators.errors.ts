import type { ErrorTable } from '../../server/errors.ts';

export const denominatorsErrors = {
  'denominator.invalid_file': {
    status: 400,
    vi: 'Tệp CSV có {count} dòng lỗi; chưa nhập dòng nào. {first}',
    en: 'The CSV file has {count} bad rows; nothing was imported. {first}',
  },
  'denominator.empty_file': {
    status: 400,
    vi: 'Tệp CSV không có dòng dữ liệu nào. Cần các cột: province_code, as_of, labour_force, compulsory_participants, source.',
    en: 'The CSV file has no data rows. Columns: province_code, as_of, labour_force, compulsory_participants, source.',
  },
  'denominator.missing_file': {
    status: 400,
    vi: 'Chưa chọn tệp CSV để nhập (trường "file").',
    en: 'No CSV file was sent (field "file").',
  },
} satisfies ErrorTable;
