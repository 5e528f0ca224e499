// Shipments: creation, acceptance under the three rules, manifests, lists, lights and re-routing.
import { z } from "zod";
import type { Db } from "@xiangda/db";
import { AppError, ZAcceptAnnouncedSchema, ZAcceptSchema, type Actor } from "@xiangda/domain";
import { uploadSchema } from "../../services/imports/upload.ts";
import { acceptAnnounced, acceptUpward } from "../../services/shipments/accept-shipment.ts";
import { awaitingAcceptance } from "../../services/shipments/awaiting-acceptance.ts";
import { createShipment } from "../../services/shipments/create-shipment.ts";
import { importManifest } from "../../services/shipments/import-manifest.ts";
import { listNodeManifests, manifestParcels } from "../../services/shipments/node-manifests.ts";
import { listOverdue, listShipments, ZShipmentFilterSchema } from "../../services/shipments/list-shipments.ts";
import { recomputeLights } from "../../services/shipments/recompute-lights.ts";
import { ZCreateShipmentSchema } from "../../services/shipments/schemas.ts";
import { screenShipment } from "../../services/shipments/screen-shipment.ts";
import { startManifestImport } from "../../services/shipments/start-manifest-import.ts";
import { shipmentDetail, staffView } from "../../services/shipments/tracking.ts";
import { countyProcedure, router, stationProcedure } from "../../trpc.ts";

const waybillTarget = (_i: unknown, o: unknown) =>
  o && typeof o === "object" && "waybillNo" in o ? `shipment:${String((o as { waybillNo: string }).waybillNo)}` : null;

// zod's own messages and 14,000,000 characters, as before the shared schema; the characters are not checked (a
// manifest's bytes are read as decoded).
const ZManifestUploadSchema = z.object({
  carrierCode: z.string().trim().min(1),
  ...uploadSchema({ maxChars: 14_000_000 }).shape,
  dryRun: z.boolean().default(false),
});
const manifestTarget = (i: unknown) => `manifest:${(i as { fileName?: string }).fileName ?? "?"}`;

/// The import at once, its error and unresolved lists cut to the first 1,000 each.
async function runManifest(
  ctx: { db: Db; actor: Actor; now: () => Date },
  input: z.infer<typeof ZManifestUploadSchema> & { countyCode: string; nodeId?: string },
) {
  const r = await importManifest(ctx.db, {
    countyCode: input.countyCode,
    nodeId: input.nodeId,
    carrierCode: input.carrierCode,
    fileName: input.fileName,
    data: Buffer.from(input.contentBase64, "base64"),
    dryRun: input.dryRun,
    actor: ctx.actor,
    now: ctx.now(),
  });
  return { ...r, errors: r.errors.slice(0, 1000), unresolved: r.unresolved.slice(0, 1000) };
}

