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
    if (!node) throw AppError.at(field, "NO_NODE_IN_COUNTY", { node: target, county: countyCode });
    return { nodeId: node.id, areaCode: node.tier === "VILLAGE_POINT" ? node.areaCode : null, selfPickup: false };
  }
  const area = await db.adminArea.findUnique({ where: { code: target } });
  if (!area || area.countyCode !== countyCode || area.removedAt)
    throw AppError.at(field, "NOT_AN_AREA", { area: target, county: countyCode });
  if (area.level === "VILLAGE") {
    const point = await db.node.findFirst({
      where: { countyCode, tier: "VILLAGE_POINT", areaCode: target, status: "ACTIVE" },
      orderBy: { code: "asc" },
    });
    if (point) return { nodeId: point.id, areaCode: target, selfPickup: false };
  }
  const townshipCode = area.level === "VILLAGE" ? area.parentCode : area.level === "TOWNSHIP" ? area.code : null;
  if (!townshipCode) throw AppError.at(field, "NOT_VILLAGE_OR_TOWNSHIP", { area: target });
  const stations = await db.node.findMany({
    where: { countyCode, tier: "TOWNSHIP_STATION", areaCode: townshipCode },
    orderBy: [{ status: "asc" }, { code: "asc" }],
  });
  const station = stations.find((s) => s.status === "ACTIVE") ?? stations[0];
  if (!station) throw AppError.at(field, "VILLAGE_UNSERVED", { area: target });
  return { nodeId: station.id, areaCode: area.level === "VILLAGE" ? target : null, selfPickup: area.level === "VILLAGE" };
}
