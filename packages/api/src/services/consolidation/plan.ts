// Planning a sealed load's vehicle (a child job of the seal flow) and finishing the load (the
// parent): stops in visiting order with planned arrivals, km and minutes; then the load's figures
// against the per-carrier baseline (each carrier carrying its own parcels with vehicles like the
// node's, packed and routed by the same code).
import { packLoad, solveVrp, type RunStop } from "@xiangda/domain";
import { pgPool, qb, runQuery, type Db, type Row } from "@xiangda/db";
import { kmBetween, loadPlaces, transitKm, SPEED_KM_PER_MIN, type NodePlace } from "./geometry.ts";
import { DEFAULT_MILK_RUN, loopFigures, planMilkRun, type MilkRunOptions, type RunItem } from "./milk-run.ts";
import { seedOf } from "./seal.ts";

async function loadOf(db: Db, loadId: string) {
  const [load] = await runQuery(
    pgPool(db),
    qb
      .selectFrom("Load as l")
      .leftJoin("Lane as ln", "ln.id", "l.laneId")
      .select(["l.id", "l.milkRun", "l.nodeId", "l.toNodeId", "l.departAt", "ln.transitMinutes", "ln.mode", "l.status"])
      .where("l.id", "=", loadId),
  );
  if (!load) throw new Error(`no load ${loadId}`);
  return load;
}

interface Geo {
  places: Map<string, NodePlace>;
  fallback: Map<string, number>;
  km: (a: string, b: string) => number;
}

async function geometry(db: Db, base: string, nodes: string[]): Promise<Geo> {
  const pool = pgPool(db);
  const places = await loadPlaces(pool, [base, ...nodes]);
  const fallback = await transitKm(pool, base);
  return { places, fallback, km: (a, b) => kmBetween(places.get(a), places.get(b), (id) => (id === base ? 0 : (fallback.get(id) ?? 10))) };
}

export async function planVehicle(
  db: Db,
  loadVehicleId: string,
  milk: MilkRunOptions = DEFAULT_MILK_RUN,
): Promise<{ km: number; minutes: number; stops: number }> {
  const pool = pgPool(db);
  const [lv] = await runQuery(
    pool,
    qb
      .selectFrom("LoadVehicle as lv")
      .innerJoin("Vehicle as v", "v.id", "lv.vehicleId")
      .select(["lv.id", "lv.loadId", "lv.vehicleId", "v.capacityKg", "v.capacityL", "v.cold"])
      .where("lv.id", "=", loadVehicleId),
  );
  if (!lv) throw new Error(`no load vehicle ${loadVehicleId}`);
  const load = await loadOf(db, lv.loadId);
  const items = (
    await pool.query<RunItem & { carrierId: string | null }>(
      `SELECT id::text, "stopNodeId", pickup, "weightG", "volumeCm3", temp::text AS temp, "carrierId" FROM "LoadItem" WHERE "loadVehicleId" = $1 AND status = 'ASSIGNED' ORDER BY id`,
      [loadVehicleId],
    )
  ).rows;
  const geo = await geometry(
    db,
    load.nodeId,
    items.map((i) => i.stopNodeId),
  );
  let stops: RunStop[] = [];
  let km: number;
  let minutes: number;
  let emptyKm = 0;
  if (!load.milkRun) {
    // Out loaded, back empty.
    const oneWay = load.toNodeId ? geo.km(load.nodeId, load.toNodeId) || (load.transitMinutes ?? 0) * SPEED_KM_PER_MIN : 0;
    km = 2 * oneWay;
    emptyKm = oneWay;
    minutes = 2 * (load.transitMinutes ?? Math.round(oneWay / SPEED_KM_PER_MIN));
    const to = load.toNodeId ? geo.places.get(load.toNodeId) : undefined;
    stops = to
      ? [
          {
            nodeId: to.id,
            code: to.code,
            name: to.name,
            arriveAt: new Date(load.departAt.getTime() + (load.transitMinutes ?? 0) * 60_000).toISOString(),
            drops: items.length,
            pickups: 0,
            dropKg: items.reduce((s, i) => s + i.weightG, 0) / 1000,
            pickupKg: 0,
          },
        ]
      : [];
  } else {
    const station = geo.places.get(load.nodeId)!;
    // One vehicle, its own stops: the solver orders the loop (pick-ups must fit at every point).
    const plan = planMilkRun(station, geo.places, (id) => geo.fallback.get(id) ?? 10, items, [lv], {
      ...milk,
      seed: seedOf(loadVehicleId),
      iterations: 1500,
      departAt: load.departAt,
    });
    const route = plan.solution.routes[0]?.stops ?? [];
    const f = loopFigures(plan.problem, route, milk.serviceMinutes);
    km = f.km;
    minutes = f.minutes;
    // Empty running: legs driven with nothing on board.
    let onBoard = items.filter((i) => !i.pickup).length;
    let t = load.departAt.getTime();
    const merged = new Map<string, (typeof stops)[number]>();
    route.forEach((s, k) => {
      if (onBoard === 0) emptyKm += f.legsKm[k]!;
      t += (f.legsKm[k]! / SPEED_KM_PER_MIN) * 60_000;
      // Early at a point that has not opened yet: wait.
      const opens = plan.problem.stops[s]!.earliest;
      if (opens !== undefined) t = Math.max(t, load.departAt.getTime() + opens * 60_000);
      const ids = new Set(plan.stopItems[s]);
      const here = items.filter((i) => ids.has(i.id));
      const node = plan.stopNode[s]!;
      const p = geo.places.get(node);
      const prev = merged.get(node);
      const entry = prev ?? {
        nodeId: node,
        code: p?.code ?? "",
        name: p?.name ?? "",
        arriveAt: new Date(t).toISOString(),
        drops: 0,
        pickups: 0,
        dropKg: 0,
        pickupKg: 0,
      };
      for (const i of here) {
        if (i.pickup) {
          entry.pickups += 1;
          entry.pickupKg += i.weightG / 1000;
        } else {
          entry.drops += 1;
          entry.dropKg += i.weightG / 1000;
        }
      }
      merged.set(node, entry);
      onBoard += here.filter((i) => i.pickup).length - here.filter((i) => !i.pickup).length;
      t += milk.serviceMinutes * 60_000;
    });
    if (onBoard === 0 && route.length) emptyKm += f.legsKm[route.length]!;
    stops = [...merged.values()];
  }
  await pool.query(
    `UPDATE "LoadVehicle" SET "plannedMeters" = $2, "plannedMinutes" = $3, stops = $4, "plannedAt" = now(), "busyUntil" = $5 WHERE id = $1`,
    [
      loadVehicleId,
      Math.round(km * 1000),
      Math.round(minutes),
      JSON.stringify({ emptyMeters: Math.round(emptyKm * 1000), stops }),
      new Date(load.departAt.getTime() + Math.ceil(minutes) * 60_000),
    ],
  );
  return { km, minutes, stops: stops.length };
}

