// Validation of 18-digit PRC resident ID numbers (GB 11643-1999) for real-name sending (实名收寄).

export type ResidentIdResult =
  | { ok: true; id: string; birthDate: string; sex: "M" | "F" }
  /// `length` (FORMAT) and `birth` (BIRTH_DATE, digits 7-14) for the message's translation.
  | { ok: false; reason: "FORMAT" | "CHECK_DIGIT" | "BIRTH_DATE"; message: string; length?: number; birth?: string };

/// ISO 7064 MOD 11-2: weight of position i (1-based from the left) is 2^(18-i) mod 11.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/// Check character for (weighted sum mod 11) = 0 … 10.
const CHECK_CHARS = "10X98765432";
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/// The check character (0-9 or X) for the first 17 digits of a resident ID.
export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError(`expected 17 digits, got "${first17}"`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

function isCalendarDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  return d <= days;
}

/// `today` is injected (no clock in the domain); its calendar date is taken in Asia/Shanghai.
/// Checks in order: format, then check character, then birth date; the first failure is reported.
export function validateResidentId(raw: string, today: Date): ResidentIdResult {
  const id = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) {
    const why = id.length !== 18 ? `has ${id.length} characters` : "has a character that is not a digit (only the last may be X)";
    return { ok: false, reason: "FORMAT", length: id.length, message: `A resident ID is 17 digits and a check character 0-9 or X; this one ${why}` };
  }
  const expected = residentIdCheckChar(id.slice(0, 17));
  if (id[17] !== expected) {
    return {
      ok: false,
      reason: "CHECK_DIGIT",
      // Only that it is wrong, never the right one: that would name a different valid ID (issue #17).
      message: `Check character ${id[17]} does not match the first 17 digits; the ID is mistyped`,
    };
  }
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isCalendarDate(y, m, d))
    return { ok: false, reason: "BIRTH_DATE", birth: id.slice(6, 14), message: `Birth date ${id.slice(6, 14)} (positions 7-14) is not a calendar date` };
  if (y < 1900) return { ok: false, reason: "BIRTH_DATE", birth: id.slice(6, 14), message: `Birth year ${y} is before 1900` };
  const todayLocal = new Date(today.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
  if (birthDate > todayLocal)
    return { ok: false, reason: "BIRTH_DATE", birth: id.slice(6, 14), message: `Birth date ${birthDate} is in the future (today is ${todayLocal})` };
  return { ok: true, id, birthDate, sex: (id.charCodeAt(16) - 48) % 2 === 1 ? "M" : "F" };
}
