// Batch trace codes printed in traceability QR codes: 80 random bits as 16 Crockford base32 characters
// and one Luhn mod 32 check character (17 characters, digits and capitals without I L O U). Random, so
// a code reveals nothing and cannot be guessed from another; the check character catches every
// single-character typo and every adjacent swap but 0↔Z (the blind spot of Luhn mod 32) when someone types a code.
import type { Parsed } from "../network/values.ts";

export const CROCKFORD_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// Random bytes one code carries (80 bits).
export const TRACE_CODE_RANDOM_BYTES = 10;
export const TRACE_CODE_LENGTH = 17;
export const TRACE_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{17}$/;

const N = CROCKFORD_ALPHABET.length;
const value = (c: string) => CROCKFORD_ALPHABET.indexOf(c);

/// Luhn mod N over base32 symbols; `withCheck` when the last symbol is the check character itself.
function luhnSum(s: string, withCheck: boolean): number {
  let sum = 0;
  let double = !withCheck;
  for (let i = s.length - 1; i >= 0; i--, double = !double) {
    let v = value(s[i]!);
    if (double) {
      v *= 2;
      v = Math.floor(v / N) + (v % N);
    }
    sum += v;
  }
  return sum % N;
}

export function traceCheckChar(data: string): string {
  return CROCKFORD_ALPHABET[(N - luhnSum(data, false)) % N]!;
}

/// Base32 (Crockford) of the first 80 bits of `random`: 16 characters.
export function encodeCrockford80(random: Uint8Array): string {
  if (random.length < TRACE_CODE_RANDOM_BYTES) throw new RangeError(`need ${TRACE_CODE_RANDOM_BYTES} random bytes, got ${random.length}`);
  let bits = 0n;
  for (let i = 0; i < TRACE_CODE_RANDOM_BYTES; i++) bits = (bits << 8n) | BigInt(random[i]!);
  let out = "";
  for (let i = 0; i < 16; i++) {
    out = CROCKFORD_ALPHABET[Number(bits & 31n)]! + out;
    bits >>= 5n;
  }
  return out;
}

/// A trace code from 10 (or more) random bytes; the caller supplies them (crypto.randomBytes).
export function makeTraceCode(random: Uint8Array): string {
  const data = encodeCrockford80(random);
  return data + traceCheckChar(data);
}

/// What people type or scanners read: any case, spaces and dashes, O for 0, I and L for 1.
export function normalizeTraceCode(raw: string): string {
  return raw
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
}

export function parseTraceCode(raw: string): Parsed<string> {
  const s = normalizeTraceCode(raw);
  if (!TRACE_CODE_PATTERN.test(s))
    return { ok: false, message: `"${raw.trim()}" is not a trace code: ${TRACE_CODE_LENGTH} characters of 0-9 and A-Z without I, L, O, U` };
  if (luhnSum(s, true) !== 0) return { ok: false, message: `"${s}" has a wrong check character; the code is mistyped` };
  return { ok: true, value: s };
}

/// For print: groups of four and the check character, "ABCD EFGH JKMN PQRS T".
export function formatTraceCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, "$1 ");
}
