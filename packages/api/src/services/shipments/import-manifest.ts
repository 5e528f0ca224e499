// A carrier's arrival manifest: thousands of downward parcels in one file.
// At the county hub (the default) the manifest comes with the carrier's truck: its parcels are at the hub (AT_NODE).
// At a township station it announces what the carrier's courier brings: its parcels, all for villages of the station's
// township, are expected there (CREATED at the station) until each is scanned in (ARRIVE), so the station sees what
// is still outstanding.
// Bad rows are reported and create nothing; unresolved destinations are listed, never guessed;
// a parcel already imported (same carrier and waybill number) is skipped, so re-imports are safe.
import { randomUUID } from "node:crypto";
import { writeOutbox, type Db, type Prisma } from "@xiangda/db";
import {
  AppError,
  issueAt,
  matchesCarrierPattern,
  parseAreaCode,
  parseIntField,
  type Actor,
  type ErrorParamsArg,
  type TErrorKey,
  type TErrorParamValue,
} from "@xiangda/domain";
import { rollupOutboxEvent } from "../dashboard/rollup-event.ts";
import { rowIssue, type ImportIssue } from "../imports/import-types.ts";
import { aliasMap, readTable } from "../imports/read-table.ts";
import { hubOf } from "./create-shipment.ts";
import { buildAddressMatcher } from "./match-address.ts";
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

const TEMPS = new Map([
  ["", "AMBIENT"],
  ["ambient", "AMBIENT"],
  ["常温", "AMBIENT"],
  ["chilled", "CHILLED"],
  ["冷藏", "CHILLED"],
  ["frozen", "FROZEN"],
  ["冷冻", "FROZEN"],
]);
const PHONE = /^1\d{10}$|^0\d{2,3}-?\d{7,8}$/;

export interface ManifestResult {
  rows: number;
  created: number;
  skippedExisting: number;
  errors: ImportIssue[];
  /// `reason` in English; `reasonKey` with `reasonParams` is what the web app translates (ERROR_MESSAGES).
  unresolved: { row: number; waybillNo: string; address: string; reason: string; reasonKey: TErrorKey; reasonParams: Record<string, TErrorParamValue> }[];
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

