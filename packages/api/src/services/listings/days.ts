// Calendar days in Asia/Shanghai (UTC+8, no daylight saving) for listings, sales and reports.
const SHANGHAI_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/// "YYYY-MM-DD" of the Asia/Shanghai day that contains `at`.
export function shanghaiDay(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_MS).toISOString().slice(0, 10);
}

/// The UTC instant at which the Asia/Shanghai day `day` starts.
export function shanghaiDayStart(day: string): Date {
  return new Date(new Date(`${day}T00:00:00Z`).getTime() - SHANGHAI_MS);
}

/// [start of `from`, start of the day after `to`) as UTC instants.
export function shanghaiDaysRange(from: string, to: string): { start: Date; end: Date } {
  return { start: shanghaiDayStart(from), end: new Date(shanghaiDayStart(to).getTime() + DAY_MS) };
}

/// A `@db.Date` column comes back as UTC midnight of that calendar day.
export function dateColumn(d: Date | null): string | null {
  return d ? d.toISOString().slice(0, 10) : null;
}

/// Wall-clock "YYYY-MM-DD HH:MM[:SS]" read as Asia/Shanghai.
export function fromShanghaiWallClock(y: number, mo: number, d: number, h: number, mi: number, s: number): Date {
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s) - SHANGHAI_MS);
}
