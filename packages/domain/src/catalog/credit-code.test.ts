import { describe, expect, it } from "vitest";
import { creditCodeCheckChar, parseCreditCode } from "./credit-code.ts";

describe("unified social credit codes (GB 32100)", () => {
  it("accept published codes, in any case", () => {
    expect(parseCreditCode("91350100M000100Y43")).toEqual({ ok: true, value: "91350100M000100Y43" });
    expect(parseCreditCode("91110000802100433b")).toEqual({ ok: true, value: "91110000802100433B" });
    expect(creditCodeCheckChar("93210881MA0QXXXX1")).toMatch(/^[0-9A-Y]$/);
  });

  it("reject wrong length, letters outside the set, a bad division part and a wrong check character", () => {
    expect(parseCreditCode("91350100M000100Y4")).toMatchObject({ ok: false, message: "must be 18 characters" });
    expect(parseCreditCode("91350100M000100I43")).toMatchObject({ ok: false });
    expect(parseCreditCode("913501A0M000100Y43")).toMatchObject({ ok: false, message: expect.stringContaining("division") });
    // Wrong, never which character is right (that would be another valid code).
    const typo = parseCreditCode("91350100M000100Y44");
    expect(typo).toMatchObject({ ok: false, key: "CREDIT_CODE_CHECK", message: "wrong check character; the code is mistyped" });
    if (!typo.ok) expect(typo.message).not.toContain("3");
  });
});
