// Fixes from a stocktake's findings, each stored with who made it (and audited as every mutation is): MOVE a misplaced
// parcel's recorded slot to the slot it was found on (two parcels found on each other's slots swap); MISSING reports a
// parcel not found as an exception through the scan service (EXCEPTION scan); EXTRA acknowledges a scanned code that is
// not on this shelf. The client's id makes each fix idempotent: a resent fix answers the stored result.
import type { Db, Prisma } from "@xiangda/db";
import { AppError, type Actor } from "@xiangda/domain";
import { recordScan } from "../scan/record-scan.ts";
import { allSlots } from "../scan/shelf.ts";
import { derivedId } from "./derived-id.ts";
import type { TStocktakeFix } from "./schemas.ts";
import { openStocktakeOf, type StocktakeNode } from "./stocktake.ts";
import { loadFindings } from "./stocktake-report.ts";

export const MISSING_REASON = "盘库未找到";

const refuse = (code: "NOT_FOUND" | "CONFLICT", reason: string, message: string, params: Record<string, string | number> = {}) =>
  new AppError(code, message, { details: { reason, params } });

type FixNode = StocktakeNode & { shelfZones: string; shelfRacks: number; shelfPositions: number };

export async function fixStocktake(db: Db, { actor, node, now, ...input }: { actor: Actor; node: FixNode; now: Date } & TStocktakeFix) {
  const prior = await db.stocktakeFix.findUnique({ where: { id: input.clientId } });
  if (prior) {
    if (prior.stocktakeId !== input.stocktakeId) throw AppError.at("clientId", "ALREADY_USED");
    return { kind: prior.kind, code: prior.code, result: prior.result as Record<string, unknown>, duplicate: true };
  }
  const st = await openStocktakeOf(db, node, input.stocktakeId);
  const f = await loadFindings(db, { node, stocktakeId: st.id });
  const code = input.code.trim();
  const same = (x: { waybillNo: string | null; carrierWaybillNo?: string | null; code?: string }) =>
    x.waybillNo === code.toUpperCase() || (!!x.carrierWaybillNo && x.carrierWaybillNo === code) || x.code === code;
  const record = async (row: Omit<Prisma.StocktakeFixCreateManyInput, "id" | "stocktakeId" | "userId" | "at">) => {
    await db.stocktakeFix.createMany({
      data: [{ ...row, id: input.clientId, stocktakeId: st.id, userId: actor.userId, at: now }],
      skipDuplicates: true,
    });
    const stored = await db.stocktakeFix.findUniqueOrThrow({ where: { id: input.clientId } });
    return { kind: stored.kind, code: stored.code, result: stored.result as Record<string, unknown>, duplicate: false };
  };

  if (input.kind === "MOVE") {
    const m = f.misplaced.find(same);
    if (!m) throw refuse("NOT_FOUND", "NOT_MISPLACED", `${code} is not on a wrong slot in this stocktake`, { code });
    if (!allSlots(node.shelfZones, node.shelfRacks, node.shelfPositions).includes(m.scannedSlot))
      throw refuse("CONFLICT", "NO_SUCH_SLOT", `${m.scannedSlot} is not a slot of this node`, { slot: m.scannedSlot });
    const moving = db.$transaction(async (tx) => {
      // The fix row first: a racing resend of the same fix waits on its key, then finds it stored.
      await tx.stocktakeFix.create({
        data: {
          id: input.clientId,
          stocktakeId: st.id,
          kind: "MOVE",
          code,
          fromSlot: m.slot,
          toSlot: m.scannedSlot,
          userId: actor.userId,
          at: now,
          result: {},
        },
      });
      const parcel = await tx.shipment.findUniqueOrThrow({ where: { waybillNo: m.waybillNo }, select: { id: true } });
      const holder = await tx.shipment.findFirst({
        where: { currentNodeId: node.id, status: "AWAITING_PICKUP", shelfSlot: m.scannedSlot },
        select: { id: true, waybillNo: true },
      });
      // The slot's recorded parcel was itself found on this parcel's slot: the two swap. Any other holder blocks.
      const swap = holder ? f.misplaced.find((x) => x.waybillNo === holder.waybillNo && x.scannedSlot === m.slot) : undefined;
      if (holder && !swap)
        throw refuse("CONFLICT", "SLOT_TAKEN", `${m.scannedSlot} holds ${holder.waybillNo} by the records`, {
          slot: m.scannedSlot,
          waybillNo: holder.waybillNo,
        });
      await tx.shipment.update({ where: { id: parcel.id }, data: { shelfSlot: null } });
      if (holder) await tx.shipment.update({ where: { id: holder.id }, data: { shelfSlot: m.slot } });
      await tx.shipment.update({ where: { id: parcel.id }, data: { shelfSlot: m.scannedSlot } });
      const moved = [
        { shipmentId: parcel.id, from: m.slot, to: m.scannedSlot },
        ...(holder ? [{ shipmentId: holder.id, from: m.scannedSlot, to: m.slot }] : []),
      ];
      await tx.shipmentEvent.createMany({
        data: moved.map((x) => ({
          shipmentId: x.shipmentId,
          at: now,
          type: "SHELF_MOVED",
          nodeId: node.id,
          actorId: actor.userId,
          details: { from: x.from, to: x.to },
        })),
      });
      const result = { waybillNo: m.waybillNo, from: m.slot, to: m.scannedSlot, swappedWith: holder?.waybillNo ?? null };
      await tx.stocktakeFix.update({ where: { id: input.clientId }, data: { result } });
      return { kind: "MOVE", code, result: result, duplicate: false };
    });
    try {
      return await moving;
    } catch (e) {
      const stored = (e as { code?: string }).code === "P2002" ? await db.stocktakeFix.findUnique({ where: { id: input.clientId } }) : null;
      if (!stored) throw e;
      return { kind: stored.kind, code: stored.code, result: stored.result as Record<string, unknown>, duplicate: true };
    }
  }

  if (input.kind === "MISSING") {
    const m = f.missing.find(same);
    if (!m) throw refuse("NOT_FOUND", "NOT_MISSING", `${code} is not missing in this stocktake`, { code });
    const scan = await recordScan(db, {
      actor,
      now,
      clientScanId: derivedId(input.clientId, "exception"),
      code: m.waybillNo,
      action: "EXCEPTION",
      nodeId: node.id,
      at: now.toISOString(),
      exceptionReason: MISSING_REASON,
    });
    if (scan.outcome !== "OK")
      throw refuse("CONFLICT", "SCAN_REFUSED", `The exception was refused: ${scan.message}`, { code: m.waybillNo, outcome: scan.outcome });
    return record({
      kind: "MISSING",
      code,
      shipmentId: null,
      fromSlot: m.slot,
      toSlot: null,
      result: { waybillNo: m.waybillNo, outcome: scan.outcome, status: scan.shipment?.status ?? null },
    });
  }

  const x = f.extra.find((e) => e.code === code || e.waybillNo === code.toUpperCase());
  if (!x) throw refuse("NOT_FOUND", "NOT_EXTRA", `${code} is not an extra code in this stocktake`, { code });
  const scanned = await db.stocktakeScan.findFirst({ where: { stocktakeId: st.id, code: x.code }, select: { shipmentId: true } });
  return record({
    kind: "EXTRA",
    code: x.code,
    shipmentId: scanned?.shipmentId ?? null,
    fromSlot: x.slot,
    toSlot: null,
    result: { code: x.code, slot: x.slot, kind: x.kind },
  });
}
