import ExcelJS from "exceljs";
import writeXlsxFile from "write-excel-file/universal";
import { describe, expect, it } from "vitest";
import { buildSheetData, columnWidths, sheetName, xlsxFileName, type TColumn } from "./xlsx.ts";

interface TRow {
  name: string;
  parcels: number;
  rate: number | null;
  fen: number;
  at: string;
}

const columns: TColumn<TRow>[] = [
  { key: "name", header: "乡镇", value: (r) => r.name },
  { key: "parcels", header: "件数", value: (r) => r.parcels, kind: "int" },
  { key: "rate", header: "准时率", value: (r) => r.rate, kind: "rate" },
  { key: "fen", header: "销售额（元）", value: (r) => r.fen, kind: "fen" },
  { key: "at", header: "承诺时间", value: (r) => r.at },
];

const rows: TRow[] = [
  { name: "高屯镇", parcels: 1234, rate: 0.875, fen: 123456, at: "2026/11/23 08:30:00" },
  { name: "=cmd", parcels: 0, rate: null, fen: 5, at: "" },
];

describe("XLSX export", () => {
  it("builds a bold header row and typed cells: numbers stay numbers, money in yuan, empty stays empty", () => {
    const data = buildSheetData(columns, rows);
    expect(data[0]).toEqual(columns.map((c) => ({ value: c.header, fontWeight: "bold" })));
    expect(data[1]).toEqual([
      { value: "高屯镇" },
      { value: 1234, format: "#,##0" },
      { value: 0.875, format: "0.0%" },
      { value: 1234.56, format: "#,##0.00" },
      { value: "2026/11/23 08:30:00" },
    ]);
    expect(data[2]).toEqual([{ value: "=cmd" }, { value: 0, format: "#,##0" }, null, { value: 0.05, format: "#,##0.00" }, null]);
  });

  it("writes a file Excel reads back with the same headers and values", async () => {
    const blob = await writeXlsxFile(buildSheetData(columns, rows), {
      sheet: sheetName("红灯清单"),
      columns: columnWidths(columns, rows),
    }).toBlob();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await blob.arrayBuffer());
    const sheet = book.getWorksheet("红灯清单");
    expect(sheet).toBeDefined();
    expect(sheet?.getRow(1).values).toEqual([undefined, "乡镇", "件数", "准时率", "销售额（元）", "承诺时间"]);
    const row = sheet?.getRow(2);
    expect(row?.getCell(2).value).toBe(1234);
    expect(row?.getCell(3).value).toBe(0.875);
    expect(row?.getCell(4).value).toBe(1234.56);
    expect(row?.getCell(4).numFmt).toBe("#,##0.00");
    // Text that looks like a formula is written as text, never run.
    expect(sheet?.getRow(3).getCell(1).value).toBe("=cmd");
  });

  it("names files and sheets safely and sizes columns for Chinese text", () => {
    expect(xlsxFileName("红灯清单", "210881", "2026-11-23")).toBe("红灯清单-210881-2026-11-23.xlsx");
    expect(xlsxFileName("on-time / by leg", "210881", "2026-11-23")).toBe("on-time_by_leg-210881-2026-11-23.xlsx");
    expect(sheetName("a[b]:c*d?e/f\\g")).toBe("a b  c d e f g");
    expect(sheetName("x".repeat(40))).toHaveLength(31);
    const [name] = columnWidths(columns, rows);
    expect(name?.width).toBeGreaterThanOrEqual(8);
  });
});
