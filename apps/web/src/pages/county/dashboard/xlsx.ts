// XLSX export of the dashboard's tables: the same column definitions that draw a table build its sheet (headers in the
// current language, numbers as numbers, money as yuan with two decimals, times as Asia/Shanghai text).
//
// Library: write-excel-file. It only writes (all we need), is small (~25 kB with its zip, fflate) against ExcelJS's
// ~1 MB browser build, has no Node polyfills, is typed and actively kept; it is imported on demand, on the first click
// of an export button, so neither the main chunk nor the dashboard chunk carries it.
import type { SheetData } from "write-excel-file/browser";

/** How a column's value is shown and written: `fen` is integer money written as yuan, `rate` a 0–1 ratio as a percentage. */
export type TCellKind = "text" | "int" | "decimal" | "rate" | "fen";

export interface TColumn<T> {
  key: string;
  header: string;
  value: (row: T) => string | number | null;
  kind?: TCellKind;
}

const FORMATS: Partial<Record<TCellKind, string>> = { int: "#,##0", decimal: "#,##0.0", rate: "0.0%", fen: "#,##0.00" };

function cellValue(kind: TCellKind, value: string | number | null): string | number | null {
  if (value === null || value === "") return null;
  if (kind === "text") return String(value);
  const n = typeof value === "number" ? value : Number(value);
  if (!Number.isFinite(n)) return String(value);
  return kind === "fen" ? Math.round(n) / 100 : n;
}

/** The header row (bold) and one row per item; empty values stay empty cells. */
export function buildSheetData<T>(columns: readonly TColumn<T>[], rows: readonly T[]): SheetData {
  const header = columns.map((c) => ({ value: c.header, fontWeight: "bold" as const }));
  const body = rows.map((row) =>
    columns.map((c) => {
      const kind = c.kind ?? "text";
      const value = cellValue(kind, c.value(row));
      if (value === null) return null;
      const format = typeof value === "number" ? FORMATS[kind] : undefined;
      return format ? { value, format } : { value };
    }),
  );
  return [header, ...body];
}

/** Display width of a text in spreadsheet "characters": CJK and full-width forms count double. */
function textWidth(text: string): number {
  let width = 0;
  for (const ch of text)
    width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return width;
}

/** Column widths fitting the header and the first rows, between 6 and 48 characters. */
export function columnWidths<T>(columns: readonly TColumn<T>[], rows: readonly T[]): Array<{ width: number }> {
  return columns.map((c) => {
    let width = textWidth(c.header);
    for (const row of rows.slice(0, 200)) width = Math.max(width, textWidth(String(c.value(row) ?? "")) + 1);
    return { width: Math.min(48, Math.max(6, width + 2)) };
  });
}

/** "红灯清单-210881-2026-11-23.xlsx": characters no file system takes are replaced. */
export function xlsxFileName(title: string, countyCode: string, day: string): string {
  return `${title}-${countyCode}-${day}.xlsx`.replace(/[\\/:*?"<>|\s]+/g, "_");
}

/** A sheet name Excel accepts: at most 31 characters, none of []:*?/\ . */
export function sheetName(title: string): string {
  return (
    title
      .replace(/[[\]:*?/\\]/g, " ")
      .trim()
      .slice(0, 31) || "Sheet1"
  );
}

/** Writes the rows as an .xlsx file and offers it as a download. */
export async function downloadXlsx<T>(fileName: string, title: string, columns: readonly TColumn<T>[], rows: readonly T[]): Promise<void> {
  const { default: writeXlsxFile } = await import("write-excel-file/browser");
  await writeXlsxFile(buildSheetData(columns, rows), {
    sheet: sheetName(title),
    columns: columnWidths(columns, rows),
    stickyRowsCount: 1,
  }).toFile(fileName);
}
