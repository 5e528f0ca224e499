// Where a parcel for a village goes: its active village point, or else its township station for self-pickup.
import type { Tx } from "@xiangda/db";
import { AppError } from "@xiangda/domain";

export interface Destination {
  nodeId: string;
  areaCode: string | null;
  selfPickup: boolean;
}

/// `target` is a node code, or a 12-digit village (or township) statistical code.
export async function resolveDestination(db: Tx, countyCode: string, target: string, field = "to"): Promise<Destination> {
  if (!/^\d{12}$/.test(target)) {
    const node = await db.node.findUnique({ where: { countyCode_code: { countyCode, code: target } } });
    if (!node) throw AppError.field(field, `no node ${target} in county ${countyCode}`);
    return { nodeId: node.id, areaCode: node.tier === "VILLAGE_POINT" ? node.areaCode : null, selfPickup: false };
  }
  const area = await db.adminArea.findUnique({ where: { code: target } });
  if (!area || area.countyCode !== countyCode || area.removedAt)
    throw AppError.field(field, `${target} is not an area of county ${countyCode}`);
  if (area.level === "VILLAGE") {
    const point = await db.node.findFirst({
      where: { countyCode, tier: "VILLAGE_POINT", areaCode: target, status: "ACTIVE" },
      orderBy: { code: "asc" },
    });
    if (point) return { nodeId: point.id, areaCode: target, selfPickup: false };
  }
  const townshipCode = area.level === "VILLAGE" ? area.parentCode : area.level === "TOWNSHIP" ? area.code : null;
  if (!townshipCode) throw AppError.field(field, `${target} is not a village or township`);
  const stations = await db.node.findMany({
    where: { countyCode, tier: "TOWNSHIP_STATION", areaCode: townshipCode },
    orderBy: [{ status: "asc" }, { code: "asc" }],
  });
  const station = stations.find((s) => s.status === "ACTIVE") ?? stations[0];
  if (!station) throw AppError.field(field, `village ${target} has no active point and its township has no station`);
  return { nodeId: station.id, areaCode: area.level === "VILLAGE" ? target : null, selfPickup: area.level === "VILLAGE" };
}