export interface LoadFigures {
  parcels: number;
  vehicles: number;
  fillWeight: number;
  fillVolume: number;
  plannedKm: number;
  emptyKm: number;
  emptyRunningRate: number;
  parcelsPerVehicleKm: number;
  baseline: { carriers: number; trips: number; km: number; parcelsPerVehicleKm: number; fillWeight: number; fillVolume: number };
  tripsSaved: number;
  kmSaved: number;
}

/// The flow's parent: every vehicle planned → the load is PLANNED with its figures and baseline.
export async function finishLoad(db: Db, loadId: string, now: Date, milk: MilkRunOptions = DEFAULT_MILK_RUN): Promise<LoadFigures | null> {
  const pool = pgPool(db);
  const load = await loadOf(db, loadId);
  if (load.status !== "SEALED") return null;
  const vs = (
    await pool.query<
      Row<"LoadVehicle", "id" | "fillWeight" | "fillVolume" | "plannedMeters" | "parcels"> & { stops: { emptyMeters?: number } | null }
    >(`SELECT id, "fillWeight", "fillVolume", "plannedMeters", stops, parcels FROM "LoadVehicle" WHERE "loadId" = $1`, [loadId])
  ).rows;
  const items = (
    await pool.query<RunItem & { carrierId: string | null }>(
      `SELECT id::text, "stopNodeId", pickup, "weightG", "volumeCm3", temp::text AS temp, "carrierId" FROM "LoadItem" WHERE "loadId" = $1 AND status = 'ASSIGNED' ORDER BY id`,
      [loadId],
    )
  ).rows;
  const fleet = await runQuery(
    pool,
    qb
      .selectFrom("Vehicle")
      .select(["id", "capacityKg", "capacityL", "cold"])
      .where("homeNodeId", "=", load.nodeId)
      .where("status", "=", "ACTIVE")
      .orderBy("id"),
  );
  const plannedKm = vs.reduce((s, v) => s + (v.plannedMeters ?? 0), 0) / 1000;
  const emptyKm = vs.reduce((s, v) => s + (v.stops?.emptyMeters ?? 0), 0) / 1000;

  // Baseline: each carrier alone, with as many vehicles like the node's as it needs.
  const byCarrier = new Map<string, typeof items>();
  for (const i of items) byCarrier.set(i.carrierId ?? "XD", [...(byCarrier.get(i.carrierId ?? "XD") ?? []), i]);
  let trips = 0;
  let baseKm = 0;
  const baseFills: [number, number][] = [];
  const geo = load.milkRun
    ? await geometry(
        db,
        load.nodeId,
        items.map((i) => i.stopNodeId),
      )
    : null;
  const oneWay =
    !load.milkRun && load.toNodeId
      ? (await geometry(db, load.nodeId, [load.toNodeId])).km(load.nodeId, load.toNodeId) || (load.transitMinutes ?? 0) * SPEED_KM_PER_MIN
      : 0;
  for (const [, list] of byCarrier) {
    if (load.mode === "BUS") continue;
    if (!load.milkRun) {
      // Unlimited copies of each vehicle type: repeat the fleet until everything fits.
      const w = list.reduce((s, i) => s + i.weightG, 0);
      const vol = list.reduce((s, i) => s + i.volumeCm3, 0);
      const copies = fleet.flatMap((v) =>
        Array.from(
          { length: Math.min(list.length, Math.ceil(w / (v.capacityKg * 1000)) + Math.ceil(vol / (v.capacityL * 1000)) + 1) },
          (_, k) => ({ ...v, id: `${v.id}#${k}` }),
        ),
      );
      const p = packLoad(list, copies);
      trips += p.vehicles.length;
      baseKm += p.vehicles.length * 2 * oneWay;
      for (const v of p.vehicles) baseFills.push([v.fillWeight, v.fillVolume]);
    } else if (fleet.length) {
      const station = geo!.places.get(load.nodeId)!;
      const plan = planMilkRun(station, geo!.places, (id) => geo!.fallback.get(id) ?? 10, list, fleet, {
        ...milk,
        seed: seedOf(loadId),
        iterations: 800,
        departAt: load.departAt,
      });
      // Same problem, vehicle types unlimited.
      const unlimited = { ...plan.problem, fleet: plan.problem.fleet.map((f) => ({ ...f, count: undefined })) };
      const sol = solveVrp(unlimited, { seed: seedOf(loadId), iterations: 800, timeLimitMs: 1000 });
      trips += sol.routes.length;
      baseKm += sol.routes.reduce((s, r) => s + loopFigures(unlimited, r.stops, milk.serviceMinutes).km, 0);
      // Fill of each loop: the larger of what it drops and what it picks up, against its vehicle.
      for (const r of sol.routes) {
        const cap = unlimited.fleet[r.vehicle]!.capacity;
        const sum = (k: "delivery" | "pickup", d: number) => r.stops.reduce((a, st) => a + (unlimited.stops[st]![k]?.[d] ?? 0), 0);
        baseFills.push([
          Math.max(sum("delivery", 0), sum("pickup", 0)) / cap[0]!,
          Math.max(sum("delivery", 1), sum("pickup", 1)) / cap[1]!,
        ]);
      }
    }
  }
  const parcels = items.length;
  const figures: LoadFigures = {
    parcels,
    vehicles: vs.length,
    fillWeight: vs.length ? vs.reduce((s, v) => s + v.fillWeight, 0) / vs.length : 0,
    fillVolume: vs.length ? vs.reduce((s, v) => s + v.fillVolume, 0) / vs.length : 0,
    plannedKm,
    emptyKm,
    emptyRunningRate: plannedKm ? emptyKm / plannedKm : 0,
    parcelsPerVehicleKm: plannedKm ? parcels / plannedKm : 0,
    baseline: {
      carriers: byCarrier.size,
      trips,
      km: baseKm,
      parcelsPerVehicleKm: baseKm ? parcels / baseKm : 0,
      fillWeight: baseFills.length ? baseFills.reduce((a, f) => a + f[0], 0) / baseFills.length : 0,
      fillVolume: baseFills.length ? baseFills.reduce((a, f) => a + f[1], 0) / baseFills.length : 0,
    },
    tripsSaved: Math.max(0, trips - vs.length),
    kmSaved: baseKm - plannedKm,
  };
  await pool.query(
    `UPDATE "Load" SET status = 'PLANNED', "plannedAt" = $2, report = coalesce(report, '{}'::jsonb) || $3::jsonb, "updatedAt" = $2 WHERE id = $1 AND status = 'SEALED'`,
    [loadId, now, JSON.stringify(figures)],
  );
  return figures;
}
