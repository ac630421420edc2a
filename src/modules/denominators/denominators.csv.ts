import { parse } from 'csv-parse/sync';

/**
 * Reads the denominators CSV: province_code, as_of, labour_force, compulsory_participants, source.
 * Every row is checked; the problems come back with their row numbers, and nothing partial is returned.
 */
export interface DenominatorRow {
  provinceCode: string;
  asOf: string;
  labourForce: number;
  compulsoryParticipants: number;
  source: string;
}

export interface RowProblem {
  row: number;
  field: string;
  message: string;
}

const REQUIRED = ['province_code', 'as_of', 'labour_force', 'compulsory_participants'] as const;

export function parseDenominatorsCsv(
  text: string,
  knownProvinces: ReadonlySet<string>,
  defaultSource: string,
): { rows: DenominatorRow[]; problems: RowProblem[] } {
  let records: Record<string, string>[];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      delimiter: [',', ';', '\t'],
    });
  } catch (error) {
    return {
      rows: [],
      problems: [{ row: 0, field: 'file', message: `Không đọc được CSV: ${(error as Error).message}` }],
    };
  }
  const problems: RowProblem[] = [];
  const first = records[0];
  const missing = first ? REQUIRED.filter((c) => !(c in first)) : [];
  if (missing.length > 0) {
    return { rows: [], problems: [{ row: 1, field: 'header', message: `Thiếu cột: ${missing.join(', ')}` }] };
  }
  const rows: DenominatorRow[] = [];
  const seen = new Set<string>();
  records.forEach((r, index) => {
    const row = index + 2; // the header is row 1
    const bad = (field: string, message: string) => problems.push({ row, field, message });
    const provinceCode = (r.province_code ?? '').padStart(2, '0');
    if (!knownProvinces.has(provinceCode))
      bad('province_code', `Mã tỉnh "${r.province_code}" không thuộc 34 tỉnh hiện hành`);
    const asOf = r.as_of ?? '';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(asOf))) {
      bad('as_of', `Ngày "${asOf}" phải có dạng YYYY-MM-DD`);
    }
    const labourForce = toCount(r.labour_force);
    if (labourForce === null || labourForce === 0)
      bad('labour_force', `Lực lượng lao động "${r.labour_force}" phải là số nguyên dương`);
    const compulsory = toCount(r.compulsory_participants);
    if (compulsory === null)
      bad(
        'compulsory_participants',
        `Số tham gia bắt buộc "${r.compulsory_participants}" phải là số nguyên không âm`,
      );
    if (labourForce && compulsory !== null && compulsory > labourForce) {
      bad('compulsory_participants', 'Số tham gia bắt buộc không thể lớn hơn lực lượng lao động');
    }
    const key = `${provinceCode}|${asOf}`;
    if (seen.has(key)) bad('as_of', `Tỉnh ${provinceCode} ngày ${asOf} xuất hiện hai lần`);
    seen.add(key);
    rows.push({
      provinceCode,
      asOf,
      labourForce: labourForce ?? 0,
      compulsoryParticipants: compulsory ?? 0,
      source: r.source?.trim() || defaultSource,
    });
  });
  return { rows: problems.length > 0 ? [] : rows, problems };
}

/** "1.234.567", "1,234,567" and "1234567" are all the same count. */
function toCount(value: string | undefined): number | null {
  const digits = (value ?? '').replace(/[.,\s]/g, '');
  if (!/^\d+$/.test(digits)) return null;
  const n = Number(digits);
  return Number.isSafeInteger(n) ? n : null;
}
