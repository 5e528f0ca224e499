// Pure helpers of the counter pages: validity of recognitions and certifications, image pre-checks, and restock
// suggestions grouped by merchant, why a listing is flagged (money is in lib/numbers.ts, days in lib/time.ts).
import type { TErrorKey } from "@xiangda/domain";
import { errorsT } from "../../lib/api-error.ts";
import { parseCount } from "../../lib/numbers.ts";
import { daysBetween } from "../../lib/time.ts";

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

/** Why a listing is flagged, in the user's language: the expiry check's reasons by their catalog keys, never its
 *  English flagReason (a listing flagged before the keys were kept gets them at the next daily check). */
export function flagText(l: { flagIssues: ReadonlyArray<{ key: TErrorKey; params: Record<string, string | number> }> }): string {
  return l.flagIssues.map((i) => errorsT(i.key, i.params)).join("；");
}
