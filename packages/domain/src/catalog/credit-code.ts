// Unified social credit codes (统一社会信用代码, GB 32100-2015): 18 characters of 0-9 and capitals without
// I O S V Z; characters 3-8 are the registering county's division code; the last is a check character,
// weighted sum mod 31 of the first 17.
import { errorText, type ErrorParamsArg, type TErrorKey, type TErrorParamValue } from "../error-messages.ts";
import type { Parsed } from "../network/values.ts";

const CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARS.indexOf(first17[i]!) * WEIGHTS[i]!;
  return CHARS[(31 - (sum % 31)) % 31]!;
}

function bad<K extends TErrorKey>(key: K, ...[params]: ErrorParamsArg<K>): Parsed<string> {
  const p = (params ?? {}) as Record<string, TErrorParamValue>;
  return { ok: false, message: errorText(key, p), key, params: p };
}

/// A wrong check character is said to be wrong, never which one is right (that names another valid code, issue #17).
export function parseCreditCode(raw: string): Parsed<string> {
  const s = raw.trim().toUpperCase();
  if (s.length !== 18) return bad("CREDIT_CODE_LENGTH");
  const wrong = [...s].find((c) => !CHARS.includes(c));
  if (wrong !== undefined) return bad("CREDIT_CODE_CHAR", { char: wrong });
  if (!/^\d{6}$/.test(s.slice(2, 8))) return bad("CREDIT_CODE_DIVISION");
  const check = creditCodeCheckChar(s.slice(0, 17));
  if (s[17] !== check) return bad("CREDIT_CODE_CHECK");
  return { ok: true, value: s };
}
