// Pure helpers of the network pages: parsing form text, filtering the tree.
import type { TTownship, TVillage } from "../../../lib/network-api.ts";

/** Numbers typed into a field ("" → null, "12" → 12, anything else → "invalid"): the form kit's parsers. */
export { parseDecimal, parseWholeNumber } from "../../../components/form/draft-fields.ts";

/** A date picked in a date input ("2026-12-01") as the instant that day starts in China (UTC+8). */
export function dayStartIso(date: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  const d = new Date(`${date}T00:00:00+08:00`);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** 0.8123 → "81.2%". */
export function percent(rate: number, digits = 1): string {
  return `${(Math.round(rate * 1000) / 10).toFixed(digits)}%`;
}

/** Weekday numbers 1..7 as a sorted, de-duplicated list. */
export function normaliseWeekdays(days: readonly number[]): number[] {
  return [...new Set(days)].filter((d) => d >= 1 && d <= 7).sort((a, b) => a - b);
}

/** "一二三四五" style short form using the given labels (index 0 = Monday); every day → `everyDay`. */
export function formatWeekdays(days: readonly number[], labels: readonly string[], everyDay: string, separator = ""): string {
  const list = normaliseWeekdays(days);
  if (list.length === 7) return everyDay;
  return list.map((d) => labels[d - 1] ?? String(d)).join(separator);
}

export interface TTreeMatch {
  township: TTownship;
  /** Villages to list when the row is open: all of them, or only those matching the search. */
  villages: TTownship["villages"];
  /** The search matched one of its villages (so the row opens by itself). */
  villageHit: boolean;
}

/** Townships (and their villages) that match a name search; an empty search keeps everything. */
export function filterTree(townships: readonly TTownship[], query: string): TTreeMatch[] {
  const q = query.trim().toLowerCase();
  if (!q) return townships.map((township) => ({ township, villages: township.villages, villageHit: false }));
  const hit = (v: { name: string; code: string }) => v.name.toLowerCase().includes(q) || v.code.startsWith(q);
  const out: TTreeMatch[] = [];
  for (const township of townships) {
    const own = hit(township);
    const villages = township.villages.filter(hit);
    if (own) out.push({ township, villages: township.villages, villageHit: villages.length > 0 });
    else if (villages.length > 0) out.push({ township, villages, villageHit: true });
  }
  return out;
}

/** Covered and total village units of a township, counted from the tree. */
export function townshipCoverage(villages: readonly TVillage[]): { covered: number; total: number; poor: number; poorCovered: number } {
  let covered = 0;
  let poor = 0;
  let poorCovered = 0;
  for (const v of villages) {
    if (v.coveredBy) covered++;
    if (v.isPoor) {
      poor++;
      if (v.coveredBy) poorCovered++;
    }
  }
  return { covered, total: villages.length, poor, poorCovered };
}
