// A carrier's arrival manifest: thousands of downward parcels in one file.
// At the county hub (the default) the manifest comes with the carrier's truck: its parcels are at the hub (AT_NODE).
// At a township station it announces what the carrier's courier brings: its parcels, all for villages of the station's
// township, are expected there (CREATED at the station) until each is scanned in (ARRIVE), so the station sees what
// is still outstanding.
// Bad rows are reported and create nothing; unresolved destinations are listed, never guessed;
// a parcel already imported (same carrier and waybill number) is skipped, so re-imports are safe.
import { randomUUID } from "node:crypto";
import { writeOutbox, type Db, type Prisma } from "@xiangda/db";
import { AppError, type Actor } from "@xiangda/domain";
import { rollupOutboxEvent } from "../dashboard/rollup-event.ts";
import { rowIssue, type ImportIssue } from "../imports/import-types.ts";
import { aliasMap, readTable } from "../imports/read-table.ts";
import { hubOf } from "./create-shipment.ts";
import { buildAddressMatcher } from "./match-address.ts";
import { checkManifestRows, type ManifestRow, type UnresolvedRow } from "./manifest-rows.ts";
import { computePlan } from "./plan-route.ts";
import { loadRouting } from "./routing-network.ts";
import { nextWaybills } from "./waybill-numbers.ts";

export const MANIFEST_HEADER_ALIASES = aliasMap({
  waybillNo: ["carrierwaybillno", "运单号", "waybill"],
  recipientName: ["收件人", "name", "recipient"],
  recipientPhone: ["收件人电话", "电话", "phone"],
  address: ["地址", "收件地址", "recipientaddress"],
  villageCode: ["村代码", "areacode", "village"],
  weightG: ["重量", "weight", "weight_g"],
  temp: ["温层", "temperature"],
  contentsCategory: ["品类", "contents", "category"],
  declaredValueFen: ["声明价值", "declaredvalue", "value_fen"],
});

export interface ManifestResult {
  rows: number;
  created: number;
  skippedExisting: number;
  errors: ImportIssue[];
  unresolved: UnresolvedRow[];
  routeFailures: number;
  manifestId: string | null;
}

export async function importManifest(
  db: Db,
  input: {
    countyCode: string;
    /// The node the carrier delivers to: the county hub (the default) or a township station.
    nodeId?: string | undefined;
    carrierCode: string;
    fileName: string;
    data: Buffer;
    dryRun?: boolean;
    actor: Actor | null;
    now: Date;
    onProgress?: (done: number, total: number) => void;
  },
): Promise<ManifestResult> {
  const carrier = await db.carrier.findUnique({ where: { code: input.carrierCode } });
  if (!carrier) throw AppError.at("carrierCode", "NO_CARRIER", { carrier: input.carrierCode });
  if (carrier.blacklisted) throw AppError.at("carrierCode", "CARRIER_BLACKLISTED", { carrier: input.carrierCode });
  const at = input.nodeId ? await receivingNode(db, input.countyCode, input.nodeId) : null;
  const station = at?.tier === "TOWNSHIP_STATION" ? at : null;
  const table = await readTable(input.fileName, input.data, MANIFEST_HEADER_ALIASES);
  const errors: ImportIssue[] = ["waybillNo", "recipientName", "recipientPhone", "weightG"]
    .filter((c) => !table.columns.includes(c))
    .map((c) => rowIssue(1, c, "MISSING_COLUMN", { column: c }));
  if (!table.columns.includes("address") && !table.columns.includes("villageCode"))
    errors.push(rowIssue(1, "address", "NEED_ADDRESS_COLUMN"));
  if (errors.length)
    return { rows: table.rows.length, created: 0, skippedExisting: 0, errors, unresolved: [], routeFailures: 0, manifestId: null };

  const { areaSet, township, matcher, pointByArea, stationByTownship } = await readManifestPlaces(db, input.countyCode, station);
  const { good, unresolved } = checkManifestRows(
    table,
    { countyCode: input.countyCode, carrier, areaSet, station, township, matcher },
    errors,
  );

  const existing = new Set(
    (
      await db.shipment.findMany({
        where: { carrierId: carrier.id, carrierWaybillNo: { in: good.map((g) => g.waybillNo) } },
        select: { carrierWaybillNo: true },
      })
    ).map((s) => s.carrierWaybillNo),
  );
  const fresh = good.filter((g) => !existing.has(g.waybillNo));
  if (input.dryRun)
    return {
      rows: table.rows.length,
      created: fresh.length,
      skippedExisting: good.length - fresh.length,
      errors,
      unresolved,
      routeFailures: 0,
      manifestId: null,
    };

  // Where the parcels enter the network: the station, or the hub.
  const entry = station ?? at ?? (await hubOf(db, input.countyCode));
  const routing = await loadRouting(db, input.countyCode);
  const waybills = await nextWaybills(db, fresh.length);
  const manifestId = randomUUID();
  const { shipments, legs, events, routeFailures } = buildShipments(fresh, {
    countyCode: input.countyCode,
    now: input.now,
    actorId: input.actor?.userId ?? null,
    carrierId: carrier.id,
    manifestId,
    entryId: entry.id,
    station,
    routing,
    waybills,
    areaSet,
    pointByArea,
    stationByTownship,
  });
  await writeManifest(db, {
    manifest: {
      id: manifestId,
      countyCode: input.countyCode,
      carrierId: carrier.id,
      nodeId: entry.id,
      fileName: input.fileName,
      rows: table.rows.length,
      created: shipments.length,
      unresolved: unresolved,
      createdById: input.actor?.userId ?? null,
    },
    shipments,
    legs,
    events,
    onProgress: input.onProgress,
  });
  return {
    rows: table.rows.length,
    created: shipments.length,
    skippedExisting: good.length - fresh.length,
    errors,
    unresolved,
    routeFailures,
    manifestId,
  };
}

