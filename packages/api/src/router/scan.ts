// The scan API: a contract for handhelds, desk scanners and scripts (see README "Scan API").
import { departingVehicles } from "../services/scan/departing-vehicles.ts";
import { recordScan, recordScanBatch } from "../services/scan/record-scan.ts";
import { ZScanBatchSchema, ZScanSchema } from "../services/scan/schemas.ts";
import { listScansToday } from "../services/station/scans-today.ts";
import { authedProcedure, router, stationProcedure } from "../trpc.ts";

export const scanRouter = router({
  /// Every attempt is stored; FORBIDDEN and other refusals come back as outcomes, not errors. Staff scan only at their
  /// own node; a scan at a node changes only parcels there (ARRIVE receives one wherever it was), a load's code works only
  /// where the load leaves from or goes to, and a refused scan tells station staff nothing of a parcel whose route never
  /// comes to their node (services/scan/decide-and-apply.ts and load-scans.ts; who may scan where: services/auth/scope.ts).
  record: authedProcedure
    .meta({ auditTarget: (i) => `scan:${(i as { clientScanId?: string }).clientScanId ?? "?"}` })
    .input(ZScanSchema)
    .mutation(({ ctx, input }) => recordScan(ctx.db, { actor: ctx.actor, now: ctx.now(), ...input })),

  /// Up to 500 scans, in order, a result for each (an offline queue syncing).
  recordBatch: authedProcedure
    .meta({ auditTarget: (i) => `scans:${(i as { scans?: unknown[] }).scans?.length ?? 0}` })
    .input(ZScanBatchSchema)
    .mutation(async ({ ctx, input }) => ({
      results: await recordScanBatch(ctx.db, { actor: ctx.actor, scans: input.scans, now: ctx.now() }),
    })),

  /// The vehicles of the node's loads leaving today and not yet gone (sealed, vehicles chosen): what LOAD may name.
  departingVehicles: stationProcedure.query(({ ctx, input }) => departingVehicles(ctx.db, { nodeId: input.nodeId, now: ctx.now() })),

  /// Today's scans at the node (Asia/Shanghai day), newest first, with counts per action.
  today: stationProcedure.query(({ ctx, input }) => listScansToday(ctx.db, { nodeId: input.nodeId, now: ctx.now() })),
});
