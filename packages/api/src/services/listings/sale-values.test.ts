import { describe, expect, it } from "vitest";
import { parseSoldAt, parseYuan } from "./sale-values.ts";

describe("parseYuan", () => {
  it("reads yuan with up to two decimals as fen", () => {
    expect(["12", "12.5", "12.05", "¥ 0.01", "￥100000"].map((v) => parseYuan(v))).toEqual([
      { ok: true, value: 1200 },
      { ok: true, value: 1250 },
      { ok: true, value: 1205 },
      { ok: true, value: 1 },
      { ok: true, value: 10_000_000 },
    ]);
    expect(parseYuan("")).toEqual({ ok: true, value: null });
    for (const bad of ["1.234", "-1", "1,000", "abc", "0", "100000.01"]) expect(parseYuan(bad).ok).toBe(false);
  });
});

describe("parseSoldAt", () => {
  it("reads wall-clock times as Asia/Shanghai and ISO times with their offset", () => {
    const at = (v: string, xlsx = false) => {
      const r = parseSoldAt(v, xlsx);
      return r.ok ? r.value.toISOString() : r.message;
    };
    expect(at("2026-11-20 08:30")).toBe("2026-11-20T00:30:00.000Z");
    expect(at("2026/1/5 7:05:09")).toBe("2026-01-04T23:05:09.000Z");
    expect(at("2026-11-20")).toBe("2026-11-19T16:00:00.000Z");
    expect(at("2026-11-20T08:30:00+08:00")).toBe("2026-11-20T00:30:00.000Z");
    expect(at("2026-11-20T08:30:00.000Z")).toBe("2026-11-20T08:30:00.000Z");
    // An XLSX date cell: the wall clock typed in the sheet.
    expect(at("2026-11-20T08:30:00.000Z", true)).toBe("2026-11-20T00:30:00.000Z");
    expect(at("2026-02-30 10:00")).toBe('"2026-02-30 10:00" is not a real date and time');
    expect(at("2026-11-20 24:00")).toBe('"2026-11-20 24:00" is not a real date and time');
    expect(at("yesterday")).toBe('"yesterday" is not a time like 2026-11-20 14:30');
    expect(at("")).toBe("required");
  });
});
