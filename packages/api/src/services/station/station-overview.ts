// The station page's header: the node and the area it serves.
import type { Db } from "@xiangda/db";

export async function getStationOverview(db: Db, input: { nodeId: string }) {
  const n = await db.node.findUniqueOrThrow({ where: { id: input.nodeId }, include: { area: true } });
  return {
    node: { id: n.id, code: n.code, name: n.name, tier: n.tier, status: n.status, areaName: n.area.name, countyCode: n.countyCode },
  };
}
