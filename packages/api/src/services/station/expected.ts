// Expected vs scanned at a node (contract C2): while a station unloads a carrier's manifest or an arriving load, or
// loads a departing run, how many parcels it expects, how many are scanned, which are still missing (with their shelf
// slot when one waits on this node's shelf) and which were scanned onto the run without being in it.
import type { Db } from "@xiangda/db";
import { AppError, parseLoadCode } from "@xiangda/domain";
import { z } from "zod";

export const ZExpectedSchema = z.object({
  loadCode: z.string().trim().min(1).max(32).optional(),
  manifestId: z.string().uuid("must be a manifest id").optional(),
});
export type TExpected = z.infer<typeof ZExpectedSchema>;

export type TExpectedKind = "MANIFEST" | "LOAD_OUT" | "LOAD_IN";

export interface TExpectedParcel {
  waybillNo: string;
  carrierWaybillNo: string | null;
  /// The parcel's shelf slot at this node (a parcel on the shelf that a run takes away), else null.
  slot: string | null;
}

export interface TExpectedView {
  kind: TExpectedKind;
  /// The load's code, or the manifest's file name.
  label: string;
  expected: number;
  scanned: number;
  missing: TExpectedParcel[];
  /// Parcels scanned onto the run's vehicles that the run does not carry (loading only; empty otherwise).
  extra: TExpectedParcel[];
}

const MISSING_SHOWN = 500;

interface Row {
  waybillNo: string;
  carrierWaybillNo: string | null;
  slot: string | null;
  done: boolean;
}

function view(kind: TExpectedKind, label: string, rows: Row[], extra: TExpectedParcel[]): TExpectedView {
  const missing = rows.filter((r) => !r.done);
  return {
    kind,
    label,
    expected: rows.length,
    scanned: rows.length - missing.length,
    missing: missing.slice(0, MISSING_SHOWN).map(({ waybillNo, carrierWaybillNo, slot }) => ({ waybillNo, carrierWaybillNo, slot })),
    extra,
  };
}

export async function expectedAtNode(
  db: Db,
  { node, ...input }: { node: { id: string; countyCode: string } } & TExpected,
): Promise<TExpectedView> {
  if (!!input.loadCode === !!input.manifestId) throw AppError.at("loadCode", "LOAD_OR_MANIFEST");
  if (input.manifestId) return manifestExpected(db, node, input.manifestId);
  return loadExpected(db, node, input.loadCode!);
}

/// A manifest received here: its parcels are outstanding (CREATED) until scanned in.
async function manifestExpected(db: Db, node: { id: string }, manifestId: string): Promise<TExpectedView> {
  const m = await db.arrivalManifest.findUnique({ where: { id: manifestId }, select: { nodeId: true, fileName: true } });
  if (!m || m.nodeId !== node.id) throw AppError.at("manifestId", "NO_MANIFEST_HERE");
  const rows = await db.shipment.findMany({
    where: { manifestId },
    select: { waybillNo: true, carrierWaybillNo: true, status: true },
    orderBy: { waybillNo: "asc" },
  });
  return view(
    "MANIFEST",
    m.fileName,
    rows.map((r) => ({ waybillNo: r.waybillNo, carrierWaybillNo: r.carrierWaybillNo, slot: null, done: r.status !== "CREATED" })),
    [],
  );
}

/// A load leaving here (loading: a parcel counts once it is on a vehicle or its leg has left) or coming here (unloading:
/// once its leg has arrived or the parcel is here). A milk run comes to each village it drops at. Legs a re-plan
/// cancelled are not expected. Another node's load, another county's or none: one answer, naming nothing of it.
async function loadExpected(db: Db, node: { id: string; countyCode: string }, raw: string): Promise<TExpectedView> {
  const parsed = parseLoadCode(raw);
  const load = parsed.ok
    ? await db.load.findUnique({
        where: { code: parsed.value },
        select: { id: true, code: true, countyCode: true, nodeId: true, toNodeId: true, milkRun: true },
      })
    : null;
  const notHere = () => AppError.of("NOT_FOUND", "NO_LOAD_HERE", { code: raw.trim() });
  if (!load || load.countyCode !== node.countyCode) throw notHere();
  const out = load.nodeId === node.id;
  if (!out && load.toNodeId !== node.id && !load.milkRun) throw notHere();
  const rows = await db.$queryRaw<Row[]>`
    SELECT s."waybillNo", s."carrierWaybillNo",
           CASE WHEN s."currentNodeId" = ${node.id}::uuid AND s.status = 'AWAITING_PICKUP' THEN s."shelfSlot" END AS slot,
           CASE WHEN ${out}
                THEN coalesce(g.status IN ('DEPARTED', 'ARRIVED'), false) OR (s."loadedVehicleId" IS NOT NULL AND s."currentNodeId" = ${node.id}::uuid)
                ELSE coalesce(g.status = 'ARRIVED', false) OR (s."currentNodeId" = ${node.id}::uuid AND s.status <> 'IN_TRANSIT')
           END AS done
      FROM "LoadItem" i
      JOIN "Shipment" s ON s.id = i."shipmentId"
      LEFT JOIN "ShipmentLeg" g ON g.id = i."legId"
     WHERE i."loadId" = ${load.id}::uuid AND i.status = 'ASSIGNED' AND NOT i.pickup
       AND (g.status IS NULL OR g.status <> 'CANCELLED')
       AND (${out} OR NOT ${load.milkRun} OR i."stopNodeId" = ${node.id}::uuid)
     ORDER BY s."waybillNo"`;
  if (!out && rows.length === 0 && load.toNodeId !== node.id) throw notHere();
  const extra = out
    ? await db.$queryRaw<TExpectedParcel[]>`
        SELECT s."waybillNo", s."carrierWaybillNo", NULL::text AS slot
          FROM "Shipment" s
         WHERE s."currentNodeId" = ${node.id}::uuid AND s.status = 'AT_NODE'
           AND s."loadedVehicleId" IN (SELECT v."vehicleId" FROM "LoadVehicle" v WHERE v."loadId" = ${load.id}::uuid)
           AND NOT EXISTS (SELECT 1 FROM "LoadItem" i WHERE i."loadId" = ${load.id}::uuid AND i."shipmentId" = s.id AND i.status = 'ASSIGNED')
         ORDER BY s."waybillNo"
         LIMIT ${MISSING_SHOWN}`
    : [];
  return view(out ? "LOAD_OUT" : "LOAD_IN", load.code, rows, extra);
}
