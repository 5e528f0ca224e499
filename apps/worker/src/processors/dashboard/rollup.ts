// Dashboard roll-ups: one county-day after events (outbox), and the nightly rebuild of recent days.
import { bucketEnd, rebuildRecent, rollupDay } from "@xiangda/api";
import { dashboardRebuild, dashboardRollup, DEFAULT_JOB_OPTIONS, parsePayload } from "@xiangda/jobs";
import type { Processor } from "../types.ts";

/// Time for the transactions that wrote a bucket's last outbox rows to commit before its tail run reads them.
export const TAIL_MARGIN_MS = 5_000;

export const processRollup: Processor = async (job, deps) => {
  const p = parsePayload(dashboardRollup, job.data);
  const startedAt = Date.now();
  const r = await rollupDay(deps.db, { countyCode: p.countyCode, day: p.day });
  // Events later in the same bucket share this job's id and were dropped: one more run after the bucket closes.
  const wait = bucketEnd(p.bucket).getTime() + TAIL_MARGIN_MS - startedAt;
  if (!p.tail && wait > 0) {
    const tail = { ...p, tail: true };
    await deps.queues
      .get(dashboardRollup.queue)
      .add(dashboardRollup.name, tail, {
        ...DEFAULT_JOB_OPTIONS,
        ...dashboardRollup.options,
        jobId: dashboardRollup.jobId(tail),
        delay: wait,
      });
  }
  return { ...r, tailIn: !p.tail && wait > 0 ? wait : null };
};

export const processRebuild: Processor = async (job, deps) => {
  const p = parsePayload(dashboardRebuild, job.data);
  const r = await rebuildRecent(deps.db, {
    days: p.days ?? 2,
    at: p.at ? new Date(p.at) : new Date(),
    ...(p.countyCode ? { countyCode: p.countyCode } : {}),
  });
  deps.log.info({ counties: r.length, ms: r.reduce((s, x) => s + x.ms, 0) }, "dashboard roll-ups rebuilt");
  return r;
};
