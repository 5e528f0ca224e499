// The county's routing network, built from the database and cached until nodes or lanes change.
import type { Tx } from "@xiangda/db";
import { buildRoutingNetwork, type RNode, type RoutingNetwork } from "@xiangda/domain";

export interface CountyRouting {
  countyCode: string;
  version: string;
  net: RoutingNetwork;
  nodesById: Map<string, RNode & { name: string; parentId: string | null; contactName: string | null }>;
  nodesByCode: Map<string, RNode & { name: string; parentId: string | null; contactName: string | null }>;
}

const cache = new Map<string, CountyRouting>();

/// A cheap fingerprint of the county's network: any write to a node or lane changes it.
async function networkVersion(db: Tx, countyCode: string): Promise<string> {
  const rows = await db.$queryRaw<{ n: bigint; nm: Date | null; l: bigint; lm: Date | null }[]>`
    SELECT (SELECT count(*) FROM "Node" WHERE "countyCode" = ${countyCode}) AS n,
           (SELECT max("updatedAt") FROM "Node" WHERE "countyCode" = ${countyCode}) AS nm,
           (SELECT count(*) FROM "Lane" WHERE "countyCode" = ${countyCode}) AS l,
           (SELECT max("updatedAt") FROM "Lane" WHERE "countyCode" = ${countyCode}) AS lm`;
  const r = rows[0]!;
  return `${r.n}:${r.nm?.getTime() ?? 0}:${r.l}:${r.lm?.getTime() ?? 0}`;
}

export async function loadRouting(db: Tx, countyCode: string): Promise<CountyRouting> {
  const version = await networkVersion(db, countyCode);
  const hit = cache.get(countyCode);
  if (hit && hit.version === version) return hit;
  const [nodes, lanes] = await Promise.all([
    db.node.findMany({
      where: { countyCode },
      select: {
        id: true,
        code: true,
        name: true,
        tier: true,
        status: true,
        coldChilled: true,
        coldFrozen: true,
        handlingMinutes: true,
        areaCode: true,
        parentId: true,
        contactName: true,
      },
    }),
    db.lane.findMany({ where: { countyCode } }),
  ]);
  const net = buildRoutingNetwork(
    nodes,
    lanes.map((l) => ({
      id: l.id,
      code: l.code,
      fromId: l.fromNodeId,
      toId: l.toNodeId,
      status: l.status,
      mode: l.mode,
      departures: l.departures,
      weekdays: l.weekdays,
      cutoffMinutes: l.cutoffMinutes,
      transitMinutes: l.transitMinutes,
      cold: l.cold,
    })),
  );
  const entry: CountyRouting = {
    countyCode,
    version,
    net,
    nodesById: new Map(nodes.map((n) => [n.id, n])),
    nodesByCode: new Map(nodes.map((n) => [n.code, n])),
  };
  cache.set(countyCode, entry);
  return entry;
}
