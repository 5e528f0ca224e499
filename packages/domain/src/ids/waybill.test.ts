// Waybill numbers: generation, parsing, and exhaustive single-digit and transposition error detection.
import { describe, expect, it } from "vitest";
import { isValidWaybill, luhnCheckDigit, makeWaybill, parseWaybill, waybillProblem } from "./waybill.ts";

const SAMPLES = [makeWaybill(0), makeWaybill(1), makeWaybill(123456789012), makeWaybill(999999999999n), makeWaybill(202406150042)];

describe("luhnCheckDigit", () => {
  it("matches the textbook example 7992739871 → 3", () => {
    expect(luhnCheckDigit("7992739871")).toBe(3);
  });
});

describe("makeWaybill", () => {
  it("zero-pads the serial and appends the check digit", () => {
    expect(makeWaybill(0)).toBe("XD0000000000000");
    expect(makeWaybill(42)).toMatch(/^XD000000000042\d$/);
    expect(makeWaybill(42n)).toBe(makeWaybill(42));
    for (const w of SAMPLES) expect(w).toHaveLength(15);
  });
  it("rejects negative, fractional and too-large serials", () => {
    expect(() => makeWaybill(-1)).toThrow(RangeError);
    expect(() => makeWaybill(1.5)).toThrow(RangeError);
    expect(() => makeWaybill(10n ** 12n)).toThrow(RangeError);
  });
});

describe("parseWaybill / isValidWaybill", () => {
  it("accepts generated numbers, lower-case xd and spaces, normalising to upper case", () => {
    for (const w of SAMPLES) expect(isValidWaybill(w)).toBe(true);
    const w = makeWaybill(123456789012);
    expect(parseWaybill(` ${w.toLowerCase()}\n`)).toEqual({ ok: true, value: w });
  });
  it("rejects wrong prefixes, lengths and characters with a message", () => {
    for (const bad of ["", "XD", "YD0000000000000", "XD000000000000", "XD00000000000000", "XD00000000000O0", "0000000000000XD"]) {
      const r = parseWaybill(bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toContain("not a waybill number");
    }
  });
  it("says only that the check digit is wrong, never which digit would be right (that is another valid number)", () => {
    for (const w of SAMPLES) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === w[14]) continue;
        const wrong = w.slice(0, 14) + String(d);
        const r = parseWaybill(wrong);
        expect(r).toEqual({
          ok: false,
          message: `"${wrong}" has a wrong check digit; the number is mistyped`,
          key: "WAYBILL_CHECK",
          params: { value: wrong },
        });
        expect(waybillProblem(wrong)).toEqual({ kind: "CHECK_DIGIT" });
        if (!r.ok) expect(r.message).not.toContain(w);
      }
    }
  });

  it("catches every single-digit substitution in every position, check digit included", () => {
    for (const w of SAMPLES) {
      for (let pos = 2; pos < 15; pos++) {
        for (let d = 0; d <= 9; d++) {
          if (String(d) === w[pos]) continue;
          expect(isValidWaybill(w.slice(0, pos) + String(d) + w.slice(pos + 1)), `${w} pos ${pos} → ${d}`).toBe(false);
        }
      }
    }
  });

  it("catches every adjacent transposition except 09 ↔ 90", () => {
    let missed = 0;
    let tried = 0;
    for (let serial = 0; serial < 100_000; serial += 7) {
      const w = makeWaybill(serial * 9_999_991);
      for (let pos = 2; pos < 14; pos++) {
        const a = w[pos]!;
        const b = w[pos + 1]!;
        if (a === b) continue;
        tried++;
        if (isValidWaybill(w.slice(0, pos) + b + a + w.slice(pos + 2))) {
          missed++;
          expect(a + b === "09" || a + b === "90", `${w} pos ${pos}`).toBe(true);
        }
      }
    }
    expect(tried).toBeGreaterThan(100_000);
    expect(missed / tried).toBeLessThan(0.05);
  });
});
