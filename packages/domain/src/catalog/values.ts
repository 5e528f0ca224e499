// Catalog vocabularies (mirroring the database enums) and the small value rules of its forms.
import { TEMP_CLASSES, type TTempClass } from "../shipments/values.ts";

export const MERCHANT_TYPES = ["COOPERATIVE", "ENTERPRISE", "HOUSEHOLD"] as const;
export type TMerchantType = (typeof MERCHANT_TYPES)[number];

export const PRODUCT_CATEGORIES = [
  "GRAIN",
  "VEGETABLE",
  "FRUIT",
  "MEAT_POULTRY",
  "EGG_DAIRY",
  "AQUATIC",
  "MUSHROOM",
  "NUTS_DRIED",
  "TEA_HERBAL",
  "PROCESSED",
  "HANDICRAFT",
  "OTHER",
] as const;
export type TProductCategory = (typeof PRODUCT_CATEGORIES)[number];

export const CERTIFICATION_KINDS = ["GREEN_FOOD", "ORGANIC", "GEO_INDICATION"] as const;
export type TCertificationKind = (typeof CERTIFICATION_KINDS)[number];

/** A product keeps at the temperatures a parcel travels at (the database enum TempClass). */
export const PRODUCT_TEMPS = TEMP_CLASSES;
export type TProductTemp = TTempClass;

export const VENUE_TYPES = [
  "SUPERMARKET",
  "MALL",
  "HOTEL",
  "WHOLESALE_MARKET",
  "FARMERS_MARKET",
  "AIRPORT_STATION",
  "HIGHWAY_SERVICE_AREA",
  "CANTEEN",
  "ONLINE_CHANNEL",
] as const;
export type TVenueType = (typeof VENUE_TYPES)[number];

/** A listing from its draft through the county's review to the shelf, or off it. */
export const LISTING_STATUSES = ["DRAFT", "PENDING_REVIEW", "ACTIVE", "REJECTED", "DELISTED"] as const;
export type TListingStatus = (typeof LISTING_STATUSES)[number];

/// Mainland mobile numbers: 11 digits starting 13-19.
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;

const SHANGHAI_MS = 8 * 3600_000;

/// The Asia/Shanghai calendar day of an instant, "YYYY-MM-DD".
export function shanghaiDay(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_MS).toISOString().slice(0, 10);
}

/// "YYYY-MM-DD" that is a real day of the Gregorian calendar.
export function isCalendarDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/// A calendar day as stored in a DATE column (midnight UTC) and back.
export const dayToDate = (day: string): Date => new Date(`${day}T00:00:00Z`);
export const dateToDay = (d: Date): string => d.toISOString().slice(0, 10);
