import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { CROCKFORD_ALPHABET, formatTraceCode, makeTraceCode, parseTraceCode, TRACE_CODE_PATTERN, traceCheckChar } from "./trace-code.ts";

describe("trace codes", () => {
  it("encode 80 bits as 16 Crockford characters and a check character", () => {
    expect(makeTraceCode(new Uint8Array(10))).toBe("0000000000000000" + "0");
    expect(makeTraceCode(new Uint8Array(10).fill(255))).toMatch(/^Z{16}[0-9A-Z]$/);
    for (let i = 0; i < 200; i++) {
      const c = makeTraceCode(randomBytes(10));
      expect(c).toMatch(TRACE_CODE_PATTERN);
      expect(parseTraceCode(c)).toEqual({ ok: true, value: c });
    }
  });

  it("catch every single-character error, and every adjacent swap except 0 and Z (Luhn mod 32's blind spot)", () => {
    const c = makeTraceCode(randomBytes(10));
    for (let i = 0; i < c.length; i++) {
      for (const x of CROCKFORD_ALPHABET) {
        if (x === c[i]) continue;
        expect(parseTraceCode(c.slice(0, i) + x + c.slice(i + 1)).ok).toBe(false);
      }
    }
    // Every ordered pair of different characters at every pair of neighbouring data positions.
    const base = "7K3M9Q2W5X8Y4T6R";
    const missed: string[] = [];
    for (let i = 0; i + 1 < 16; i++) {
      for (const a of CROCKFORD_ALPHABET) {
        for (const b of CROCKFORD_ALPHABET) {
          if (a === b) continue;
          const data = base.slice(0, i) + a + b + base.slice(i + 2);
          const code = data + traceCheckChar(data);
          expect(parseTraceCode(code).ok).toBe(true);
          if (parseTraceCode(code.slice(0, i) + b + a + code.slice(i + 2)).ok) missed.push(a + b);
        }
      }
    }
    expect(new Set(missed)).toEqual(new Set(["0Z", "Z0"]));
    expect(missed).toHaveLength(2 * 15);
  });

  it("read what people type: lower case, groups, O for 0, I and L for 1", () => {
    const c = makeTraceCode(Buffer.from("0123456789"));
    expect(parseTraceCode(formatTraceCode(c).toLowerCase())).toEqual({ ok: true, value: c });
    expect(formatTraceCode(c)).toMatch(/^(\S{4} ){4}\S$/);
    const zeroed = makeTraceCode(new Uint8Array(10));
    expect(parseTraceCode("oooo-oooo-oooo-oooo-o")).toEqual({ ok: true, value: zeroed });
    expect(parseTraceCode("too-short").ok).toBe(false);
    expect(parseTraceCode("UUUUUUUUUUUUUUUUU").ok).toBe(false);
  });
});
