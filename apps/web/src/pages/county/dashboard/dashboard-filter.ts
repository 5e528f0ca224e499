// The dashboard's filter and the URL search params that carry it, so a view can be bookmarked and shared: a quick
// range (`days`, counted back from today in Asia/Shanghai, so a bookmark of "last 90 days" stays current) or a fixed
// `from`/`to`, plus township, carrier and direction; `county` picks the county (ADMIN) for a shared link.
import { DIRECTIONS, type TDirection } from "@xiangda/domain";

export const QUICK_DAYS = [30, 90, 365] as const;
export type TQuickDays = (typeof QUICK_DAYS)[number];
export const DEFAULT_DAYS: TQuickDays = 30;
/** The longest custom range (a leap year); longer ones are cut to their last MAX_DAYS days. */
export const MAX_DAYS = 366;

export interface TDashFilter {
  from: string;
  to: string;
  /** The quick range in force, or null for a fixed from/to. */
  days: TQuickDays | null;
  townshipCode: string | null;
  carrierId: string | null;
  direction: TDirection | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A township: 12 digits ending in 000, as the API takes it. */
const TOWNSHIP_CODE = /^\d{9}000$/;
const COUNTY_CODE = /^\d{6}$/;

/** A real calendar day written YYYY-MM-DD (not 2026-02-30). */
export function isDay(value: string | null | undefined): value is string {
  if (!value || !DAY.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}

/** Days in the inclusive range. */
export const dayCount = (from: string, to: string): number => daysBetween(from, to) + 1;

/** The last `days` days up to and including `today`. */
export function quickRange(today: string, days: number): { from: string; to: string } {
  return { from: addDays(today, -(days - 1)), to: today };
}

function quickDays(value: string | null): TQuickDays | null {
  const n = Number(value);
  return QUICK_DAYS.find((d) => d === n) ?? null;
}

export function defaultFilter(today: string): TDashFilter {
  return { ...quickRange(today, DEFAULT_DAYS), days: DEFAULT_DAYS, townshipCode: null, carrierId: null, direction: null };
}

/** The filter in `params`; anything missing or malformed falls back to the default (last 30 days, everything). */
export function readFilter(params: URLSearchParams, today: string): TDashFilter {
  const filter = defaultFilter(today);
  const days = quickDays(params.get("days"));
  let from = params.get("from");
  let to = params.get("to");
  if (days) Object.assign(filter, quickRange(today, days), { days });
  else if (isDay(from) && isDay(to)) {
    if (from > to) [from, to] = [to, from];
    if (dayCount(from, to) > MAX_DAYS) from = addDays(to, -(MAX_DAYS - 1));
    Object.assign(filter, { from, to, days: null });
  }
  const township = params.get("township");
  const carrier = params.get("carrier");
  const direction = params.get("direction");
  filter.townshipCode = township && TOWNSHIP_CODE.test(township) ? township : null;
  filter.carrierId = carrier && UUID.test(carrier) ? carrier.toLowerCase() : null;
  filter.direction = DIRECTIONS.find((d) => d === direction) ?? null;
  return filter;
}

/** `base` with the filter written in: the default range leaves no trace, other keys (county …) are kept. */
export function writeFilter(filter: TDashFilter, base: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const params = new URLSearchParams(base);
  for (const key of ["days", "from", "to", "township", "carrier", "direction"]) params.delete(key);
  if (filter.days === null) {
    params.set("from", filter.from);
    params.set("to", filter.to);
  } else if (filter.days !== DEFAULT_DAYS) params.set("days", String(filter.days));
  if (filter.townshipCode) params.set("township", filter.townshipCode);
  if (filter.carrierId) params.set("carrier", filter.carrierId);
  if (filter.direction) params.set("direction", filter.direction);
  return params;
}

/** The county a shared link names, if it is a county code at all. */
export function readCounty(params: URLSearchParams): string | null {
  const code = params.get("county");
  return code && COUNTY_CODE.test(code) ? code : null;
}

export interface TApiFilter {
  countyCode: string;
  from: string;
  to: string;
  townshipCode?: string;
  carrierId?: string;
  direction?: TDirection;
}

/** The input of the date-bound indicator procedures. */
export function apiFilter(countyCode: string, f: TDashFilter): TApiFilter {
  return {
    countyCode,
    from: f.from,
    to: f.to,
    ...(f.townshipCode ? { townshipCode: f.townshipCode } : {}),
    ...(f.carrierId ? { carrierId: f.carrierId } : {}),
    ...(f.direction ? { direction: f.direction } : {}),
  };
}

/** The network map's data changes with the network, not by the minute. */
export const MAP_STALE_MS = 5 * 60_000;

/** How long the lights count as fresh: the county home's prefetch is the page's first answer, not asked again at once. */
export const LIGHTS_STALE_MS = 30_000;

/** The live lights' input for a filter (dates do not apply): one key for the page's query and the county home's
 * prefetch, so the prefetched answer is the one the page reads. */
export function lightsInput(countyCode: string, f: TDashFilter) {
  return {
    countyCode,
    ...(f.townshipCode ? { townshipCode: f.townshipCode } : {}),
    ...(f.carrierId ? { carrierId: f.carrierId } : {}),
    ...(f.direction ? { direction: f.direction } : {}),
  };
}
import { addDays, daysBetween } from "../../../lib/time.ts";
