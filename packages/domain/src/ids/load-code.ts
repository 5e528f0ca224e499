// Load barcodes: "LD" + 10-digit serial + 1 Luhn check digit (13 characters), printed on the load's
// manifest and cage label; scanning one moves every parcel in the load.
import type { Parsed } from "../network/values.ts";
import { luhnCheckDigit } from "./waybill.ts";

const SERIAL_DIGITS = 10;

export function makeLoadCode(serial: bigint | number): string {
  const n = BigInt(serial);
  if (n < 0n || n >= 10n ** BigInt(SERIAL_DIGITS))
    throw new RangeError(`load serial must be 0 to ${10n ** BigInt(SERIAL_DIGITS) - 1n}, got ${n}`);
  const digits = n.toString().padStart(SERIAL_DIGITS, "0");
  return `LD${digits}${luhnCheckDigit(digits)}`;
}

export const looksLikeLoadCode = (raw: string): boolean => /^LD\d/i.test(raw.trim());

export function parseLoadCode(raw: string): Parsed<string> {
  const s = raw.trim().toUpperCase();
  if (!/^LD\d{11}$/.test(s)) return { ok: false, message: `"${raw.trim()}" is not a load code: LD followed by 11 digits` };
  const check = luhnCheckDigit(s.slice(2, 2 + SERIAL_DIGITS));
  if (s.charCodeAt(12) - 48 !== check) return { ok: false, message: `"${s}" has a wrong check digit; the code is mistyped` }; // never the right digit: that is another load
  return { ok: true, value: s };
}
