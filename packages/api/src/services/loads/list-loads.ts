// Loads in the caller's scope, newest departure first (earliest first within one day), with their counts
// from two grouped queries per page: never a query per load.
import type { Db, Prisma } from "@xiangda/db";
import type { Actor } from "@xiangda/domain";
import { loadListScope } from "./load-scope.ts";
import { sealLateness, shanghaiDayRange } from "./load-views.ts";
import { sealGraceSeconds } from "../consolidation/seal-grace.ts";
import type { TLoadList } from "./schemas.ts";

/// The columns of a load row; get-load adds its own on top.
export const loadRowSelect = {
  id: true,
  code: true,
  countyCode: true,
  milkRun: true,
  laneId: true,
  nodeId: true,
  toNodeId: true,
  departAt: true,
  cutoffAt: true,
  status: true,
  sealedAt: true,
  sealLateSeconds: true,
  plannedAt: true,
} satisfies Prisma.LoadSelect;

export async function listLoads(db: Db, { actor, ...input }: { actor: Actor } & TLoadList) {
  const where: Prisma.LoadWhereInput[] = await loadListScope(db, actor, input);
  if (input.date) {
    const { start, end } = shanghaiDayRange(input.date);
    where.push({ departAt: { gte: start, lt: end } });
  }
  if (input.status) where.push({ status: input.status });
  if (input.lateSeal) where.push({ sealLateSeconds: { not: null } });
  const dir = input.date ? "asc" : "desc";
  const rows = await db.load.findMany({
    where: { AND: where },
    orderBy: [{ departAt: dir }, { id: dir }],
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    select: loadRowSelect,
  });
  const page = rows.slice(0, input.limit);
  const ids = page.map((r) => r.id);
  const nodeIds = [...new Set(page.flatMap((r) => [r.nodeId, r.toNodeId]).filter((x): x is string => !!x))];
  const laneIds = [...new Set(page.map((r) => r.laneId).filter((x): x is string => !!x))];
  const [itemGroups, vehicleGroups, nodes, lanes] = await Promise.all([
    ids.length
      ? db.loadItem.groupBy({
          by: ["loadId", "status"],
          where: { loadId: { in: ids } },
          _count: { _all: true },
          _sum: { weightG: true, volumeCm3: true },
        })
      : [],
    ids.length ? db.loadVehicle.groupBy({ by: ["loadId"], where: { loadId: { in: ids } }, _count: { _all: true } }) : [],
    db.node.findMany({ where: { id: { in: nodeIds } }, select: { id: true, code: true, name: true } }),
    db.lane.findMany({ where: { id: { in: laneIds } }, select: { id: true, code: true, mode: true } }),
  ]);
  const nodeById = new Map(nodes.map((n) => [n.id, n]));
  const laneById = new Map(lanes.map((l) => [l.id, l]));
  const vehiclesOf = new Map(vehicleGroups.map((g) => [g.loadId, g._count._all]));
  const counts = new Map<
    string,
    { assigned: number; rolled: number; weightG: number; volumeCm3: number; rolledWeightG: number; removed: number }
  >();
  for (const g of itemGroups) {
    const c = counts.get(g.loadId) ?? { assigned: 0, rolled: 0, weightG: 0, volumeCm3: 0, rolledWeightG: 0, removed: 0 };
    if (g.status === "REMOVED") c.removed += g._count._all;
    else if (g.status === "ROLLED") {
      c.rolled += g._count._all;
      c.rolledWeightG += g._sum.weightG ?? 0;
    } else {
      c.assigned += g._count._all;
      c.weightG += g._sum.weightG ?? 0;
      c.volumeCm3 += g._sum.volumeCm3 ?? 0;
    }
    counts.set(g.loadId, c);
  }
  return {
    items: page.map((r) => {
      const c = counts.get(r.id) ?? { assigned: 0, rolled: 0, weightG: 0, volumeCm3: 0, rolledWeightG: 0, removed: 0 };
      const lane = r.laneId ? laneById.get(r.laneId) : undefined;
      return {
        id: r.id,
        code: r.code,
        countyCode: r.countyCode,
        milkRun: r.milkRun,
        lane: lane ? { code: lane.code, mode: lane.mode } : null,
        from: nodeById.get(r.nodeId) ?? null,
        to: r.toNodeId ? (nodeById.get(r.toNodeId) ?? null) : null,
        departAt: r.departAt.toISOString(),
        cutoffAt: r.cutoffAt.toISOString(),
        status: r.status,
        sealedAt: r.sealedAt?.toISOString() ?? null,
        ...sealLateness(r),
        plannedAt: r.plannedAt?.toISOString() ?? null,
        counts: { ...c, vehicles: vehiclesOf.get(r.id) ?? 0 },
      };
    }),
    nextCursor: rows.length > input.limit ? page[page.length - 1]!.id : null,
    /// How late after its cut-off a load may be sealed before it counts as late (lateSeal).
    sealGraceSeconds: sealGraceSeconds(),
  };
}
