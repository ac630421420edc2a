import { once } from 'node:events';
import fs from 'node:fs';
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { Lang } from '../../server/errors.ts';
import type { CellType, Format, Row } from './reports.kinds.ts';
import { openPdfWriter } from './reports.pdf.ts';

export interface SheetColumn {
  header: string;
  type: CellType;
  width: number;
}

/** A report as a file shows it: a title, lines saying what it covers, the columns. */
export interface ReportSheet {
  title: string;
  /** Campaign, product, period, area, who made it and when (XLSX and PDF; CSV keeps to the table). */
  lines: string[];
  columns: SheetColumn[];
  lang: Lang;
  author: string;
  createdAt: Date;
}

/** Rows go in a chunk at a time and leave for the file at once: nothing accumulates. */
export interface FileWriter {
  write(rows: Row[]): Promise<void>;
  /** Completes the file. */
  finish(): Promise<void>;
  /** Stops writing; the caller deletes the partial file. */
  abort(): Promise<void>;
}

export const CONTENT_TYPES: Record<Format, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

export function openWriter(format: Format, file: string, sheet: ReportSheet): Promise<FileWriter> {
  switch (format) {
    case 'csv':
      return openCsvWriter(file, sheet);
    case 'xlsx':
      return openXlsxWriter(file, sheet);
    case 'pdf':
      return openPdfWriter(file, sheet);
  }
}

/** Writes and waits when the disk is behind, so a fast source never piles rows up in memory. */
async function put(out: fs.WriteStream, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

async function closed(out: fs.WriteStream): Promise<void> {
  out.end();
  await once(out, 'close');
}

// ── CSV: UTF-8 with a byte-order mark, so Excel reads the Vietnamese; plain values for other tools ──
/** A cell some spreadsheet would run as a formula (=, +, -, @) is quoted with an apostrophe. */
const FORMULA = /^[=+\-@\t\r]/;

export function csvCell(value: Row[number], type: CellType): string | number {
  if (value === null || value === undefined) return '';
  if (type === 'percent') return Math.round(Number(value) * 10_000) / 100;
  if (typeof value === 'number') return value;
  return FORMULA.test(value) ? `'${value}` : value;
}

async function openCsvWriter(file: string, sheet: ReportSheet): Promise<FileWriter> {
  const out = fs.createWriteStream(file);
  const options = { record_delimiter: 'windows' } as const;
  await put(out, stringify([sheet.columns.map((c) => c.header)], { ...options, bom: true }));
  return {
    async write(rows) {
      await put(
        out,
        stringify(
          rows.map((row) => row.map((value, i) => csvCell(value, sheet.columns[i]!.type))),
          options,
        ),
      );
    },
    finish: () => closed(out),
    async abort() {
      out.destroy();
      await once(out, 'close').catch(() => {});
    },
  };
}

// ── XLSX: exceljs's streaming writer, each row committed to the file as it is added ──
const NUMBER_FORMATS: Partial<Record<CellType, string>> = {
  int: '#,##0',
  money: '#,##0',
  percent: '0.0%',
  date: 'dd/mm/yyyy',
};

/** A worksheet's name: at most 31 characters, none of \ / ? * [ ] : */
const sheetName = (title: string) => title.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31);

export function xlsxCell(value: Row[number], type: CellType): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (type === 'date') return new Date(`${value}T00:00:00Z`);
  if (type === 'month') return `${String(value).slice(5, 7)}/${String(value).slice(0, 4)}`;
  return value;
}

/** Uncompressed sheet XML allowed to wait for the deflater before rows wait for it. */
const ZIP_BACKLOG = 8 * 1024 * 1024;

/**
 * Waits for the zip to catch up. exceljs (4.4) writes the sheet's XML into the zip entry without
 * heeding backpressure, and deflating is slower than writing rows: unchecked, the backlog grew by
 * about 5 MB per 1,000 rows (500 MB at 100,000). The entry stream is internal to exceljs, so it is
 * looked up defensively; should it move, rows still flow, only without this brake.
 */
async function zipped(ws: ExcelJS.Worksheet): Promise<void> {
  const entry = (ws as unknown as { stream?: { pipes?: Writable[] } }).stream?.pipes?.[0];
  const backlog = (entry as unknown as { _writableState?: { length: number } } | undefined)?._writableState;
  if (entry && backlog && backlog.length > ZIP_BACKLOG) await once(entry, 'drain');
  else await new Promise((resolve) => setImmediate(resolve));
}

async function openXlsxWriter(file: string, sheet: ReportSheet): Promise<FileWriter> {
  // Shared strings would keep every distinct text in memory until the end: inline strings instead.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = sheet.author;
  workbook.created = sheet.createdAt;
  const headerRow = sheet.lines.length + 3;
  const ws = workbook.addWorksheet(sheetName(sheet.title), {
    views: [{ state: 'frozen', ySplit: headerRow }],
  });
  ws.columns = sheet.columns.map((c) => ({ width: c.width }));
  const title = ws.addRow([sheet.title]);
  title.font = { bold: true, size: 14 };
  title.commit();
  for (const line of sheet.lines) ws.addRow([line]).commit();
  ws.addRow([]).commit();
  const header = ws.addRow(sheet.columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEAF2FA' } };
  });
  header.commit();
  ws.autoFilter = {
    from: { row: headerRow, column: 1 },
    to: { row: headerRow, column: sheet.columns.length },
  };
  // One style object per column, shared by its cells: exceljs files a style once per object it has
  // seen, where a style per cell would be compared anew for every cell.
  const styles = sheet.columns.map((c): Partial<ExcelJS.Style> => {
    const numFmt = NUMBER_FORMATS[c.type];
    return numFmt ? { numFmt } : {};
  });
  return {
    async write(rows) {
      for (const values of rows) {
        const row = ws.addRow(values.map((v, i) => xlsxCell(v, sheet.columns[i]!.type)));
        styles.forEach((style, i) => {
          row.getCell(i + 1).style = style;
        });
        row.commit();
      }
      await zipped(ws);
    },
    async finish() {
      ws.commit();
      await workbook.commit();
    },
    async abort() {
      // The zip cannot be cut short cleanly: close it and let the caller delete the file.
      ws.commit();
      await workbook.commit().catch(() => {});
    },
  };
}
