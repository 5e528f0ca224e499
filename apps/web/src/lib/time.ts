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
