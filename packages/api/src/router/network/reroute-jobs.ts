import { networkReroute } from "@xiangda/jobs";
import { countyProcedure } from "../../trpc.ts";

/// Re-routing runs of the county (after suspensions and reopenings), with their progress.
export const rerouteJobs = countyProcedure.query(async ({ ctx, input }) => {
  const q = ctx.queues.get(networkReroute.queue);
  const jobs = await Promise.race([
    q.getJobs(["active", "waiting", "delayed", "completed", "failed"], 0, 200),
    new Promise<never>((_, rej) => setTimeout(() => rej(new Error("Redis unavailable")), 2_000).unref()),
  ]).catch(() => []);
  const states = await Promise.all(jobs.map((j) => j.getState().catch(() => "unknown")));
  return jobs
    .map((j, i) => ({ job: j, state: states[i] }))
    .filter(({ job }) => job.name === networkReroute.name && (job.data as { countyCode?: string }).countyCode === input.countyCode)
    .sort((a, b) => b.job.timestamp - a.job.timestamp)
    .slice(0, 50)
    .map(({ job, state }) => ({
      id: job.id ?? "",
      state,
      progress: (typeof job.progress === "object" ? job.progress : null) as { done: number; total: number } | null,
      result: (job.returnvalue ?? null) as { affected: number; rerouted: number; noRoute: number } | null,
      nodeId: (job.data as { nodeId?: string }).nodeId ?? null,
      laneId: (job.data as { laneId?: string }).laneId ?? null,
      queuedAt: new Date(job.timestamp).toISOString(),
      finishedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
      failedReason: job.failedReason ?? null,
    }));
});
