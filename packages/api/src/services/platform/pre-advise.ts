// Pre-advice (预报): a carrier's or platform's parcels announced by API before the truck brings them. Each row is
// checked as an arrival manifest's row is (the carrier's number pattern, phone, weight, village code or an address
// resolved by the county's matcher, never guessed); the good ones are created CREATED at the county hub (expected there
// until its ARRIVE scan) with a route, in one transaction. The carrier's number is the natural key: sent again, or by two
// calls at once, a parcel is created once and answered EXISTS after that.
import { randomUUID } from "node:crypto";
import { writeOutbox, type Db, type Prisma } from "@xiangda/db";
import {
  AppError,
  errorText,
  ZPreAdviceParcelSchema,
  type FieldIssue,
  type TPreAdviceParcel,
  type TPreAdviceResult,
} from "@xiangda/domain";
import { zodIssues } from "../../errors.ts";
import { rollupOutboxEvent } from "../dashboard/rollup-event.ts";
import type { ImportIssue } from "../imports/import-types.ts";
import type { Table } from "../imports/read-table.ts";
import { hubOf } from "../shipments/create-shipment.ts";
import { buildShipments, readManifestPlaces } from "../shipments/import-manifest.ts";
import { checkManifestRows, type ManifestRow } from "../shipments/manifest-rows.ts";
import { loadRouting } from "../shipments/routing-network.ts";
import { nextWaybills } from "../shipments/waybill-numbers.ts";
import type { ApiCaller } from "./api-keys.ts";

type Result = TPreAdviceResult["results"][number];
const issue = (i: { path: string; message: string; key?: string | undefined }) => ({
  path: i.path,
  message: i.message,
  ...(i.key ? { key: i.key } : {}),
});
const rejected = (waybillNo: string, issues: Result["issues"]): Result => ({ waybillNo, outcome: "REJECTED", issues });

/// Where the caller's parcels are: a carrier's by carrier (its number is unique per carrier), a platform's by client.
const ownedBy = (caller: ApiCaller) =>
  caller.carrierId ? { carrierId: caller.carrierId } : { clientId: caller.clientId, carrierId: null };

export async function preAdvise(db: Db, input: { caller: ApiCaller; parcels: readonly unknown[]; now: Date }): Promise<TPreAdviceResult> {
  const { caller, now } = input;
  const carrier = caller.carrierId ? await db.carrier.findUnique({ where: { id: caller.carrierId } }) : null;
  if (carrier?.blacklisted) throw AppError.of("FORBIDDEN", "CARRIER_BLACKLISTED", { carrier: carrier.code });
  const results: (Result | null)[] = input.parcels.map(() => null);
  const parsed = new Map<number, TPreAdviceParcel>();
  input.parcels.forEach((raw, i) => {
    const r = ZPreAdviceParcelSchema.safeParse(raw);
    const wb = rawWaybill(raw);
    if (r.success) parsed.set(i, r.data);
    else results[i] = rejected(wb, zodIssues(r.error).map(issue));
  });

  const hub = await hubOf(db, caller.countyCode);
  const places = await readManifestPlaces(db, caller.countyCode, null);
  const table: Table = { columns: [], rows: [...parsed].map(([i, p]) => ({ row: i + 1, values: tableValues(p) })) };
  const errors: ImportIssue[] = [];
  const { good, unresolved } = checkManifestRows(
    table,
    {
      countyCode: caller.countyCode,
      carrier: carrier ?? { name: caller.clientName, waybillPattern: null },
      station: null,
      ...places,
    },
    errors,
  );
  for (const e of errors) {
    const i = e.row - 1;
    const prev = results[i]?.issues ?? [];
    results[i] = rejected(parsed.get(i)!.waybillNo, [...prev, issue({ path: e.column, message: e.message, key: e.key })]);
  }
  for (const u of unresolved) results[u.row - 1] = rejected(u.waybillNo, [issue({ path: "address", message: u.reason, key: u.reasonKey })]);

  const known = await existingOf(
    db,
    caller,
    good.map((g) => g.waybillNo),
  );
  const fresh: ManifestRow[] = [];
  for (const g of good) {
    const k = known.get(g.waybillNo);
    if (!k) fresh.push(g);
    else
      results[g.row - 1] =
        k.countyCode === caller.countyCode
          ? { waybillNo: g.waybillNo, outcome: "EXISTS", xdWaybillNo: k.waybillNo }
          : alreadyElsewhere(g.waybillNo);
  }
  const { rows, ids, parentIds } = linkParents(fresh, parsed, known, results);
  if (rows.length) await createParcels(db, { caller, now, hubId: hub.id, rows, ids, parentIds, places, results });
  return { results: results.map((r, i) => r ?? rejected(rawWaybill(input.parcels[i]), [])) };
}

/// The waybill number a row names, whatever else is wrong with it (echoed in its result).
function rawWaybill(raw: unknown): string {
  const wb = raw && typeof raw === "object" ? (raw as { waybillNo?: unknown }).waybillNo : undefined;
  return typeof wb === "string" ? wb : "";
}

function tableValues(p: TPreAdviceParcel): Record<string, string> {
  return {
    waybillNo: p.waybillNo,
    recipientName: p.recipientName,
    recipientPhone: p.recipientPhone,
    address: p.address ?? "",
    villageCode: p.villageCode ?? "",
    weightG: String(p.weightG),
    temp: p.temp ?? "",
    contentsCategory: p.contentsCategory ?? "",
    declaredValueFen: p.declaredValueFen === undefined ? "" : String(p.declaredValueFen),
  };
}

