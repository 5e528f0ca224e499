// The loads and vehicles the organisation's parcels travelled on, one Asia/Shanghai day of departures at a time: for
// each load its route, status, how many of the organisation's parcels it carried and on which vehicles. Nothing of
// other organisations' parcels on the same load is shown.
import { z } from "zod";
import { Prisma, type Db } from "@xiangda/db";
import { ZCalendarDaySchema, dayToDate } from "@xiangda/domain";
import { NONE, type TPortalClient } from "./client-scope.ts";

export const ZCarrierDaySchema = z.object({ day: ZCalendarDaySchema });

const SHANGHAI_MS = 8 * 3600_000;

/// The instants an Asia/Shanghai calendar day runs between, [from, to).
export function shanghaiDayBounds(day: string): { from: Date; to: Date } {
  const from = new Date(dayToDate(day).getTime() - SHANGHAI_MS);
  return { from, to: new Date(from.getTime() + 24 * 3600_000) };
}

export async function listCarrierLoads(db: Db, { client, day }: { client: TPortalClient; day: string }) {
  const { from, to } = shanghaiDayBounds(day);
  const mineOnly =
    client.kind === "PLATFORM"
      ? Prisma.sql`s."clientId" = ${client.id}::uuid`
      : Prisma.sql`s."countyCode" = ${client.countyCode} AND s."carrierId" = ${client.carrierId ?? NONE}::uuid`;
  const items = await db.$queryRaw<{ loadId: string; loadVehicleId: string | null }[]>`
    SELECT li."loadId", li."loadVehicleId" FROM "LoadItem" li
    JOIN "Load" l ON l.id = li."loadId" JOIN "Shipment" s ON s.id = li."shipmentId"
    WHERE li."removedAt" IS NULL AND l."countyCode" = ${client.countyCode} AND l."departAt" >= ${from} AND l."departAt" < ${to}
      AND ${mineOnly}
    LIMIT 20000`;
  const loadIds = [...new Set(items.map((i) => i.loadId))];
  const [loads, lvs] = await Promise.all([
    db.load.findMany({
      where: { id: { in: loadIds } },
      orderBy: [{ departAt: "asc" }, { code: "asc" }],
      select: {
        id: true,
        code: true,
        milkRun: true,
        nodeId: true,
        toNodeId: true,
        departAt: true,
        status: true,
        departedAt: true,
        arrivedAt: true,
      },
    }),
    db.loadVehicle.findMany({
      where: { id: { in: items.map((i) => i.loadVehicleId).filter((x): x is string => !!x) } },
      select: { id: true, vehicleId: true },
    }),
  ]);
  const nodeIds = [...new Set(loads.flatMap((l) => [l.nodeId, l.toNodeId]).filter((x): x is string => !!x))];
  const [nodes, vehicles] = await Promise.all([
    db.node.findMany({ where: { id: { in: nodeIds } }, select: { id: true, name: true } }),
    db.vehicle.findMany({ where: { id: { in: lvs.map((l) => l.vehicleId) } }, select: { id: true, number: true, plate: true } }),
  ]);
  const nodeName = new Map(nodes.map((n) => [n.id, n.name]));
  const vehicleById = new Map(vehicles.map((v) => [v.id, v]));
  const vehicleOfLv = new Map(lvs.map((l) => [l.id, vehicleById.get(l.vehicleId)]));
  return loads.map((l) => {
    const mine = items.filter((i) => i.loadId === l.id);
    const used = new Map<string, { number: string; plate: string; parcels: number }>();
    for (const i of mine) {
      const v = i.loadVehicleId ? vehicleOfLv.get(i.loadVehicleId) : undefined;
      if (!v) continue;
      const u = used.get(v.id) ?? { number: v.number, plate: v.plate, parcels: 0 };
      u.parcels += 1;
      used.set(v.id, u);
    }
    return {
      code: l.code,
      milkRun: l.milkRun,
      from: nodeName.get(l.nodeId) ?? null,
      to: l.toNodeId ? (nodeName.get(l.toNodeId) ?? null) : null,
      departAt: l.departAt.toISOString(),
      departedAt: l.departedAt?.toISOString() ?? null,
      arrivedAt: l.arrivedAt?.toISOString() ?? null,
      status: l.status,
      parcels: mine.length,
      vehicles: [...used.values()].sort((a, b) => a.number.localeCompare(b.number)),
    };
  });
}
