// Which requested numbers (ours or the carrier's) the caller may print labels for, and which are refused.
import type { Db } from "@xiangda/db";
import type { Actor } from "@xiangda/domain";

/// One reason for "no such number" and "not yours": never confirm another scope's parcels.
export type TLabelRefusal = { requested: string; reason: "NOT_FOUND_OR_NOT_YOURS" };
export type TLabelResolution = {
  printable: Array<{ requested: string; waybillNo: string; id: string }>;
  refused: TLabelRefusal[];
};

/// Normalises a comma-separated list: trimmed, upper-cased, de-duplicated, order kept.
export function parseLabelNumbers(raw: string | undefined): string[] {
  return [
    ...new Set(
      (raw ?? "")
        .split(",")
        .map((w) => w.trim().toUpperCase())
        .filter(Boolean),
    ),
  ];
}

export async function resolveLabelNumbers(db: Db, { actor, requested }: { actor: Actor; requested: string[] }): Promise<TLabelResolution> {
  const ships = await db.shipment.findMany({
    where: { OR: [{ waybillNo: { in: requested } }, { carrierWaybillNo: { in: requested } }] },
    select: {
      id: true,
      waybillNo: true,
      carrierWaybillNo: true,
      countyCode: true,
      originNodeId: true,
      currentNodeId: true,
      destNodeId: true,
    },
    orderBy: { createdAt: "desc" },
  });
  const mayPrint = (s: (typeof ships)[number]) =>
    actor.role === "ADMIN" ||
    (actor.role === "COUNTY_MANAGER" && actor.countyCode === s.countyCode) ||
    (actor.role === "STATION_STAFF" && !!actor.nodeId && [s.originNodeId, s.currentNodeId, s.destNodeId].includes(actor.nodeId));
  const printable: TLabelResolution["printable"] = [];
  const refused: TLabelRefusal[] = [];
  const seen = new Set<string>();
  for (const n of requested) {
    // Our number first; a carrier's number (unique per carrier) may match one parcel per carrier.
    const own = ships.filter((s) => s.waybillNo === n && mayPrint(s));
    const hits = own.length ? own : ships.filter((s) => s.carrierWaybillNo?.toUpperCase() === n && mayPrint(s));
    if (hits.length === 0) refused.push({ requested: n, reason: "NOT_FOUND_OR_NOT_YOURS" });
    for (const s of hits) {
      if (seen.has(s.id)) continue;
      seen.add(s.id);
      printable.push({ requested: n, waybillNo: s.waybillNo, id: s.id });
    }
  }
  return { printable, refused };
}
