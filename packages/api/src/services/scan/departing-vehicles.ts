// The vehicles a node's scanner may load today: those of its loads leaving today (Asia/Shanghai day) that have not
// left yet, sealed with their vehicles chosen (an open load has none until its cut-off). For LOAD by vehicle number.
import type { Db } from "@xiangda/db";

const SHANGHAI_OFFSET_MS = 8 * 3600_000;

export interface DepartingVehicle {
  vehicleId: string;
  number: string;
  plate: string;
  loadCode: string;
  loadId: string;
  departsAt: string | null;
}

export async function departingVehicles(db: Db, { nodeId, now }: { nodeId: string; now: Date }): Promise<{ vehicles: DepartingVehicle[] }> {
  const start = new Date(Math.floor((now.getTime() + SHANGHAI_OFFSET_MS) / 86_400_000) * 86_400_000 - SHANGHAI_OFFSET_MS);
  const end = new Date(start.getTime() + 86_400_000);
  const loads = await db.load.findMany({
    where: { nodeId, status: { in: ["OPEN", "SEALED", "PLANNED"] }, departAt: { gte: start, lt: end } },
    select: { id: true, code: true, departAt: true, vehicles: { select: { vehicleId: true, seq: true }, orderBy: { seq: "asc" } } },
    orderBy: [{ departAt: "asc" }, { code: "asc" }],
  });
  const ids = [...new Set(loads.flatMap((l) => l.vehicles.map((v) => v.vehicleId)))];
  const vehicles = new Map(
    (await db.vehicle.findMany({ where: { id: { in: ids } }, select: { id: true, number: true, plate: true } })).map((v) => [v.id, v]),
  );
  return {
    vehicles: loads.flatMap((l) =>
      l.vehicles.flatMap((lv) => {
        const v = vehicles.get(lv.vehicleId);
        return v
          ? [
              {
                vehicleId: v.id,
                number: v.number,
                plate: v.plate,
                loadCode: l.code,
                loadId: l.id,
                departsAt: l.departAt?.toISOString() ?? null,
              },
            ]
          : [];
      }),
    ),
  };
}
