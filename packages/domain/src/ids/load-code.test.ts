import { describe, expect, it } from "vitest";
import { makeLoadCode, parseLoadCode } from "./load-code.ts";

describe("load codes", () => {
  it("round-trips a serial and catches a mistyped digit or a swap", () => {
    const code = makeLoadCode(1234567);
    expect(code).toMatch(/^LD0001234567\d$/);
    expect(parseLoadCode(` ${code.toLowerCase()} `)).toEqual({ ok: true, value: code });
    const typo = code.slice(0, 8) + String((Number(code[8]) + 1) % 10) + code.slice(9);
    expect(parseLoadCode(typo)).toMatchObject({ ok: false, message: expect.stringContaining("check digit") });
    // The right check digit is never told (the code with it is another load).
    for (let d = 0; d <= 9; d++) {
      if (String(d) === code[12]) continue;
      const wrong = code.slice(0, 12) + String(d);
      expect(parseLoadCode(wrong)).toEqual({ ok: false, message: `"${wrong}" has a wrong check digit; the code is mistyped` });
    }
    expect(parseLoadCode("LD123")).toMatchObject({ ok: false, message: expect.stringContaining("11 digits") });
    expect(() => makeLoadCode(10n ** 10n)).toThrow(RangeError);
  });
});
