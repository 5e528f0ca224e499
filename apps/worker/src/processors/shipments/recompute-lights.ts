import { recomputeLights } from "@xiangda/api";
import { parsePayload, shipmentsRecomputeLights } from "@xiangda/jobs";
import type { Processor } from "../types.ts";

/// Scheduled every minute (and after events): lights follow the clock; new REDs are logged for the county.
export const processRecomputeLights: Processor = async (job, deps) => {
  const p = parsePayload(shipmentsRecomputeLights, job.data);
  const r = await recomputeLights(deps.db, { ...(p.countyCode ? { countyCode: p.countyCode } : {}), now: p.at ? new Date(p.at) : new Date() });
  if (r.newlyRed.length) deps.log.warn({ count: r.newlyRed.length, countyCode: p.countyCode ?? "all" }, "shipments turned RED");
  return { checked: r.checked, changed: r.changed, byLight: r.byLight };
};