/// The county's areas and the address matcher (a station's own villages only), and the node each village's parcels go
/// to: its village point, else its township's station.
export async function readManifestPlaces(db: Db, countyCode: string, station: { areaCode: string } | null) {
  const areas = await db.adminArea.findMany({
    where: { countyCode, removedAt: null },
    select: { code: true, name: true, level: true, parentCode: true },
  });
  const areaSet = new Map(areas.map((a) => [a.code, a]));
  // A station receives parcels for the villages of its own township only.
  const township = station ? areaSet.get(station.areaCode) : undefined;
  const matcher = buildAddressMatcher(
    station ? areas.filter((a) => a.code === station.areaCode || a.parentCode === station.areaCode) : areas,
    township?.name,
  );
  const [points, stations] = await Promise.all([
    db.node.findMany({
      where: { countyCode, tier: "VILLAGE_POINT", status: "ACTIVE" },
      select: { id: true, areaCode: true },
      orderBy: { code: "asc" },
    }),
    db.node.findMany({
      where: { countyCode, tier: "TOWNSHIP_STATION" },
      select: { id: true, areaCode: true, status: true },
      orderBy: [{ status: "asc" }, { code: "asc" }],
    }),
  ]);
  const pointByArea = new Map<string, string>();
  for (const p of points) if (!pointByArea.has(p.areaCode)) pointByArea.set(p.areaCode, p.id);
  const stationByTownship = new Map<string, string>();
  for (const s of stations) if (!stationByTownship.has(s.areaCode)) stationByTownship.set(s.areaCode, s.id);

  return { areaSet, township, matcher, pointByArea, stationByTownship };
}

type Places = Awaited<ReturnType<typeof readManifestPlaces>>;

export interface BuildContext extends Pick<Places, "areaSet" | "pointByArea" | "stationByTownship"> {
  countyCode: string;
  now: Date;
  actorId: string | null;
  carrierId: string | null;
  manifestId: string | null;
  /// Where the parcels enter the network: the station, or the hub.
  entryId: string;
  station: { id: string } | null;
  /// Pre-advised by an API client (`POST /api/v1/shipments`): expected at the entry (CREATED there) until scanned in,
  /// with a PRE_ADVISED entry, the client and the parent piece of each (by row).
  preAdvice?: { clientId: string | null; ids: string[]; parentIds: (string | null)[] };
  routing: Awaited<ReturnType<typeof loadRouting>>;
  waybills: string[];
}

