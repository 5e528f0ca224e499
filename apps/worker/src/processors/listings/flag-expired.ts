import { flagExpiredListings } from "@xiangda/api";
import { listingsFlagExpired, parsePayload } from "@xiangda/jobs";
import type { Processor } from "../types.ts";

/// Daily (02:00 Asia/Shanghai): flags live listings whose recognition or certification expired; logs new flags.
export const processFlagExpired: Processor = async (job, deps) => {
  const p = parsePayload(listingsFlagExpired, job.data);
  const r = await flagExpiredListings(deps.db, p.at ? new Date(p.at) : new Date(), p.countyCode ? { countyCode: p.countyCode } : {});
  if (r.flagged) deps.log.warn({ flagged: r.flagged, today: r.today }, "listings flagged: recognition or certification expired");
  return r;
};
