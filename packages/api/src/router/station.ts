import { stationProcedure, router } from "../trpc.ts";

export const stationRouter = router({
  overview: stationProcedure.meta({ roles: ["ADMIN", "COUNTY_MANAGER", "STATION_STAFF"] }).query(async ({ ctx }) => {
    const n = await ctx.db.node.findUniqueOrThrow({ where: { id: ctx.node.id }, include: { area: true } });
    return {
      node: { id: n.id, code: n.code, name: n.name, tier: n.tier, status: n.status, areaName: n.area.name, countyCode: n.countyCode },
    };
  }),
});
