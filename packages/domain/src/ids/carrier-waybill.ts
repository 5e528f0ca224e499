// Whether a carrier's waybill number matches the pattern configured for that carrier.

const ANY_CARRIER_NUMBER = /^[A-Za-z0-9]{8,30}$/;
/// Longer input is refused before any regex runs: no real waybill is this long, and it bounds backtracking.
const MAX_LENGTH = 64;
const compiled = new Map<string, RegExp | null>();

function compile(pattern: string): RegExp | null {
  let re = compiled.get(pattern);
  if (re !== undefined) return re;
  try {
    // Anchored on the whole string; the group keeps alternations ("a|b") inside the anchors.
    re = new RegExp(`^(?:${pattern})$`);
  } catch {
    re = null;
  }
  if (compiled.size > 1000) compiled.clear();
  compiled.set(pattern, re);
  return re;
}

/// `pattern` is a regex source (no slashes, no flags) matched against the whole number. A null or blank
/// pattern accepts any 8-30 letters and digits. An invalid pattern accepts nothing; this never throws.
export function matchesCarrierPattern(number: string, pattern: string | null): boolean {
  if (number.length > MAX_LENGTH) return false;
  if (pattern === null || pattern.trim() === "") return ANY_CARRIER_NUMBER.test(number);
  const re = compile(pattern);
  return re !== null && re.test(number);
}
