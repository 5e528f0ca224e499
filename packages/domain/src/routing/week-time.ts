// Time arithmetic for weekly timetables: minutes counted from a Monday 00:00 in Asia/Shanghai.
// China has kept UTC+8 all year since 1991 (no daylight saving), so a wall-clock "HH:MM" on an ISO
// weekday is a fixed minute of the week and the timetable repeats exactly every 10,080 minutes.

export const MINUTES_PER_DAY = 1440;
export const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;
const MS_PER_MINUTE = 60_000;
/// Monday 1970-01-05 00:00 at UTC+8 = 1970-01-04T16:00:00Z.
export const WEEK_BASE_MS = Date.UTC(1970, 0, 4, 16, 0, 0);

/// A UTC instant → whole minutes since the base, rounded up: "ready at 08:29:30" can catch what
/// "ready at 08:30" can, and nothing that "08:29" could but "08:30" could not.
export function minutesCeil(at: Date): number {
  return Math.ceil((at.getTime() - WEEK_BASE_MS) / MS_PER_MINUTE);
}

export function dateFromMinutes(minutes: number): Date {
  return new Date(WEEK_BASE_MS + minutes * MS_PER_MINUTE);
}

/// The minute of the week (0 = Monday 00:00) and the week number of a minute count.
export function splitWeek(minutes: number): { week: number; minuteOfWeek: number } {
  const week = Math.floor(minutes / MINUTES_PER_WEEK);
  return { week, minuteOfWeek: minutes - week * MINUTES_PER_WEEK };
}

/// "HH:MM" → minutes after midnight, or null when it is not a time of day.
export function parseClock(hhmm: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h <= 23 && min <= 59 ? h * 60 + min : null;
}

/// First index i in sorted `xs` with xs[i] >= x (xs.length when none).
export function lowerBound(xs: Int32Array, from: number, to: number, x: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
