import { describe, expect, it } from "vitest";
import { makeLoadCode, parseLoadCode } from "./load-code.ts";

describe("load codes", () => {
  it("round-trips a serial and catches a mistyped digit or a swap", () => {
    const code = makeLoadCode(1234567);
    expect(code).toMatch(/^LD0001234567\d$/);
    expect(parseLoadCode(` ${code.toLowerCase()} `)).toEqual({ ok: true, value: code });
    const typo = code.slice(0, 8) + String((Number(code[8]) + 1) % 10) + code.slice(9);
    expect(parseLoadCode(typo)).toMatchObject({ ok: false, message: expect.stringContaining("check digit") });
    expect(parseLoadCode("LD123")).toMatchObject({ ok: false, message: expect.stringContaining("11 digits") });
    expect(() => makeLoadCode(10n ** 10n)).toThrow(RangeError);
  });
});