  const areas = await db.adminArea.findMany({
    where: { countyCode: input.countyCode, removedAt: null },
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
      where: { countyCode: input.countyCode, tier: "VILLAGE_POINT", status: "ACTIVE" },
      select: { id: true, areaCode: true },
      orderBy: { code: "asc" },
    }),
    db.node.findMany({
      where: { countyCode: input.countyCode, tier: "TOWNSHIP_STATION" },
      select: { id: true, areaCode: true, status: true },
      orderBy: [{ status: "asc" }, { code: "asc" }],
    }),
  ]);
  const pointByArea = new Map<string, string>();
  for (const p of points) if (!pointByArea.has(p.areaCode)) pointByArea.set(p.areaCode, p.id);
  const stationByTownship = new Map<string, string>();
  for (const s of stations) if (!stationByTownship.has(s.areaCode)) stationByTownship.set(s.areaCode, s.id);

  type Good = {
    row: number;
    waybillNo: string;
    name: string;
    phone: string;
    address: string | null;
    areaCode: string;
    weightG: number;
    temp: "AMBIENT" | "CHILLED" | "FROZEN";
    contents: string;
    valueFen: number;
  };
  const good: Good[] = [];
  const unresolved: ManifestResult["unresolved"] = [];
  const seen = new Map<string, number>();
  for (const { row, values: v } of table.rows) {
    const before = errors.length;
    const at = (column: string, issue: { message: string; key?: TErrorKey | undefined; params?: Record<string, TErrorParamValue> | undefined }) =>
      errors.push({ row, column, message: issue.message, key: issue.key, params: issue.params });
    const msg = <K extends TErrorKey>(key: K, ...[params]: ErrorParamsArg<K>) => issueAt("", key, ...([params] as ErrorParamsArg<K>));
    const wb = (v.waybillNo ?? "").replace(/\s+/g, "");
    if (!wb) at("waybillNo", msg("REQUIRED"));
    else if (!matchesCarrierPattern(wb, carrier.waybillPattern)) at("waybillNo", msg("NOT_CARRIER_WAYBILL", { carrier: carrier.name }));
    else if (seen.has(wb)) at("waybillNo", msg("APPEARS_TWICE", { row: seen.get(wb)! }));
    seen.set(wb, row);
    if (!v.recipientName) at("recipientName", msg("REQUIRED"));
    const phone = (v.recipientPhone ?? "").replace(/\s+/g, "");
    if (!PHONE.test(phone)) at("recipientPhone", msg("NOT_A_PHONE"));
    const w = parseIntField(v.weightG, { min: 1, max: 1_000_000, required: true });
    if (!w.ok) at("weightG", w);
    const temp = TEMPS.get((v.temp ?? "").trim().toLowerCase());
    if (!temp) at("temp", msg("NOT_A_TEMP", { value: v.temp ?? "" }));
    const val = parseIntField(v.declaredValueFen, { min: 0, max: 100_000_000, fallback: 0 });
    if (!val.ok) at("declaredValueFen", val);
    let areaCode: string | null = null;
    if (v.villageCode) {
      const c = parseAreaCode(v.villageCode);
      if (!c.ok) at("villageCode", c);
      else if (areaSet.get(c.value)?.level !== "VILLAGE") at("villageCode", msg("NOT_VILLAGE_OF_COUNTY", { area: c.value, county: input.countyCode }));
      else if (station && areaSet.get(c.value)!.parentCode !== station.areaCode)
        at("villageCode", msg("NOT_IN_STATION_TOWNSHIP", { area: c.value, township: township?.name ?? station.areaCode, station: station.name }));
      else areaCode = c.value;
    }
    if (errors.length > before) continue;
    if (!areaCode) {
      const m = matcher.match(v.address ?? "");
      if ("unresolved" in m) {
        unresolved.push({ row, waybillNo: wb, address: v.address ?? "", reason: m.unresolved.message, reasonKey: m.unresolved.key, reasonParams: m.unresolved.params });
        continue;
      }
      areaCode = m.code;
    }
    good.push({
      row,
      waybillNo: wb,
      name: v.recipientName!,
      phone,
      address: v.address || null,
      areaCode,
      weightG: (w as { value: number }).value,
      temp: temp as Good["temp"],
      contents: v.contentsCategory || "日用品",
      valueFen: (val as { value: number }).value,
    });
  }

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
  const shipments: Prisma.ShipmentCreateManyInput[] = [];
  const legs: Prisma.ShipmentLegCreateManyInput[] = [];
  const events: Prisma.ShipmentEventCreateManyInput[] = [];
  let routeFailures = 0;
  const manifestId = randomUUID();
  fresh.forEach((g, i) => {
    const id = randomUUID();
    const village = areaSet.get(g.areaCode)!;
    const pointId = pointByArea.get(g.areaCode);
    const destNodeId = pointId ?? station?.id ?? stationByTownship.get(village.parentCode ?? "") ?? null;
    const plan = destNodeId
      ? computePlan(
          routing,
          { shipmentId: id, fromNodeId: entry.id, toNodeId: destNodeId, readyAt: input.now, temp: g.temp, nextPlan: 1, reason: "ROUTED" },
          input.now,
        )
      : null;
    const routeError = plan ? plan.routeError : "the village's township has no station";
    if (routeError) routeFailures++;
    shipments.push({
      id,
      countyCode: input.countyCode,
      waybillNo: waybills[i]!,
      carrierId: carrier.id,
      carrierWaybillNo: g.waybillNo,
      direction: "DOWN",
      originNodeId: entry.id,
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
      status: station ? "CREATED" : "AT_NODE",
      currentNodeId: entry.id,
      // Picked up at the very station that receives it: no leg, so no transport promise (the station's manifest list
      // shows it until it is scanned in, rather than a RED light for a courier who has not come yet).
      promisedAt: station && plan?.legs.length === 0 ? null : (plan?.promisedAt ?? null),
      routeError,
      light: routeError ? "RED" : "GREEN",
      lightReason: routeError,
      lightChangedAt: input.now,
      manifestId,
    });
    events.push({
      shipmentId: id,
      at: input.now,
      type: station ? "MANIFEST_ANNOUNCED" : "MANIFEST_ARRIVAL",
      nodeId: entry.id,
      actorId: input.actor?.userId ?? null,
      details: { manifestId, row: g.row },
    });
    if (plan) {
      legs.push(...plan.legs);
      events.push(plan.event);
    }
  });
  await db.$transaction(
    async (tx) => {
      await tx.arrivalManifest.create({
        data: {
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
      });
      for (let i = 0; i < shipments.length; i += 2000) {
        await tx.shipment.createMany({ data: shipments.slice(i, i + 2000) });
        input.onProgress?.(Math.min(i + 2000, shipments.length), shipments.length);
      }
      for (let i = 0; i < legs.length; i += 5000) await tx.shipmentLeg.createMany({ data: legs.slice(i, i + 5000) });
      for (let i = 0; i < events.length; i += 5000) await tx.shipmentEvent.createMany({ data: events.slice(i, i + 5000) });
      // The dashboard's roll-up of today (createdAt is the database's clock).
      if (shipments.length) await writeOutbox(tx, rollupOutboxEvent(input.countyCode, new Date()));
    },
    { timeout: 120_000 },
  );
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

/// The node a manifest is imported at: an active county hub or township station of the county.
async function receivingNode(db: Db, countyCode: string, nodeId: string) {
  const node = await db.node.findUnique({
    where: { id: nodeId },
    select: { id: true, name: true, tier: true, status: true, areaCode: true, countyCode: true },
  });
  if (!node || node.countyCode !== countyCode) throw AppError.at("nodeId", "NO_NODE_IN_COUNTY", { node: nodeId, county: countyCode });
  if (node.tier === "VILLAGE_POINT")
    throw AppError.at("nodeId", "NODE_IS_VILLAGE_POINT", { node: node.name });
  if (node.status !== "ACTIVE") throw AppError.at("nodeId", "NODE_NOT_ACTIVE", { node: node.name });
  return node;
}
