// Reads a CSV or XLSX upload into rows keyed by canonical column names, with spreadsheet row numbers.
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { AppError } from "@xiangda/domain";

export interface TableRow {
  /// Spreadsheet row number: the header is row 1, the first data row is row 2.
  row: number;
  values: Record<string, string>;
}

export interface Table {
  columns: string[];
  rows: TableRow[];
}

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 50_000;

function isXlsx(fileName: string, data: Buffer): boolean {
  return /\.xlsx$/i.test(fileName) || (data.length > 4 && data[0] === 0x50 && data[1] === 0x4b);
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "object") {
    if ("text" in v && typeof v.text === "string") return v.text;
    if ("result" in v) return cellText(v.result);
    if ("richText" in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join("");
    return "";
  }
  return String(v);
}

async function readXlsx(data: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw AppError.at("file", "FILE_NOT_XLSX");
  }
  const ws = wb.worksheets[0];
  if (!ws) throw AppError.at("file", "FILE_NO_SHEET");
  const out: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    const values = row.values as ExcelJS.CellValue[];
    for (let i = 1; i < values.length; i++) cells.push(cellText(values[i] ?? null).trim());
    out[n - 1] = cells;
  });
  for (let i = 0; i < out.length; i++) out[i] ??= [];
  return out;
}

function readCsv(data: Buffer): string[][] {
  try {
    const rows: string[][] = parse(data.toString("utf8"), { bom: true, relax_column_count: true, skip_empty_lines: false, trim: true });
    return rows;
  } catch (e) {
    throw AppError.at("file", "FILE_NOT_CSV", { detail: e instanceof Error ? e.message : String(e) });
  }
}

/// `aliases` maps lower-cased header spellings (English or Chinese) to canonical column names.
export async function readTable(fileName: string, data: Buffer, aliases: Record<string, string>): Promise<Table> {
  if (data.length === 0) throw AppError.at("file", "FILE_EMPTY");
  if (data.length > MAX_IMPORT_BYTES) throw AppError.at("file", "FILE_TOO_BIG", { mb: MAX_IMPORT_BYTES / 1024 / 1024 });
  const grid = isXlsx(fileName, data) ? await readXlsx(data) : readCsv(data);
  const header = grid[0];
  if (!header || header.every((h) => !h)) throw AppError.at("file", "FILE_NO_HEADER");
  const columns = header.map((h) => {
    const key = h
      .trim()
      .toLowerCase()
      .replace(/^\uFEFF/, "");
    return aliases[key] ?? key;
  });
  const rows: TableRow[] = [];
  for (let i = 1; i < grid.length; i++) {
    const cells = grid[i] ?? [];
    if (cells.every((c) => !c || !c.trim())) continue;
    const values: Record<string, string> = {};
    columns.forEach((c, j) => {
      if (!c) return;
      values[c] = (cells[j] ?? "").trim();
      // PostgreSQL text and jsonb cannot hold U+0000: refuse the file here, naming the cell, not in the database.
      if (values[c].includes("\u0000")) throw AppError.at("file", "FILE_NUL", { row: i + 1, column: c });
    });
    rows.push({ row: i + 1, values });
  }
  if (rows.length > MAX_IMPORT_ROWS) throw AppError.at("file", "FILE_TOO_MANY_ROWS", { max: MAX_IMPORT_ROWS });
  return { columns, rows };
}

/// Builds the alias map from canonical names and their alternative spellings.
export function aliasMap(spec: Record<string, string[]>): Record<string, string> {
  const m: Record<string, string> = {};
  for (const [canonical, alts] of Object.entries(spec)) {
    m[canonical.toLowerCase()] = canonical;
    for (const a of alts) m[a.toLowerCase()] = canonical;
  }
  return m;
}