/// The new parcels with their planned legs and first events; a parcel that cannot be routed is RED with the reason.
export function buildShipments(fresh: ManifestRow[], p: BuildContext) {
  const shipments: Prisma.ShipmentCreateManyInput[] = [];
  const legs: Prisma.ShipmentLegCreateManyInput[] = [];
  const events: Prisma.ShipmentEventCreateManyInput[] = [];
  let routeFailures = 0;
  const pre = p.preAdvice;
  fresh.forEach((g, i) => {
    const id = pre?.ids[i] ?? randomUUID();
    const village = p.areaSet.get(g.areaCode)!;
    const pointId = p.pointByArea.get(g.areaCode);
    const destNodeId = pointId ?? p.station?.id ?? p.stationByTownship.get(village.parentCode ?? "") ?? null;
    const plan = destNodeId
      ? computePlan(
          p.routing,
          { shipmentId: id, fromNodeId: p.entryId, toNodeId: destNodeId, readyAt: p.now, temp: g.temp, nextPlan: 1, reason: "ROUTED" },
          p.now,
        )
      : null;
    const routeError = plan ? plan.routeError : "the village's township has no station";
    if (routeError) routeFailures++;
    shipments.push({
      id,
      countyCode: p.countyCode,
      waybillNo: p.waybills[i]!,
      carrierId: p.carrierId,
      carrierWaybillNo: g.waybillNo,
      direction: "DOWN",
      originNodeId: p.entryId,
      destNodeId,
      destAreaCode: g.areaCode,
      selfPickup: !pointId,
      recipientName: g.name,
      recipientPhone: g.phone,
      recipientAddress: g.address,
      weightG: g.weightG,
      temp: g.temp,
      contentsCategory: g.contents,
      declaredValueFen: g.valueFen,
      status: p.station || pre ? "CREATED" : "AT_NODE",
      currentNodeId: p.entryId,
      // Picked up at the very station that receives it: no leg, so no transport promise (the station's manifest list
      // shows it until it is scanned in, rather than a RED light for a courier who has not come yet).
      promisedAt: p.station && plan?.legs.length === 0 ? null : (plan?.promisedAt ?? null),
      routeError,
      light: routeError ? "RED" : "GREEN",
      lightReason: routeError,
      lightChangedAt: p.now,
      manifestId: p.manifestId,
      clientId: pre?.clientId ?? null,
      parentId: pre?.parentIds[i] ?? null,
    });
    events.push({
      shipmentId: id,
      at: p.now,
      type: pre ? "PRE_ADVISED" : p.station ? "MANIFEST_ANNOUNCED" : "MANIFEST_ARRIVAL",
      nodeId: p.entryId,
      actorId: p.actorId,
      details: pre ? { row: g.row } : { manifestId: p.manifestId, row: g.row },
    });
    if (plan) {
      legs.push(...plan.legs);
      events.push(plan.event);
    }
  });
  return { shipments, legs, events, routeFailures };
}

/// The manifest, its parcels, legs and events in one transaction, in batches, and the dashboard's roll-up event.
async function writeManifest(
  db: Db,
  w: {
    manifest: Prisma.ArrivalManifestUncheckedCreateInput;
    shipments: Prisma.ShipmentCreateManyInput[];
    legs: Prisma.ShipmentLegCreateManyInput[];
    events: Prisma.ShipmentEventCreateManyInput[];
    onProgress?: ((done: number, total: number) => void) | undefined;
  },
) {
  await db.$transaction(
    async (tx) => {
      await tx.arrivalManifest.create({ data: w.manifest });
      for (let i = 0; i < w.shipments.length; i += 2000) {
        await tx.shipment.createMany({ data: w.shipments.slice(i, i + 2000) });
        w.onProgress?.(Math.min(i + 2000, w.shipments.length), w.shipments.length);
      }
      for (let i = 0; i < w.legs.length; i += 5000) await tx.shipmentLeg.createMany({ data: w.legs.slice(i, i + 5000) });
      for (let i = 0; i < w.events.length; i += 5000) await tx.shipmentEvent.createMany({ data: w.events.slice(i, i + 5000) });
      // The dashboard's roll-up of today (createdAt is the database's clock).
      if (w.shipments.length) await writeOutbox(tx, rollupOutboxEvent(w.manifest.countyCode, new Date()));
    },
    { timeout: 120_000 },
  );
}

/// The node a manifest is imported at: an active county hub or township station of the county.
async function receivingNode(db: Db, countyCode: string, nodeId: string) {
  const node = await db.node.findUnique({
    where: { id: nodeId },
    select: { id: true, name: true, tier: true, status: true, areaCode: true, countyCode: true },
  });
  if (!node || node.countyCode !== countyCode) throw AppError.at("nodeId", "NO_NODE_IN_COUNTY", { node: nodeId, county: countyCode });
  if (node.tier === "VILLAGE_POINT") throw AppError.at("nodeId", "NODE_IS_VILLAGE_POINT", { node: node.name });
  if (node.status !== "ACTIVE") throw AppError.at("nodeId", "NODE_NOT_ACTIVE", { node: node.name });
  return node;
}
