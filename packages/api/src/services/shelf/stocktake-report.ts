// What a stocktake found, against the shelf as it is now: parcels on the shelf not scanned (missing), scanned on
// another slot than the recorded one (misplaced), and scanned codes that are not on this shelf (extra); a parcel's
// latest scan counts. Fixes already made drop their findings (a missing parcel reported leaves the shelf; an extra
// acknowledged is not listed again), and the fixes are listed with who made them.
import type { Db } from "@xiangda/db";
import { stocktakeOf, type StocktakeNode } from "./stocktake.ts";

export async function loadFindings(db: Db, { node, stocktakeId }: { node: StocktakeNode; stocktakeId: string }) {
  const st = await stocktakeOf(db, node, stocktakeId);
  const [shelf, scans, fixes] = await Promise.all([
    db.shipment.findMany({
      where: { currentNodeId: node.id, status: "AWAITING_PICKUP", shelfSlot: { not: null } },
      select: { id: true, waybillNo: true, carrierWaybillNo: true, shelfSlot: true, recipientName: true },
      orderBy: { shelfSlot: "asc" },
    }),
    db.stocktakeScan.findMany({ where: { stocktakeId: st.id }, orderBy: [{ scannedAt: "asc" }, { id: "asc" }] }),
    db.stocktakeFix.findMany({ where: { stocktakeId: st.id }, orderBy: { at: "asc" } }),
  ]);
  // Latest scan per parcel (or per code, for codes that name no parcel).
  const latest = new Map<string, (typeof scans)[number]>();
  for (const s of scans) latest.set(s.shipmentId ?? `code:${s.code}`, s);
  const onShelf = new Set(shelf.map((p) => p.id));

  const ok: string[] = [];
  const missing: { waybillNo: string; carrierWaybillNo: string | null; slot: string; recipientName: string }[] = [];
  const misplaced: { waybillNo: string; carrierWaybillNo: string | null; slot: string; scannedSlot: string; recipientName: string }[] = [];
  for (const p of shelf) {
    const s = latest.get(p.id);
    const base = { waybillNo: p.waybillNo, carrierWaybillNo: p.carrierWaybillNo, slot: p.shelfSlot!, recipientName: p.recipientName };
    if (!s) missing.push(base);
    else if (s.slot !== p.shelfSlot) misplaced.push({ ...base, scannedSlot: s.slot });
    else ok.push(p.waybillNo);
  }

  const acknowledged = new Set(fixes.filter((f) => f.kind === "EXTRA").map((f) => f.shipmentId ?? `code:${f.code}`));
  const extraScans = [...latest.entries()].filter(([key, s]) => !(s.shipmentId && onShelf.has(s.shipmentId)) && !acknowledged.has(key));
  const parcels = new Map(
    (
      await db.shipment.findMany({
        where: { id: { in: extraScans.map(([, s]) => s.shipmentId).filter((x): x is string => !!x) } },
        select: { id: true, waybillNo: true, status: true, currentNodeId: true, destNodeId: true },
      })
    ).map((p) => [p.id, p]),
  );
  const extra = extraScans.map(([, s]) => {
    const p = s.shipmentId ? parcels.get(s.shipmentId) : undefined;
    // Station staff learn a parcel's state only when it concerns their node (as with refused scans).
    const concerns = !!p && (p.currentNodeId === node.id || p.destNodeId === node.id);
    return {
      code: s.code,
      slot: s.slot,
      waybillNo: concerns ? p.waybillNo : null,
      kind: !p ? ("UNKNOWN" as const) : concerns ? ("NOT_ON_SHELF" as const) : ("NOT_HERE" as const),
      status: concerns ? p.status : null,
    };
  });

  const users = new Map(
    (
      await db.user.findMany({
        where: { id: { in: [...new Set(fixes.map((f) => f.userId).filter((x): x is string => !!x))] } },
        select: { id: true, displayName: true },
      })
    ).map((u) => [u.id, u.displayName]),
  );
  return {
    stocktake: { id: st.id, status: st.status, startedAt: st.startedAt.toISOString(), closedAt: st.closedAt?.toISOString() ?? null },
    counts: {
      onShelf: shelf.length,
      scans: scans.length,
      ok: ok.length,
      missing: missing.length,
      misplaced: misplaced.length,
      extra: extra.length,
    },
    missing,
    misplaced,
    extra,
    recent: scans
      .slice(-20)
      .reverse()
      .map((s) => ({ slot: s.slot, code: s.code, at: s.scannedAt.toISOString() })),
    fixes: fixes.map((f) => ({
      kind: f.kind,
      code: f.code,
      fromSlot: f.fromSlot,
      toSlot: f.toSlot,
      at: f.at.toISOString(),
      by: f.userId ? (users.get(f.userId) ?? null) : null,
      result: f.result as Record<string, unknown>,
    })),
  };
}