/// The caller's parcels already known by these numbers (any county, for a carrier: its numbers are its own).
async function existingOf(db: Db, caller: ApiCaller, waybills: string[]) {
  if (!waybills.length) return new Map<string, { id: string; waybillNo: string; countyCode: string; parentId: string | null }>();
  const rows = await db.shipment.findMany({
    where: { ...ownedBy(caller), carrierWaybillNo: { in: waybills } },
    select: { id: true, waybillNo: true, countyCode: true, parentId: true, carrierWaybillNo: true },
  });
  return new Map(rows.map((r) => [r.carrierWaybillNo!, r]));
}

/// The carrier's number is taken by its parcel in another county: not this county's to report on.
const alreadyElsewhere = (waybillNo: string): Result =>
  rejected(waybillNo, [issue({ path: "waybillNo", message: errorText("ALREADY_EXISTS", {}), key: "ALREADY_EXISTS" })]);

/// Each parent piece (子母件) named in this call or known before, itself not a child; a child whose parent is rejected is
/// rejected too. Returns the rows to create with their new ids and parents' ids.
function linkParents(
  fresh: ManifestRow[],
  parsed: Map<number, TPreAdviceParcel>,
  known: Map<string, { id: string; parentId: string | null }>,
  results: (Result | null)[],
) {
  const idOf = new Map(fresh.map((g) => [g.waybillNo, randomUUID()]));
  const parentOf = (g: ManifestRow) => parsed.get(g.row - 1)?.parentWaybillNo;
  const bad = new Map<string, FieldIssue>();
  for (const g of fresh) {
    const parent = parentOf(g);
    if (!parent) continue;
    const inCall = fresh.find((f) => f.waybillNo === parent);
    const before = known.get(parent);
    const key =
      !inCall && !before ? "PARENT_PIECE_UNKNOWN" : (inCall ? parentOf(inCall) : before?.parentId) ? "PARENT_PIECE_IS_CHILD" : null;
    if (key) bad.set(g.waybillNo, { path: "parentWaybillNo", message: errorText(key, { waybill: parent }), key });
  }
  const rows = fresh.filter((g) => !bad.has(g.waybillNo) && !bad.has(parentOf(g) ?? ""));
  for (const g of fresh)
    if (!rows.includes(g)) {
      const why = bad.get(g.waybillNo) ?? {
        path: "parentWaybillNo",
        message: errorText("PARENT_PIECE_UNKNOWN", { waybill: parentOf(g)! }),
        key: "PARENT_PIECE_UNKNOWN" as const,
      };
      results[g.row - 1] = rejected(g.waybillNo, [issue(why)]);
    }
  const ids = rows.map((g) => idOf.get(g.waybillNo)!);
  const parentIds = rows.map((g) => {
    const p = parentOf(g);
    return p ? (idOf.get(p) ?? known.get(p)?.id ?? null) : null;
  });
  return { rows, ids, parentIds };
}

/// The parcels, their legs and PRE_ADVISED entries in one transaction. A parcel another call created meanwhile (same
/// number) is skipped by the unique index and answered EXISTS with that call's number.
async function createParcels(
  db: Db,
  p: {
    caller: ApiCaller;
    now: Date;
    hubId: string;
    rows: ManifestRow[];
    ids: string[];
    parentIds: (string | null)[];
    places: Awaited<ReturnType<typeof readManifestPlaces>>;
    results: (Result | null)[];
  },
) {
  const routing = await loadRouting(db, p.caller.countyCode);
  const waybills = await nextWaybills(db, p.rows.length);
  const built = buildShipments(p.rows, {
    countyCode: p.caller.countyCode,
    now: p.now,
    actorId: null,
    carrierId: p.caller.carrierId,
    manifestId: null,
    entryId: p.hubId,
    station: null,
    routing,
    waybills,
    areaSet: p.places.areaSet,
    pointByArea: p.places.pointByArea,
    stationByTownship: p.places.stationByTownship,
    preAdvice: { clientId: p.caller.clientId, ids: p.ids, parentIds: p.parentIds },
  });
  const created = await db.$transaction(
    async (tx) => {
      const made = await tx.shipment.createManyAndReturn({ data: built.shipments, skipDuplicates: true, select: { id: true } });
      const ids = new Set(made.map((m) => m.id));
      const mine = <T extends { shipmentId: string }>(rows: T[]) => rows.filter((r) => ids.has(r.shipmentId));
      await tx.shipmentLeg.createMany({ data: mine(built.legs as (Prisma.ShipmentLegCreateManyInput & { shipmentId: string })[]) });
      await tx.shipmentEvent.createMany({ data: mine(built.events as (Prisma.ShipmentEventCreateManyInput & { shipmentId: string })[]) });
      if (ids.size) await writeOutbox(tx, rollupOutboxEvent(p.caller.countyCode, new Date()));
      return ids;
    },
    { timeout: 60_000 },
  );
  const lost = p.rows.filter((_, i) => !created.has(p.ids[i]!));
  const winners = await existingOf(
    db,
    p.caller,
    lost.map((g) => g.waybillNo),
  );
  p.rows.forEach((g, i) => {
    const won = winners.get(g.waybillNo);
    p.results[g.row - 1] = created.has(p.ids[i]!)
      ? { waybillNo: g.waybillNo, outcome: "CREATED", xdWaybillNo: built.shipments[i]!.waybillNo }
      : won && won.countyCode === p.caller.countyCode
        ? { waybillNo: g.waybillNo, outcome: "EXISTS", xdWaybillNo: won.waybillNo }
        : alreadyElsewhere(g.waybillNo);
  });
}
