// A county's coverage from the database, computed by the pure function in @xiangda/domain.
import type { Tx } from "@xiangda/db";
import { AppError, computeCoverage, type CoverageLane } from "@xiangda/domain";

export async function findCoverage(db: Tx, { countyCode }: { countyCode: string }) {
  const county = await db.county.findUnique({ where: { code: countyCode } });
  if (!county) throw AppError.at("countyCode", "COUNTY_NOT_IMPORTED", { county: countyCode });
  const [areas, nodes, lanes] = await Promise.all([
    db.adminArea.findMany({
      where: { countyCode, removedAt: null, level: { in: ["TOWNSHIP", "VILLAGE"] } },
      select: { code: true, name: true, level: true, kind: true, parentCode: true, isPoor: true },
      orderBy: { code: "asc" },
    }),
    db.node.findMany({ where: { countyCode }, select: { tier: true, status: true, areaCode: true } }),
    db.lane.findMany({
      where: { countyCode, mode: "MILK_RUN" },
      select: {
        status: true,
        stopAreaCodes: true,
        fromNode: { select: { status: true, tier: true, areaCode: true } },
        toNode: { select: { status: true, tier: true, areaCode: true } },
      },
    }),
  ]);
  const coverageLanes: CoverageLane[] = lanes.map((l) => ({
    mode: "MILK_RUN",
    active: l.status === "ACTIVE" && l.fromNode.status === "ACTIVE" && l.toNode.status === "ACTIVE",
    stopAreaCodes: l.stopAreaCodes,
  }));
  const c = computeCoverage(
    areas.map((a) => ({ ...a, level: a.level as "TOWNSHIP" | "VILLAGE" })),
    nodes,
    coverageLanes,
  );
  const { coveredBy, ...figures } = c;
  return { county: { code: county.code, name: county.name }, ...figures, coveredBy };
}
