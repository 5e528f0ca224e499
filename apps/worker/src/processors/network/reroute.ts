import { rerouteAffected } from "@xiangda/api";
import { networkReroute, parsePayload } from "@xiangda/jobs";
import type { Processor } from "../types.ts";

/// Re-plans the shipments a suspension (or reopening) touches, reporting progress on the job.
export const processReroute: Processor = async (job, deps) => {
  const p = parsePayload(networkReroute, job.data);
  const r = await rerouteAffected(deps.db, {
    countyCode: p.countyCode,
    ...(p.nodeId ? { nodeId: p.nodeId } : {}),
    ...(p.laneId ? { laneId: p.laneId } : {}),
    reopened: p.reopened,
    now: new Date(),
    onProgress: (done, total) => void job.updateProgress({ done, total }).catch(() => undefined),
  });
  await job.updateProgress({ done: r.affected, total: r.affected });
  return r;
};
