// Every reason and every warning the scan API gives has a Chinese and an English sentence with the same parameters.
import { describe, expect, it } from "vitest";
import { SCAN_REASONS, SCAN_WARNINGS } from "@xiangda/domain";
import { scanWhyEn } from "./scan-why.en.ts";
import { scanWhyZh } from "./scan-why.zh.ts";

const names = (s: string) => [...s.matchAll(/\{\{?(\w+)\}?\}/g)].map((m) => m[1]).sort();

describe("scan-why", () => {
  it("translates every reason and warning, using only parameters the server sends", () => {
    for (const [code, english] of Object.entries({ ...SCAN_REASONS, ...SCAN_WARNINGS })) {
      const zh = (scanWhyZh as Record<string, string>)[code];
      const en = (scanWhyEn as Record<string, string>)[code];
      expect(zh, code).toBeTypeOf("string");
      expect(en, code).toBeTypeOf("string");
      for (const p of names(zh!)) expect(names(english), `${code} {{${p}}}`).toContain(p);
    }
  });
  it("never names the check digit a mistyped waybill should have had", () => {
    expect(scanWhyZh.WAYBILL_CHECK_DIGIT).not.toContain("expected");
    expect(scanWhyEn.WAYBILL_CHECK_DIGIT).not.toContain("expected");
  });
});
