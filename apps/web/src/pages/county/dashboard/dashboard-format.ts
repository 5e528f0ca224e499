// Pure helpers of the dashboard: rates, counts, money in fen, leg kinds ("COUNTY_HUB>TOWNSHIP_STATION" → 县→乡), days
// filled in for charts, the RED list in oldest-first order.
import { NODE_TIERS, type TNodeTier } from "@xiangda/domain";

const isTier = (value: string): value is TNodeTier => (NODE_TIERS as readonly string[]).includes(value);

/** 0.8734 → "87.3%"; null, NaN or infinite → "—" (no parcels finished, nothing to divide). */
export function formatRate(rate: number | null | undefined, digits = 1): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return "—";
  return `${(rate * 100).toFixed(digits)}%`;
}

/** 12345 → "12,345"; at most `digits` decimals. */
export function formatCount(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return value.toLocaleString("zh-CN", { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

/** Integer fen → "¥1,234.50" (never through floats); null → "—". */
export function formatYuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined || !Number.isFinite(fen)) return "—";
  return formatFen(Math.round(fen));
}

/** Fen → yuan as a number with two decimals, for charts and spreadsheets. */
export const fenToYuan = (fen: number): number => Math.round(fen) / 100;

/** part / total, or null when there is no total. */
export function ratio(part: number, total: number): number | null {
  return total > 0 ? part / total : null;
}

/** "COUNTY_HUB>TOWNSHIP_STATION" → its two tiers; anything else → null. */
export function legKindTiers(kind: string): [TNodeTier, TNodeTier] | null {
  const [from, to, ...rest] = kind.split(">");
  if (rest.length > 0 || !from || !to || !isTier(from) || !isTier(to)) return null;
  return [from, to];
}

/** A leg kind in words: 县→乡 or "County hub → township station"; an unknown kind is shown as sent. */
export function legKindLabel(kind: string, shortTier: (tier: TNodeTier) => string, joiner: string): string {
  const tiers = legKindTiers(kind);
  if (!tiers) return kind;
  const [from, to] = tiers.map(shortTier) as [string, string];
  // English starts the label with a capital; Chinese has none to change.
  return `${from.charAt(0).toUpperCase()}${from.slice(1)}${joiner}${to}`;
}

/** Downward legs first (hub → station → point), then upward, then anything unknown. */
export function legKindOrder(kind: string): number {
  const tiers = legKindTiers(kind);
  if (!tiers) return 99;
  const [a, b] = tiers.map((t) => NODE_TIERS.indexOf(t)) as [number, number];
  return a < b ? a * 3 + b : 10 + (2 - a) * 3 + (2 - b);
}

/** "2026-11-23" → "11-23" for chart axes. */
export const shortDay = (day: string): string => day.slice(5);

/** Every day from `from` to `to`, each with the row `rows` has for it or `empty(day)`: charts keep a steady time axis. */
export function fillDays<T extends { day: string }>(rows: readonly T[], from: string, to: string, empty: (day: string) => T): T[] {
  const byDay = new Map(rows.map((r) => [r.day.slice(0, 10), r]));
  const out: T[] = [];
  for (let day = from; day <= to && out.length < 400; day = addDays(day, 1)) out.push(byDay.get(day) ?? empty(day));
  return out;
}

interface TRedGroupLike {
  oldestPromisedAt: string | null;
  nodeName: string;
  parcels: ReadonlyArray<{ promisedAt: string | null }>;
}

// A parcel without a promise (no route at all) is the most urgent: first, as the API orders them.
const time = (iso: string | null): number => (iso ? Date.parse(iso) : Number.NEGATIVE_INFINITY);

/** RED groups with the oldest promise first (no promise before any), and each group's parcels the same way. */
export function sortRedGroups<G extends TRedGroupLike>(groups: readonly G[]): G[] {
  return groups
    .map((g) => ({ ...g, parcels: [...g.parcels].sort((a, b) => time(a.promisedAt) - time(b.promisedAt)) }))
    .sort((a, b) => time(a.oldestPromisedAt) - time(b.oldestPromisedAt) || a.nodeName.localeCompare(b.nodeName, "zh-CN"));
}
import { formatFen } from "../../../lib/numbers.ts";
import { addDays } from "../../../lib/time.ts";
