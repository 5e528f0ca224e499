import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { CROCKFORD_ALPHABET, formatTraceCode, makeTraceCode, parseTraceCode, TRACE_CODE_PATTERN } from "./trace-code.ts";

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

  it("catch every single-character error and adjacent swaps of different characters", () => {
    const c = makeTraceCode(randomBytes(10));
    for (let i = 0; i < c.length; i++) {
      for (const x of CROCKFORD_ALPHABET) {
        if (x === c[i]) continue;
        expect(parseTraceCode(c.slice(0, i) + x + c.slice(i + 1)).ok).toBe(false);
      }
    }
    let caught = 0;
    let swaps = 0;
    for (let i = 0; i + 1 < c.length; i++) {
      if (c[i] === c[i + 1]) continue;
      swaps++;
      if (!parseTraceCode(c.slice(0, i) + c[i + 1] + c[i] + c.slice(i + 2)).ok) caught++;
    }
    expect(caught / swaps).toBeGreaterThan(0.9);
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