export const shipmentsRouter = router({
  list: countyProcedure.input(ZShipmentFilterSchema).query(({ ctx, input }) => listShipments(ctx.db, input)),

  get: countyProcedure.input(z.object({ waybillNo: z.string().trim().min(1) })).query(async ({ ctx, input }) => {
    const d = await shipmentDetail(ctx.db, { waybillNo: input.waybillNo.toUpperCase(), ...{} });
    if (d.s.countyCode !== input.countyCode) throw AppError.notFound("No such shipment");
    return staffView(d);
  }),

  create: countyProcedure
    .meta({ auditTarget: waybillTarget })
    .input(ZCreateShipmentSchema)
    .mutation(async ({ ctx, input }) => {
      const { countyCode, ...rest } = input;
      const s = await createShipment(ctx.db, { countyCode, actor: ctx.actor, now: ctx.now(), ...rest });
      return staffView(await shipmentDetail(ctx.db, { id: s.id }));
    }),

  // Station procedures (issue #16): stationProcedure admits the caller at `nodeId`; whatever else the input names (a
  // parcel, a manifest) must then be at or for that node, never merely in its county. Each says its rule.

  /// An upward parcel accepted at the caller's own station or village point. Names no other object: the parcel is
  /// created at `nodeId`.
  accept: stationProcedure
    .meta({ auditTarget: waybillTarget })
    .input(ZAcceptSchema)
    .mutation(async ({ ctx, input }) => {
      const { nodeId, ...rest } = input;
      const s = await acceptUpward(ctx.db, { dataKey: ctx.dataKey, actor: ctx.actor, nodeId, now: ctx.now(), ...rest });
      return staffView(await shipmentDetail(ctx.db, { id: s.id }));
    }),

  /// A parcel announced at the caller's node (a restock order's, say) accepted there under the three rules. Only a parcel
  /// held at `nodeId`: another node's is refused as not waiting here, with nothing of its state or whereabouts.
  acceptAnnounced: stationProcedure
    .meta({ auditTarget: (i) => `shipment:${(i as { waybillNo?: string }).waybillNo ?? "?"}` })
    .input(ZAcceptAnnouncedSchema)
    .mutation(async ({ ctx, input }) => {
      const { nodeId: _nodeId, ...rest } = input;
      const id = await acceptAnnounced(ctx.db, { dataKey: ctx.dataKey, actor: ctx.actor, node: ctx.node, now: ctx.now(), ...rest });
      return staffView(await shipmentDetail(ctx.db, { id }));
    }),

  /// Parcels announced at the caller's node and not yet handed in, oldest first (senders' personal names masked). Lists
  /// by `nodeId` only.
  awaitingAcceptance: stationProcedure
    .input(z.object({ limit: z.number().int().min(1).max(200).default(100) }))
    .query(({ ctx, input }) => awaitingAcceptance(ctx.db, { nodeId: ctx.node.id, limit: input.limit })),

  /// 过机安检 at the node holding the parcel, or at the county hub for an upward parcel (services/shipments/screen-shipment.ts);
  /// another node's parcel is NOT_FOUND, the same as no parcel, whoever calls (a manager acts at the node named too).
  screen: stationProcedure
    .meta({ auditTarget: (i) => `shipment:${(i as { waybillNo?: string }).waybillNo ?? "?"}` })
    .input(z.object({ waybillNo: z.string().trim().min(1), screened: z.boolean(), device: z.string().trim().max(60).optional() }))
    .mutation(async ({ ctx, input }) => {
      const { nodeId: _nodeId, ...rest } = input;
      const id = await screenShipment(ctx.db, { actor: ctx.actor, node: ctx.node, now: ctx.now(), ...rest });
      return staffView(await shipmentDetail(ctx.db, { id }));
    }),

  importManifest: countyProcedure
    .meta({ auditTarget: manifestTarget })
    .input(ZManifestUploadSchema)
    .mutation(({ ctx, input }) => runManifest(ctx, input)),

  /// A manifest of the parcels a carrier delivers to this node: at a township station they are expected until each is
  /// scanned in (villages of the station's township only); at the county hub, the same as `importManifest`. Creates its
  /// parcels at `nodeId`; a carrier waybill already on the platform is skipped (counted, nothing of it shown).
  importNodeManifest: stationProcedure
    .meta({ auditTarget: manifestTarget })
    .input(ZManifestUploadSchema)
    .mutation(({ ctx, input }) => runManifest(ctx, { ...input, countyCode: ctx.node.countyCode, nodeId: ctx.node.id })),

  /// The manifests this node received, newest first, with how many of their parcels are in and how many outstanding.
  /// Lists by `nodeId` only.
  nodeManifests: stationProcedure
    .input(z.object({ limit: z.number().int().min(1).max(100).default(20) }))
    .query(({ ctx, input }) => listNodeManifests(ctx.db, { nodeId: ctx.node.id, limit: input.limit })),

  /// One manifest's parcels at this node, outstanding first, recipients masked. Only a manifest received at `nodeId`
  /// (another node's is refused as no such manifest here).
  manifestParcels: stationProcedure
    .input(z.object({ manifestId: z.string().uuid("must be a manifest id") }))
    .query(({ ctx, input }) => manifestParcels(ctx.db, { nodeId: ctx.node.id, manifestId: input.manifestId })),

  /// The same import run by a worker, with progress: poll `network.imports.get` with the returned id.
  startManifestImport: countyProcedure
    .meta({ auditTarget: (_i, o) => (o ? `import:${(o as { importId: string }).importId}` : null) })
    .input(ZManifestUploadSchema.omit({ dryRun: true }))
    .mutation(({ ctx, input }) => startManifestImport(ctx.db, { ...input, actor: ctx.actor })),

  /// RED shipments grouped by the node (and person) holding them, oldest first.
  overdue: countyProcedure.query(({ ctx, input }) => listOverdue(ctx.db, input.countyCode)),

  recomputeLights: countyProcedure.mutation(async ({ ctx, input }) => {
    const r = await recomputeLights(ctx.db, { countyCode: input.countyCode, now: ctx.now() });
    return { checked: r.checked, changed: r.changed, byLight: r.byLight };
  }),
});
