// What a scan's answer warns of besides its outcome: a parcel that is late, behind its plan or has no route scans as it
// should (the scan still succeeds when it is valid), but not as a plain success. Codes with parameters, translated by
// clients like the reasons (SCAN_REASONS); `message` is the English sentence.
import type { TScanParams } from "./reasons.ts";

export const SCAN_WARNINGS = {
  UNROUTABLE: "no route from here: keep the parcel here and report an exception, or ask the county to re-plan it",
  LATE: "late by {hours} h {minutes} min against its promised time: give it priority and send it on first",
  BEHIND_PLAN: "behind its plan (a leg is overdue): give it priority and send it on first",
  LATE_ARRIVED: "arrived {hours} h {minutes} min after its promised time",
} as const;
export type TScanWarningCode = keyof typeof SCAN_WARNINGS;

export interface ScanWarning {
  code: TScanWarningCode;
  params: TScanParams;
  message: string;
}

export interface WarningInput {
  status: string;
  light: string;
  routeError: string | null;
  promisedAt: Date | null;
  /// Arrival at its final node (the finish), when it has one.
  finishedAt: Date | null;
}

const FINISHED = ["DELIVERED", "RETURNED", "CANCELLED"];

function lateBy(ms: number): TScanParams {
  const total = Math.max(1, Math.round(ms / 60_000));
  return { hours: Math.floor(total / 60), minutes: total % 60, totalMinutes: total };
}

const warn = (code: TScanWarningCode, params: TScanParams = {}): ScanWarning => ({
  code,
  params,
  message: SCAN_WARNINGS[code].replace(/\{(\w+)\}/g, (_m, k: string) => String(params[k] ?? "")),
});

/// The warning for a parcel as it is after a scan, or null: no route, late against its promise, behind its plan (RED
/// on a leg), or arrived late and waiting on the shelf. Nothing for a finished parcel.
export function scanWarning(p: WarningInput, now: Date): ScanWarning | null {
  if (FINISHED.includes(p.status)) return null;
  if (p.routeError) return warn("UNROUTABLE");
  if (p.status === "AWAITING_PICKUP") {
    return p.promisedAt && p.finishedAt && p.finishedAt > p.promisedAt
      ? warn("LATE_ARRIVED", lateBy(p.finishedAt.getTime() - p.promisedAt.getTime()))
      : null;
  }
  if (p.promisedAt && now > p.promisedAt) return warn("LATE", lateBy(now.getTime() - p.promisedAt.getTime()));
  if (p.light === "RED") return warn("BEHIND_PLAN");
  return null;
}
