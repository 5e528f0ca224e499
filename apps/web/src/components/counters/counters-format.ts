// Pure helpers of the counter pages: money in fen, Asia/Shanghai days and wall-clock times, validity of
// recognitions and certifications, image pre-checks, and restock suggestions grouped by merchant.
import { parseScaled } from "../../pages/county/shipments/shipment-format.ts";

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

const SHANGHAI_MS = 8 * 3_600_000;

/** "YYYY-MM-DD" of the instant in Asia/Shanghai. */
export function shanghaiDay(at: Date = new Date()): string {
  return new Date(at.getTime() + SHANGHAI_MS).toISOString().slice(0, 10);
}

/** The calendar day `n` days after (or before, n < 0) `day`. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** The first day of the month of `day`. */
export const monthStart = (day: string): string => `${day.slice(0, 8)}01`;

/** "YYYY-MM-DDTHH:mm" of the instant in Asia/Shanghai, for a datetime-local input. */
export function shanghaiWallClock(at: Date = new Date()): string {
  return new Date(at.getTime() + SHANGHAI_MS).toISOString().slice(0, 16);
}

/** A datetime-local value read as Asia/Shanghai → ISO with offset ("2026-11-23T09:30:00+08:00"); not such a value → null. */
export function wallClockToIso(value: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?$/.exec(value.trim());
  if (!m) return null;
  const iso = `${m[1]}T${m[2]}${m[3] ?? ":00"}+08:00`;
  return Number.isNaN(Date.parse(iso)) ? null : iso;
}

/** Whole days from `today` to `day` (negative when `day` is before). */
export function daysBetween(today: string, day: string): number {
  return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

export type TValidity = "missing" | "expired" | "soon" | "ok";

/** A recognition or certification valid until `validUntil` (its last valid day), seen on `today`: expiring within `soonDays` is "soon". */
export function validityOf(validUntil: string | null | undefined, today: string, soonDays = 30): TValidity {
  if (!validUntil) return "missing";
  const left = daysBetween(today, validUntil);
  if (left < 0) return "expired";
  return left <= soonDays ? "soon" : "ok";
}

export const IMAGE_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

/** Why a picked file will not be taken as a product image before it is sent (the server checks the bytes again). */
export function imageProblem(file: { type: string; size: number }): "type" | "size" | "empty" | null {
  if (!(IMAGE_TYPES as readonly string[]).includes(file.type)) return "type";
  if (file.size === 0) return "empty";
  if (file.size > MAX_IMAGE_BYTES) return "size";
  return null;
}

export const MAX_SALES_FILE_BYTES = 5 * 1024 * 1024;

/** A sales sheet by its name: CSV or XLSX only. */
export const isSalesSheet = (name: string): boolean => /\.(csv|xlsx)$/i.test(name);

export interface TSuggestible {
  id: string;
  merchantId: string;
  merchantName: string;
  suggestedRestockQty: number;
}

/** The shelf's listings by merchant (a restock order is for one merchant), merchants with suggestions first, then by name. */
export function groupByMerchant<T extends TSuggestible>(
  listings: readonly T[],
): Array<{ merchantId: string; merchantName: string; listings: T[]; suggested: number }> {
  const groups = new Map<string, { merchantId: string; merchantName: string; listings: T[]; suggested: number }>();
  for (const l of listings) {
    const g = groups.get(l.merchantId) ?? { merchantId: l.merchantId, merchantName: l.merchantName, listings: [], suggested: 0 };
    g.listings.push(l);
    if (l.suggestedRestockQty > 0) g.suggested++;
    groups.set(l.merchantId, g);
  }
  return [...groups.values()].sort(
    (a, b) => Number(b.suggested > 0) - Number(a.suggested > 0) || a.merchantName.localeCompare(b.merchantName, "zh-CN"),
  );
}

/** Restock lines from the quantities typed per listing: only filled, positive whole numbers; bad ones reported by listing id. */
export function restockLines(
  quantities: Record<string, string>,
  listingIds: readonly string[],
): { lines: Array<{ listingId: string; quantity: number }>; invalid: string[] } {
  const lines: Array<{ listingId: string; quantity: number }> = [];
  const invalid: string[] = [];
  for (const listingId of listingIds) {
    const q = parseCount(quantities[listingId] ?? "");
    if (q === null || q === 0) continue;
    if (q === "invalid") invalid.push(listingId);
    else lines.push({ listingId, quantity: q });
  }
  return { lines, invalid };
}

/** The API's printable QR label sheet of a batch (one A4 page by default; more with ?count=). */
export const qrSheetHref = (batchId: string, count?: number): string =>
  `/batches/${encodeURIComponent(batchId)}/qr.pdf${count ? `?count=${count}` : ""}`;
