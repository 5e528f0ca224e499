// The outbox row that brings a county-day's dashboard roll-ups up to date after a write (parcels created or
// finished, sales recorded). Write it in the same transaction as the change.
import { dashboardRollup, outboxEvent, type OutboxRow } from "@xiangda/jobs";
import { shanghaiDay } from "../listings/days.ts";

export const ROLLUP_BUCKET_MS = 30_000;

/// `at` is when the change happened (its Asia/Shanghai day is the one recomputed); `writtenAt` picks the 30-second
/// bucket that shares a job. It defaults to the real clock, not `at`: a late scan's `at` lies in a bucket whose job
/// may have run long ago, and the same job id would then be ignored.
export function rollupOutboxEvent(countyCode: string, at: Date, writtenAt: Date = new Date()): OutboxRow {
  return outboxEvent(dashboardRollup, rollupPayload(countyCode, at, writtenAt));
}

/// The job's payload, for workers that enqueue it directly (no outbox).
export function rollupPayload(countyCode: string, at: Date, writtenAt: Date = new Date()) {
  return { countyCode, day: shanghaiDay(at), bucket: String(Math.floor(writtenAt.getTime() / ROLLUP_BUCKET_MS)) };
}

/// One row per distinct county-day of the given changes.
export function rollupOutboxEvents(changes: readonly { countyCode: string; at: Date }[], writtenAt: Date = new Date()): OutboxRow[] {
  const byKey = new Map<string, OutboxRow>();
  for (const c of changes) {
    const row = rollupOutboxEvent(c.countyCode, c.at, writtenAt);
    byKey.set(row.jobId, row);
  }
  return [...byKey.values()];
}

/// When a bucket closes: the rollup job re-runs once after it (see dashboardRollup's `tail`).
export function bucketEnd(bucket: string): Date {
  return new Date((Number(bucket) + 1) * ROLLUP_BUCKET_MS);
}
