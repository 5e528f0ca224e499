// Sealing a load at its cut-off: lock it, choose vehicles of its home node that are free for the
// trip (vehicles of the node are locked, so two seals there never take the same vehicle), pack the
// parcels (lanes: first-fit decreasing; milk runs: the routing solver over the station's village
// points), roll what does not fit to a later departure with the reason (re-planned by a job), and
// record vehicles and fill rates — all in one transaction. Sealing twice changes nothing.
import { withPgTransaction, type Db, type PgClient } from "@xiangda/db";
import { DEFAULT_MILK_RUN, type MilkRunOptions } from "./milk-run.ts";
import { releaseStaleItems } from "./release.ts";
import { sealGraceSeconds } from "./seal-grace.ts";
import { packLane, packMilkRun, type Packed } from "./seal-pack.ts";
import { assignedItems, freeVehicles, lockLoad, rollItems, sealedBefore, writeVehicles } from "./seal-rows.ts";

export interface SealResult {
  loadId: string;
  /// False when it was sealed before (a retry): nothing changed.
  sealedNow: boolean;
  status: string;
  vehicles: { id: string; vehicleId: string }[];
  assigned: number;
  rolled: number;
  /// Items that left the load at sealing because their legs were no longer pending (handed over, delivered, re-planned …).
  removed: number;
  /// Seconds past the cut-off when sealed later than the allowed grace (the late-seal alert); null otherwise.
  sealLateSeconds: number | null;
}

export interface SealOptions {
  milk?: MilkRunOptions;
  /// How late after the cut-off a seal may be before it is recorded as late (default XD_SEAL_GRACE_SECONDS, 60 s).
  graceSeconds?: number;
}

/// Minutes a lane trip keeps its vehicle: out, back, and half an hour to turn round.
const laneBusyMinutes = (transit: number) => 2 * transit + 30;

/// `opts` may be the milk-run options alone (as before) or SealOptions.
export async function sealLoad(db: Db, loadId: string, now: Date, opts: MilkRunOptions | SealOptions = {}): Promise<SealResult> {
  const o: SealOptions = "serviceMinutes" in opts ? { milk: opts } : opts;
  return withPgTransaction(db, (client) => sealInTx(client, loadId, now, o.milk ?? DEFAULT_MILK_RUN, o.graceSeconds ?? sealGraceSeconds()));
}

async function sealInTx(c: PgClient, loadId: string, now: Date, milk: MilkRunOptions, graceSeconds: number): Promise<SealResult> {
  const load = await lockLoad(c, loadId);
  if (load.status !== "OPEN") {
    const before = await sealedBefore(c, loadId);
    return { loadId, sealedNow: false, status: load.status, ...before, sealLateSeconds: load.sealLateSeconds };
  }
  // Only the legs still pending now ride: the others leave the load first (with their reasons), so the vehicles,
  // stops, weights and km below are computed from what is really waiting here.
  const removed = await releaseStaleItems(c, { loadIds: [loadId] }, now);
  const lateMs = now.getTime() - load.cutoffAt.getTime();
  const sealLateSeconds = lateMs > graceSeconds * 1000 ? Math.round(lateMs / 1000) : null;
  const items = await assignedItems(c, loadId);

  // Vehicles of the home node, locked; those on another trip overlapping this one are busy.
  const estMinutes = load.milkRun ? milk.maxMinutes : laneBusyMinutes(load.transitMinutes ?? 60);
  const until = new Date(load.departAt.getTime() + estMinutes * 60_000);
  const free = await freeVehicles(c, load, until);

  let packed: Packed;
  if (load.mode === "BUS") {
    // Parcels ride the passenger bus (客货邮融合): no vehicle of ours.
    const report = { mode: "BUS", parcels: items.length, weightKg: items.reduce((s, i) => s + i.weightG, 0) / 1000, vehicles: 0 };
    packed = { out: [], rolled: [], report };
  } else if (!load.milkRun) packed = packLane(load, items, free, until);
  else packed = await packMilkRun(c, load, items, free, milk, seedOf(loadId));
  const { out, rolled } = packed;

  await writeVehicles(c, loadId, out);
  await rollItems(c, load, new Map(items.map((i) => [i.id, i])), rolled, now);
  const fill = (k: "fillWeight" | "fillVolume") => (out.length ? out.reduce((s, o) => s + o[k], 0) / out.length : 0);
  const report = {
    ...packed.report,
    fillWeight: fill("fillWeight"),
    fillVolume: fill("fillVolume"),
    rolledReasons: [...new Set(rolled.map((r) => r.reason))],
  };
  await c.query(
    `UPDATE "Load" SET status = 'SEALED', "sealedAt" = $2, report = $3, "sealLateSeconds" = $4, "updatedAt" = $2 WHERE id = $1`,
    [loadId, now, JSON.stringify(report), sealLateSeconds],
  );
  return {
    loadId,
    sealedNow: true,
    status: "SEALED",
    vehicles: out.map((o) => ({ id: o.id, vehicleId: o.vehicleId })),
    assigned: items.length - rolled.length,
    rolled: rolled.length,
    removed: removed.length,
    sealLateSeconds,
  };
}

/// A stable seed per load: the same load is planned the same way on any worker.
export function seedOf(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return h >>> 0;
}
