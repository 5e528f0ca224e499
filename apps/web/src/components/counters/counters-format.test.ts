import { fenToYuanText, formatFen, parseCount, parseYuan } from "../../lib/numbers.ts";
import { addDays, daysBetween, monthStart, shanghaiDay, shanghaiWallClock, wallClockToIso } from "../../lib/time.ts";
import { describe, expect, it } from "vitest";
import { setLanguage } from "../../i18n/index.ts";
import { flagText, groupByMerchant, imageProblem, isSalesSheet, qrSheetHref, restockLines, validityOf } from "./counters-format.ts";

describe("money", () => {
  it("formats integer fen as ¥x.xx", () => {
    expect(formatFen(1250)).toBe("¥12.50");
    expect(formatFen(5)).toBe("¥0.05");
    expect(formatFen(0)).toBe("¥0.00");
    expect(formatFen(123456789)).toBe("¥1,234,567.89");
    expect(formatFen(-300)).toBe("-¥3.00");
  });

  it("reads yuan as typed into fen, exactly", () => {
    expect(parseYuan("12.5")).toBe(1250);
    expect(parseYuan("¥ 12.50")).toBe(1250);
    expect(parseYuan("0.1")).toBe(10);
    expect(parseYuan("19.99")).toBe(1999);
    expect(parseYuan("1,200")).toBe(120000);
    expect(parseYuan("")).toBeNull();
    expect(parseYuan("1.234")).toBe("invalid");
    expect(parseYuan("abc")).toBe("invalid");
    expect(parseYuan("-3")).toBe("invalid");
  });

  it("prefills price fields from fen", () => {
    expect(fenToYuanText(1250)).toBe("12.50");
    expect(fenToYuanText(7)).toBe("0.07");
    expect(parseYuan(fenToYuanText(1999))).toBe(1999);
  });

  it("reads whole counts", () => {
    expect(parseCount(" 12 ")).toBe(12);
    expect(parseCount("")).toBeNull();
    expect(parseCount("1.5")).toBe("invalid");
    expect(parseCount("-1")).toBe("invalid");
  });
});

describe("days and times in Asia/Shanghai", () => {
  it("takes the day and wall clock in UTC+8", () => {
    expect(shanghaiDay(new Date("2026-11-23T16:30:00Z"))).toBe("2026-11-24");
    expect(shanghaiWallClock(new Date("2026-11-23T01:05:30Z"))).toBe("2026-11-23T09:05");
  });

  it("turns a datetime-local value into an ISO time with the +08:00 offset", () => {
    expect(wallClockToIso("2026-11-23T09:05")).toBe("2026-11-23T09:05:00+08:00");
    expect(new Date(wallClockToIso("2026-11-23T09:05")!).toISOString()).toBe("2026-11-23T01:05:00.000Z");
    expect(wallClockToIso("2026-11-23")).toBeNull();
    expect(wallClockToIso("")).toBeNull();
  });

  it("counts days", () => {
    expect(addDays("2026-11-30", 1)).toBe("2026-12-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(monthStart("2026-11-23")).toBe("2026-11-01");
    expect(daysBetween("2026-11-23", "2026-12-23")).toBe(30);
  });

  it("tells valid, expiring, expired and missing papers apart (the last valid day still counts)", () => {
    expect(validityOf("2026-11-23", "2026-11-23")).toBe("soon");
    expect(validityOf("2026-11-22", "2026-11-23")).toBe("expired");
    expect(validityOf("2027-06-01", "2026-11-23")).toBe("ok");
    expect(validityOf("2026-12-20", "2026-11-23")).toBe("soon");
    expect(validityOf(null, "2026-11-23")).toBe("missing");
  });
});

describe("files", () => {
  it("pre-checks product pictures by type and size", () => {
    expect(imageProblem({ type: "image/jpeg", size: 1000 })).toBeNull();
    expect(imageProblem({ type: "image/webp", size: 5 * 1024 * 1024 })).toBeNull();
    expect(imageProblem({ type: "image/gif", size: 1000 })).toBe("type");
    expect(imageProblem({ type: "image/png", size: 5 * 1024 * 1024 + 1 })).toBe("size");
    expect(imageProblem({ type: "image/png", size: 0 })).toBe("empty");
  });

  it("accepts CSV and XLSX sales sheets", () => {
    expect(isSalesSheet("sales.CSV")).toBe(true);
    expect(isSalesSheet("11月.xlsx")).toBe(true);
    expect(isSalesSheet("sales.xls")).toBe(false);
  });

  it("links a batch's QR label sheet", () => {
    expect(qrSheetHref("b1")).toBe("/batches/b1/qr.pdf");
    expect(qrSheetHref("b1", 48)).toBe("/batches/b1/qr.pdf?count=48");
  });
});

describe("restock", () => {
  const l = (id: string, merchantId: string, merchantName: string, suggestedRestockQty: number) => ({
    id,
    merchantId,
    merchantName,
    suggestedRestockQty,
  });

  it("groups the shelf by merchant, merchants with suggestions first", () => {
    const groups = groupByMerchant([l("a", "m1", "甲社", 0), l("b", "m2", "乙社", 4), l("c", "m1", "甲社", 0), l("d", "m2", "乙社", 0)]);
    expect(groups.map((g) => [g.merchantId, g.listings.map((x) => x.id), g.suggested])).toEqual([
      ["m2", ["b", "d"], 1],
      ["m1", ["a", "c"], 0],
    ]);
  });

  it("makes lines of the filled, positive quantities and names the bad ones", () => {
    expect(restockLines({ a: "5", b: "", c: "0", d: "x" }, ["a", "b", "c", "d", "e"])).toEqual({
      lines: [{ listingId: "a", quantity: 5 }],
      invalid: ["d"],
    });
  });
});

describe("flagText", () => {
  const l: Parameters<typeof flagText>[0] = {
    flagIssues: [
      { key: "RECOGNITION_EXPIRED_ON", params: { number: "R-1", date: "2026-11-19" } },
      { key: "CERTIFICATION_EXPIRED", params: { certKind: "ORGANIC", number: "C-9", date: "2026-11-20" } },
    ],
  };

  it("words the expiry check's reasons in the user's language, the certificate's kind by its label", async () => {
    await setLanguage("zh-CN");
    const zh = flagText(l);
    expect(zh).toContain("R-1");
    expect(zh).toContain("2026-11-19");
    expect(zh).not.toMatch(/expired|ORGANIC/);
    await setLanguage("en");
    expect(flagText(l)).toMatch(/expired/);
    await setLanguage("zh-CN");
  });

  it("says nothing for a listing with no reasons kept", () => {
    expect(flagText({ flagIssues: [] })).toBe("");
  });
});
