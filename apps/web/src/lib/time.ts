// Dates and times for display, always in China Standard Time whatever the device's zone.
export const TIME_ZONE = "Asia/Shanghai";

const dateTimeFormat = new Intl.DateTimeFormat("zh-CN", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

const dateFormat = new Intl.DateTimeFormat("zh-CN", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

function toDate(value: string | number | Date): Date | null {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "2024/05/01 08:30:00" in Asia/Shanghai; an unparsable value is returned as given. */
export function formatDateTime(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined || value === "") return "";
  const date = toDate(value);
  return date ? dateTimeFormat.format(date) : String(value);
}

/** "2024/05/01" in Asia/Shanghai. */
export function formatDate(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined || value === "") return "";
  const date = toDate(value);
  return date ? dateFormat.format(date) : String(value);
}

const shortDateTimeFormat = new Intl.DateTimeFormat("zh-CN", {
  timeZone: TIME_ZONE,
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** "05/01 08:30" in Asia/Shanghai: for dense diagrams where the year goes without saying. */
export function formatShortDateTime(value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined || value === "") return "";
  const date = toDate(value);
  return date ? shortDateTimeFormat.format(date) : String(value);
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
