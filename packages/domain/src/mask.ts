// Masking of personal data for views that do not need it.

/// 13812345678 → 138****5678
export function maskPhone(phone: string | null | undefined): string {
  if (!phone) return "";
  const digits = phone.replace(/\s+/g, "");
  if (digits.length < 7) return "*".repeat(digits.length);
  return `${digits.slice(0, 3)}${"*".repeat(digits.length - 7)}${digits.slice(-4)}`;
}

/// 18-digit resident ID → first 3 and last 4 shown: 110***********1234
export function maskIdNumber(id: string | null | undefined): string {
  if (!id) return "";
  if (id.length <= 7) return "*".repeat(id.length);
  return `${id.slice(0, 3)}${"*".repeat(id.length - 7)}${id.slice(-4)}`;
}

/// 张三丰 → 张**
export function maskName(name: string | null | undefined): string {
  if (!name) return "";
  const chars = Array.from(name);
  return chars[0] + "*".repeat(Math.max(chars.length - 1, 1));
}
