// What validating network changes needs to know about one county, loaded once.
import type { Tx } from "@xiangda/db";
import { AppError, type PlacementArea, type TNodeTier } from "@xiangda/domain";

export interface ContextNode {
  id: string;
  code: string;
  tier: TNodeTier;
  areaCode: string;
  status: "ACTIVE" | "SUSPENDED" | "CLOSED";
  parentId: string | null;
}

export interface CountyContext {
  countyCode: string;
  areas: Map<string, PlacementArea & { name: string; isPoor: boolean }>;
  nodesByCode: Map<string, ContextNode>;
  nodesById: Map<string, ContextNode>;
}

export async function loadCountyContext(db: Tx, countyCode: string): Promise<CountyContext> {
  const county = await db.county.findUnique({ where: { code: countyCode } });
  if (!county)
    throw AppError.at("countyCode", "COUNTY_NOT_IMPORTED", { county: countyCode });
  const [areas, nodes] = await Promise.all([
    db.adminArea.findMany({
      where: { countyCode, removedAt: null },
      select: { code: true, level: true, countyCode: true, parentCode: true, name: true, isPoor: true },
    }),
    db.node.findMany({ where: { countyCode }, select: { id: true, code: true, tier: true, areaCode: true, status: true, parentId: true } }),
  ]);
  return {
    countyCode,
    areas: new Map(areas.map((a) => [a.code, a])),
    nodesByCode: new Map(nodes.map((n) => [n.code, n])),
    nodesById: new Map(nodes.map((n) => [n.id, n])),
  };
}
