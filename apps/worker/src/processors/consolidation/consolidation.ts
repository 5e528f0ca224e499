// Consolidation jobs: assign (set-based sweep), seal (at cut-off, then the plan flow), plan (one
// vehicle), manifest (the flow's parent), sweep (every minute), syncSchedulers.
import { assignReady, finishLoad, rollupPayload, loadForTarget, overdueLoads, planVehicle, sealLoad, stuckSealedLoads, syncSealSchedulers } from "@xiangda/api";
import {
  consolidationAssign,
  consolidationManifest,
  consolidationPlan,
  consolidationSeal,
  consolidationSweep,
  consolidationSyncSchedulers,
  dashboardRollup,
  DEFAULT_JOB_OPTIONS,
  enqueue,
  parsePayload,
  type Queues,
} from "@xiangda/jobs";
import { UnrecoverableError } from "bullmq";
import type { Db } from "@xiangda/db";
import type { Processor } from "../types.ts";

export const processAssign: Processor = async (job, deps) => {
  const p = parsePayload(consolidationAssign, job.data);
  return assignReady(deps.db, { countyCode: p.countyCode ?? null, nodeIds: p.nodeIds ?? null, now: new Date() });
};

/// Seal → (plan each vehicle) → manifest, as one BullMQ flow: the parent runs when every child is done.
/// Job ids come from the load and its vehicles, so adding the flow again (a retry) adds nothing.
export async function sealAndFlow(db: Db, queues: Queues, loadId: string, now: Date) {
  const sealed = await sealLoad(db, loadId, now);
  if (sealed.status === "SEALED") {
    const opts = { ...DEFAULT_JOB_OPTIONS };
    await queues.flows().add({
      name: consolidationManifest.name,
      queueName: consolidationManifest.queue,
      data: { loadId },
      opts: { ...opts, jobId: consolidationManifest.jobId({ loadId }) },
      children: sealed.vehicles.map((v) => ({
        name: consolidationPlan.name,
        queueName: consolidationPlan.queue,
        data: { loadVehicleId: v.id },
        opts: { ...opts, jobId: consolidationPlan.jobId({ loadVehicleId: v.id }) },
      })),
    });
  }
  return sealed;
}

export const processSeal: Processor = async (job, deps) => {
  const p = parsePayload(consolidationSeal, job.data);
  const now = new Date();
  let loadId = p.loadId;
  if (!loadId) {
    const target = p.kind === "lane" && p.laneId && p.departure ? ({ kind: "lane", laneId: p.laneId, departure: p.departure } as const) : p.kind === "milk" && p.stationId && p.departure ? ({ kind: "milk", stationId: p.stationId, departure: p.departure } as const) : null;
    if (!target) throw new UnrecoverableError("consolidation.seal needs loadId, or kind with laneId/stationId and departure");
    const found = await loadForTarget(deps.db, target, now);
    if (!found) return { skipped: "no parcels for this departure" };
    loadId = found.id;
  }
  const load = await deps.db.load.findUnique({ where: { id: loadId }, select: { nodeId: true, milkRun: true, countyCode: true, laneId: true } });
  if (!load) throw new UnrecoverableError(`no load ${loadId}`);
  // Stragglers first: parcels that became ready for this load's lane (or, for a milk run, for the station's milk-run
  // lanes, out to its village points and back). Only those lanes' legs are read: the sweep runs under its county's
  // assignment lock, so a county-wide read per seal would queue every seal of the county behind it.
  const laneIds = load.milkRun
    ? (
        await deps.db.lane.findMany({
          where: { mode: "MILK_RUN", OR: [{ fromNodeId: load.nodeId }, { toNodeId: load.nodeId }] },
          select: { id: true },
        })
      ).map((l) => l.id)
    : load.laneId
      ? [load.laneId]
      : null;
  await assignReady(deps.db, { countyCode: load.countyCode, nodeIds: laneIds ? null : [load.nodeId], laneIds, now });
  // Sealed when it is sealed (after the sweep, which may have waited for the county's lock): the lateness recorded
  // against the cut-off is the real one.
  const r = await sealAndFlow(deps.db, deps.queues, loadId, new Date());
  if (r.sealedNow && r.sealLateSeconds !== null) deps.log.warn({ loadId, sealLateSeconds: r.sealLateSeconds }, "load sealed late");
  return {
    loadId,
    status: r.status,
    vehicles: r.vehicles.length,
    assigned: r.assigned,
    rolled: r.rolled,
    removed: r.removed,
    sealLateSeconds: r.sealLateSeconds,
  };
};

export const processPlan: Processor = async (job, deps) => {
  const p = parsePayload(consolidationPlan, job.data);
  return planVehicle(deps.db, p.loadVehicleId);
};

export const processManifest: Processor = async (job, deps) => {
  const p = parsePayload(consolidationManifest, job.data);
  const figures = await finishLoad(deps.db, p.loadId, new Date());
  if (!figures) return { skipped: "not sealed, or planned already" };
  // The dashboard's consolidation roll-up of the load's departure day.
  const load = await deps.db.load.findUnique({ where: { id: p.loadId }, select: { countyCode: true, departAt: true } });
  if (load) await enqueue(deps.queues, dashboardRollup, rollupPayload(load.countyCode, load.departAt));
  return figures;
};

export const processSweep: Processor = async (job, deps) => {
  parsePayload(consolidationSweep, job.data);
  const now = new Date();
  const assigned = await assignReady(deps.db, { now });
  let sealed = 0;
  for (const id of await overdueLoads(deps.db, now)) {
    await sealAndFlow(deps.db, deps.queues, id, now);
    sealed++;
  }
  // A flow lost between seal and add (process killed there) is added again; its ids make that safe.
  let resumed = 0;
  for (const id of await stuckSealedLoads(deps.db, new Date(now.getTime() - 5 * 60_000))) {
    await sealAndFlow(deps.db, deps.queues, id, now);
    resumed++;
  }
  return { assigned: assigned.assigned, missed: assigned.missed, sealed, resumed };
};

export const processSyncSchedulers: Processor = async (job, deps) => {
  parsePayload(consolidationSyncSchedulers, job.data);
  return syncSealSchedulers(deps.db, deps.queues.get(consolidationSeal.queue));
};
