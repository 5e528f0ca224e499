import { watchSla } from "@xiangda/api";
import { dashboardSlaWatch, parsePayload } from "@xiangda/jobs";
import type { Processor } from "../types.ts";

/// Every minute: lights, RED alerts for the responsible nodes, and today's light snapshot (replaces the old
/// lights-only scheduler).
export const processSlaWatch: Processor = async (job, deps) => {
  const p = parsePayload(dashboardSlaWatch, job.data);
  const r = await watchSla(deps.db, { now: p.at ? new Date(p.at) : new Date() });
  if (r.alertsCreated) deps.log.warn({ alerts: r.alertsCreated }, "shipments turned RED: alerts recorded for their nodes");
  return r;
};
