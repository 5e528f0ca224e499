// The scan API: a contract for handhelds, desk scanners and scripts (see README "Scan API").
import { departingVehicles } from "../services/scan/departing-vehicles.ts";
import { recordScan, recordScanBatch, warmScanPath } from "../services/scan/record-scan.ts";
import { ZScanBatchSchema, ZScanSchema } from "../services/scan/schemas.ts";
import { authedProcedure, router, stationProcedure } from "../trpc.ts";

const SHANGHAI_OFFSET_MS = 8 * 3600_000;

export const scanRouter = router({
  /// Every attempt is stored; FORBIDDEN and other refusals come back as outcomes, not errors. Staff scan only at their
  /// own node; a scan at a node changes only parcels there (ARRIVE receives one wherever it was), a load's code works only
  /// where the load leaves from or goes to, and a refused scan tells station staff nothing of a parcel whose route never
  /// comes to their node (services/scan/decide-and-apply.ts and load-scans.ts; who may scan where: services/auth/scope.ts).
  record: authedProcedure
    .meta({ roles: "authed", auditTarget: (i) => `scan:${(i as { clientScanId?: string }).clientScanId ?? "?"}` })
    .input(ZScanSchema)
    .mutation(({ ctx, input }) => recordScan(ctx.db, ctx.actor, input, ctx.now())),

  /// Up to 500 scans, in order, a result for each (an offline queue syncing).
  recordBatch: authedProcedure
    .meta({ roles: "authed", auditTarget: (i) => `scans:${(i as { scans?: unknown[] }).scans?.length ?? 0}` })
    .input(ZScanBatchSchema)
    .mutation(async ({ ctx, input }) => ({ results: await recordScanBatch(ctx.db, ctx.actor, input.scans, ctx.now()) })),

  /// The vehicles of the node's loads leaving today and not yet gone (sealed, vehicles chosen): what LOAD may name.
  departingVehicles: stationProcedure
    .meta({ roles: ["ADMIN", "COUNTY_MANAGER", "STATION_STAFF"] })
    .query(({ ctx, input }) => departingVehicles(ctx.db, input.nodeId, ctx.now())),

  /// Today's scans at the node (Asia/Shanghai day), newest first, with counts per action.
  today: stationProcedure.meta({ roles: ["ADMIN", "COUNTY_MANAGER", "STATION_STAFF"] }).query(async ({ ctx, input }) => {
    const now = ctx.now().getTime();
    const start = new Date(Math.floor((now + SHANGHAI_OFFSET_MS) / 86_400_000) * 86_400_000 - SHANGHAI_OFFSET_MS);
    const where = { nodeId: input.nodeId, receivedAt: { gte: start } };
    // A console opening (and polling) is about to scan: have the scan's connections and statements ready (issue #17:
    // the first scan after sign-in paid for a new connection and for planning them). Not awaited; a failure is harmless.
    warmScanPath(ctx.db).catch(() => undefined);
    const [rows, counts] = await Promise.all([
      ctx.db.scanEvent.findMany({ where, orderBy: { id: "desc" }, take: 200 }),
      ctx.db.scanEvent.groupBy({ by: ["action", "outcome"], where, _count: { _all: true } }),
    ]);
    return {
      since: start.toISOString(),
      counts: counts.map((c) => ({ action: c.action, outcome: c.outcome, count: c._count._all })),
      scans: rows.map((r) => ({
        clientScanId: r.clientScanId,
        code: r.code,
        action: r.action,
        outcome: r.outcome,
        reason: (r.result as { reason?: string | null } | null)?.reason ?? null,
        params: (r.result as { params?: Record<string, string | number> | null } | null)?.params ?? null,
        message: r.message,
        deviceAt: r.deviceAt.toISOString(),
        receivedAt: r.receivedAt.toISOString(),
      })),
    };
  }),
});
