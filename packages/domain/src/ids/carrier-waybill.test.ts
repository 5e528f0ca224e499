// Carrier waybill patterns: default pattern, full-string anchoring, invalid patterns.
import { describe, expect, it } from "vitest";
import { matchesCarrierPattern } from "./carrier-waybill.ts";

describe("matchesCarrierPattern", () => {
  it("accepts 8-30 letters and digits when the carrier has no pattern", () => {
    expect(matchesCarrierPattern("75123456789012", null)).toBe(true);
    expect(matchesCarrierPattern("SF1234567890", null)).toBe(true);
    expect(matchesCarrierPattern("1234567", null)).toBe(false);
    expect(matchesCarrierPattern("a".repeat(31), null)).toBe(false);
    expect(matchesCarrierPattern("SF-1234567890", null)).toBe(false);
    expect(matchesCarrierPattern("SF1234567890", "  ")).toBe(true);
  });

  it("matches the whole number, not a part of it", () => {
    expect(matchesCarrierPattern("SF1234567890", "SF\\d{10}")).toBe(true);
    expect(matchesCarrierPattern("XSF1234567890", "SF\\d{10}")).toBe(false);
    expect(matchesCarrierPattern("SF12345678901", "SF\\d{10}")).toBe(false);
    expect(matchesCarrierPattern("SF1234567890", "^SF\\d{10}$")).toBe(true);
  });

  it("keeps alternations inside the anchors", () => {
    expect(matchesCarrierPattern("JD0001234567", "JD\\d{10}|JDV\\d{12}")).toBe(true);
    expect(matchesCarrierPattern("JD0001234567xx", "JD\\d{10}|JDV\\d{12}")).toBe(false);
    expect(matchesCarrierPattern("xxJDV000123456789", "JD\\d{10}|JDV\\d{12}")).toBe(false);
  });

  it("is case-sensitive, as the carrier wrote it", () => {
    expect(matchesCarrierPattern("sf1234567890", "SF\\d{10}")).toBe(false);
    expect(matchesCarrierPattern("sf1234567890", "[Ss][Ff]\\d{10}")).toBe(true);
  });

  it("returns false for an invalid pattern instead of throwing, every time", () => {
    for (let i = 0; i < 2; i++) {
      expect(matchesCarrierPattern("SF1234567890", "SF(\\d{10}")).toBe(false);
      expect(matchesCarrierPattern("SF1234567890", "[")).toBe(false);
      expect(matchesCarrierPattern("SF1234567890", "*")).toBe(false);
    }
  });

  it("refuses absurdly long input without running the pattern", () => {
    expect(matchesCarrierPattern("a".repeat(65), "a*")).toBe(false);
    expect(matchesCarrierPattern("a".repeat(64), "a*")).toBe(true);
  });
});
