// The platform's own waybill numbers: "XD" + 12-digit serial + 1 Luhn check digit (15 characters).
// Luhn (ISO/IEC 7812-1) over the 12 serial digits, doubling every second digit from the right starting with
// the last serial digit. It catches every single-digit error and every adjacent transposition except 09↔90;
// chosen over GS1 mod-10 (weights 3,1), which misses all transpositions of digits that differ by 5.
import { errorText } from "../error-messages.ts";
import type { Parsed } from "../network/values.ts";

const SERIAL_DIGITS = 12;
const MAX_SERIAL = 10n ** BigInt(SERIAL_DIGITS) - 1n;

/// The Luhn check digit for a string of digits.
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = digits.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/// Serial 0 … 999,999,999,999 → "XD" + zero-padded serial + check digit.
export function makeWaybill(serial: bigint | number): string {
  if (typeof serial === "number" && !Number.isSafeInteger(serial))
    throw new RangeError(`waybill serial must be a whole number, got ${serial}`);
  const n = BigInt(serial);
  if (n < 0n || n > MAX_SERIAL) throw new RangeError(`waybill serial must be 0 to ${MAX_SERIAL}, got ${n}`);
  const digits = n.toString().padStart(SERIAL_DIGITS, "0");
  return `XD${digits}${luhnCheckDigit(digits)}`;
}

/// What is wrong with a would-be waybill number, for callers that say it in their own words: its shape, or its check
/// digit. Null when it is a valid number. The digit the first 12 call for is never told: with it, a mistyped number
/// becomes another valid one (someone else's parcel), not the one on the label.
export function waybillProblem(raw: string): { kind: "FORMAT" } | { kind: "CHECK_DIGIT" } | null {
  const s = raw.trim().toUpperCase();
  if (!/^XD\d{13}$/.test(s)) return { kind: "FORMAT" };
  const check = luhnCheckDigit(s.slice(2, 2 + SERIAL_DIGITS));
  return s.charCodeAt(14) - 48 === check ? null : { kind: "CHECK_DIGIT" };
}

/// Accepts "xd" in any case and surrounding spaces (scanners); the value is normalised to upper case.
export function parseWaybill(raw: string): Parsed<string> {
  const s = raw.trim().toUpperCase();
  const problem = waybillProblem(s);
  if (problem?.kind === "FORMAT") {
    const params = { value: raw.trim() };
    return { ok: false, message: errorText("WAYBILL_FORMAT", params), key: "WAYBILL_FORMAT", params };
  }
  // Only that the check digit is wrong, never the right one (issue #17, defect 12).
  if (problem) return { ok: false, message: errorText("WAYBILL_CHECK", { value: s }), key: "WAYBILL_CHECK", params: { value: s } };
  return { ok: true, value: s };
}

export function isValidWaybill(raw: string): boolean {
  return parseWaybill(raw).ok;
}
