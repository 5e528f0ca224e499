// The county → township → village tree with each unit's node and coverage, for the network page.
import type { Db } from "@xiangda/db";
import type { Actor } from "@xiangda/domain";
import { findCoverage } from "./coverage.ts";
import { nodeView, type TNodeView } from "./views.ts";

export async function countyTree(db: Db, { countyCode, actor }: { countyCode: string; actor: Actor }) {
  const cov = await findCoverage(db, { countyCode });
  const [areas, nodes] = await Promise.all([
    db.adminArea.findMany({ where: { countyCode, removedAt: null, level: { in: ["TOWNSHIP", "VILLAGE"] } }, orderBy: { code: "asc" } }),
    db.node.findMany({ where: { countyCode }, include: { parent: { select: { code: true } } }, orderBy: { code: "asc" } }),
  ]);
  const showContact = actor.role === "ADMIN" || (actor.role === "COUNTY_MANAGER" && actor.countyCode === countyCode);
  const views = nodes.map((n) => nodeView(n, { showContact }));
  // The active node on an area wins over suspended or closed ones.
  const rank = { ACTIVE: 0, SUSPENDED: 1, CLOSED: 2 } as const;
  const byArea = new Map<string, TNodeView>();
  for (const v of [...views].sort((a, b) => rank[a.status] - rank[b.status])) {
    if (v.tier !== "COUNTY_HUB" && !byArea.has(`${v.tier}:${v.areaCode}`)) byArea.set(`${v.tier}:${v.areaCode}`, v);
  }
  const pos = (a: (typeof areas)[number]) => ({ lat: a.lat, lng: a.lng, synthetic: a.synthetic });
  return {
    county: cov.county,
    hubs: views.filter((v) => v.tier === "COUNTY_HUB"),
    townships: areas
      .filter((a) => a.level === "TOWNSHIP")
      .map((t) => ({
        code: t.code,
        name: t.name,
        kind: t.kind,
        ...pos(t),
        station: byArea.get(`TOWNSHIP_STATION:${t.code}`) ?? null,
        villages: areas
          .filter((v) => v.parentCode === t.code)
          .map((v) => ({
            code: v.code,
            name: v.name,
            kind: v.kind,
            isPoor: v.isPoor,
            ...pos(v),
            coveredBy: cov.coveredBy.get(v.code) ?? null,
            point: byArea.get(`VILLAGE_POINT:${v.code}`) ?? null,
          })),
      })),
  };
}
