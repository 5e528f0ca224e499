// Numbers typed by people and shown to them: decimals in a bigger unit kept exactly as whole smaller units (kg → g,
// yuan → fen, cm → mm), money in fen, counts.

/**
 * A decimal typed by a person in a bigger unit, as a whole number of the smaller one, exactly (no float rounding):
 * parseScaled("1.25", 3) → 1250 (kg → g), parseScaled("12.5", 2) → 1250 (yuan → fen), parseScaled("30", 1) → 300 (cm → mm).
 * "" → null; more decimals than the unit has, or anything not a plain decimal → "invalid".
 */
export function parseScaled(text: string, decimals: number): number | null | "invalid" {
  const s = text
    .trim()
    .replace(/[。．]/g, ".")
    .replace(/^\./, "0.");
  if (!s) return null;
  const m = /^(\d+)(?:\.(\d*))?$/.exec(s);
  if (!m) return "invalid";
  const whole = m[1] ?? "0";
  const frac = m[2] ?? "";
  if (frac.length > decimals) return "invalid";
  const value = Number(whole + frac.padEnd(decimals, "0"));
  return Number.isSafeInteger(value) ? value : "invalid";
}

/** 1250 g → "1.25" (kg), 0 → "0": the inverse of parseScaled for display. */
export function formatScaled(value: number, decimals: number): string {
  const negative = value < 0;
  const digits = String(Math.abs(value)).padStart(decimals + 1, "0");
  const whole = digits.slice(0, digits.length - decimals);
  const frac = digits.slice(digits.length - decimals).replace(/0+$/, "");
  return `${negative ? "-" : ""}${whole}${frac ? `.${frac}` : ""}`;
}

/** 1250 → "¥12.50", 123456789 → "¥1,234,567.89"; integer fen only, never floats. */
export function formatFen(fen: number): string {
  const negative = fen < 0;
  const abs = Math.abs(Math.trunc(fen));
  const yuan = Math.floor(abs / 100).toLocaleString("en-US");
  const cents = String(abs % 100).padStart(2, "0");
  return `${negative ? "-" : ""}¥${yuan}.${cents}`;
}

/** Yuan as typed ("12", "12.5", "¥12.50") → fen; "" → null; not an amount with at most 2 decimals → "invalid". */
export function parseYuan(text: string): number | null | "invalid" {
  return parseScaled(
    text
      .trim()
      .replace(/^[¥￥]\s*/, "")
      .replace(/,/g, ""),
    2,
  );
}

/** 1250 → "12.50": the value a price field starts with. */
export function fenToYuanText(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, "0")}`;
}

/** A quantity typed into a field: "" → null, whole digits → the number, anything else → "invalid". */
export function parseCount(text: string): number | null | "invalid" {
  const s = text.trim();
  if (!s) return null;
  return /^\d{1,9}$/.test(s) ? Number(s) : "invalid";
}
