import { parse } from 'csv-parse/sync';

/**
 * Reads the denominators CSV: province_code, as_of, labour_force, compulsory_participants, and the
 * optional voluntary_outside and source. Every row is checked; the problems come back with their
 * row numbers, and nothing partial is returned.
 */
export interface DenominatorRow {
  provinceCode: string;
  asOf: string;
  labourForce: number;
  compulsoryParticipants: number;
  /** Voluntary SI participants recorded outside Điểm Tựa (VSS's own registry), counted in coverage. */
  voluntaryOutside?: number;
  source: string;
}

/** The province codes a file may use: today's 34, and before the 2025 reform the 63 former ones. */
export interface ProvinceCodes {
  current: ReadonlySet<string>;
  /** A former province's code → the province it merged into. */
  former: ReadonlyMap<string, string>;
}

/** The day the 34 provinces came into force: figures dated earlier may name the former 63. */
const REFORM = '2025-07-01';

export interface RowProblem {
  row: number;
  field: string;
  message: string;
}

const REQUIRED = ['province_code', 'as_of', 'labour_force', 'compulsory_participants'] as const;

export function parseDenominatorsCsv(
  text: string,
  codes: ProvinceCodes,
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
  const rows = new Map<string, DenominatorRow>();
  const seen = new Set<string>();
  records.forEach((r, index) => {
    const row = index + 2; // the header is row 1
    const bad = (field: string, message: string) => problems.push({ row, field, message });
    const given = (r.province_code ?? '').padStart(2, '0');
    const asOf = r.as_of ?? '';
    const dated = /^\d{4}-\d{2}-\d{2}$/.test(asOf) && !Number.isNaN(Date.parse(asOf));
    if (!dated) bad('as_of', `Ngày "${asOf}" phải có dạng YYYY-MM-DD`);
    // Before the reform a figure may be recorded on a former province; it counts toward the
    // province that province merged into, summed with the others that merged there.
    const before = dated && asOf < REFORM;
    const provinceCode = codes.current.has(given) ? given : before ? codes.former.get(given) : undefined;
    if (!provinceCode)
      bad(
        'province_code',
        before
          ? `Mã tỉnh "${r.province_code}" không thuộc 63 tỉnh trước ngày 01/07/2025 hay 34 tỉnh hiện hành`
          : codes.former.has(given)
            ? `Mã tỉnh "${r.province_code}" là tỉnh cũ; số liệu từ ngày 01/07/2025 phải theo 34 tỉnh hiện hành`
            : `Mã tỉnh "${r.province_code}" không thuộc 34 tỉnh hiện hành`,
      );
    const labourForce = toCount(r.labour_force);
    if (labourForce === null || labourForce === 0)
      bad('labour_force', `Lực lượng lao động "${r.labour_force}" phải là số nguyên dương`);
    const compulsory = toCount(r.compulsory_participants);
    if (compulsory === null)
      bad(
        'compulsory_participants',
        `Số tham gia bắt buộc "${r.compulsory_participants}" phải là số nguyên không âm`,
      );
    const outside = r.voluntary_outside?.trim() ? toCount(r.voluntary_outside) : 0;
    if (outside === null)
      bad(
        'voluntary_outside',
        `Số tham gia tự nguyện ngoài hệ thống "${r.voluntary_outside}" phải là số nguyên không âm`,
      );
    if (labourForce && compulsory !== null && outside !== null && compulsory + outside > labourForce) {
      bad(
        'compulsory_participants',
        'Số tham gia bắt buộc và tự nguyện không thể lớn hơn lực lượng lao động',
      );
    }
    const key = `${given}|${asOf}`;
    if (seen.has(key)) bad('as_of', `Tỉnh ${given} ngày ${asOf} xuất hiện hai lần`);
    seen.add(key);
    if (!provinceCode) return;
    const into = rows.get(`${provinceCode}|${asOf}`);
    if (into) {
      into.labourForce += labourForce ?? 0;
      into.compulsoryParticipants += compulsory ?? 0;
      into.voluntaryOutside = (into.voluntaryOutside ?? 0) + (outside ?? 0);
      return;
    }
    rows.set(`${provinceCode}|${asOf}`, {
      provinceCode,
      asOf,
      labourForce: labourForce ?? 0,
      compulsoryParticipants: compulsory ?? 0,
      voluntaryOutside: outside ?? 0,
      source: r.source?.trim() || defaultSource,
    });
  });
  return { rows: problems.length > 0 ? [] : [...rows.values()], problems };
}

/** "1.234.567", "1,234,567" and "1234567" are all the same count. */
function toCount(value: string | undefined): number | null {
  const digits = (value ?? '').replace(/[.,\s]/g, '');
  if (!/^\d+$/.test(digits)) return null;
  const n = Number(digits);
  return Number.isSafeInteger(n) ? n : null;
}
