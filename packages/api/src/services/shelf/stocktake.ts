// 盘库: a stocktake of a node's pickup shelves, started once per node (a second device joins the open one), scanned
// into from any number of devices (each scan stored once by its client id), then closed.
import type { Db, Node } from "@xiangda/db";
import { AppError, type Actor } from "@xiangda/domain";
import type { TStocktakeScan } from "./schemas.ts";

export type StocktakeNode = Pick<Node, "id" | "countyCode">;

const isUnique = (e: unknown) => (e as { code?: string }).code === "P2002";

const view = (s: { id: string; status: string; startedAt: Date; closedAt: Date | null }) => ({
  id: s.id,
  status: s.status as "OPEN" | "CLOSED",
  startedAt: s.startedAt.toISOString(),
  closedAt: s.closedAt?.toISOString() ?? null,
});

/// The stocktake of this node with that id; another node's is not found (same answer as none).
export async function stocktakeOf(db: Db, node: StocktakeNode, stocktakeId: string) {
  const s = await db.stocktake.findUnique({ where: { id: stocktakeId } });
  if (!s || s.nodeId !== node.id)
    throw new AppError("NOT_FOUND", "No such stocktake at this node", { details: { reason: "STOCKTAKE_NOT_FOUND", params: {} } });
  return s;
}

export async function openStocktakeOf(db: Db, node: StocktakeNode, stocktakeId: string) {
  const s = await stocktakeOf(db, node, stocktakeId);
  if (s.status !== "OPEN")
    throw new AppError("CONFLICT", "This stocktake is closed", { details: { reason: "STOCKTAKE_CLOSED", params: {} } });
  return s;
}

/// The node's open stocktake, or else its latest.
export async function currentStocktake(db: Db, node: StocktakeNode) {
  const s =
    (await db.stocktake.findFirst({ where: { nodeId: node.id, status: "OPEN" } })) ??
    (await db.stocktake.findFirst({ where: { nodeId: node.id }, orderBy: { startedAt: "desc" } }));
  return { stocktake: s ? view(s) : null };
}

/// Starts a stocktake, or joins the node's open one. The same client id always answers the same stocktake.
export async function startStocktake(
  db: Db,
  { actor, node, clientId, now }: { actor: Actor; node: StocktakeNode; clientId: string; now: Date },
) {
  for (let attempt = 0; ; attempt++) {
    const mine = await db.stocktake.findUnique({ where: { id: clientId } });
    if (mine) {
      if (mine.nodeId !== node.id) throw AppError.at("clientId", "ALREADY_USED");
      return { stocktake: view(mine), joined: false };
    }
    const open = await db.stocktake.findFirst({ where: { nodeId: node.id, status: "OPEN" } });
    if (open) return { stocktake: view(open), joined: true };
    try {
      const s = await db.stocktake.create({
        data: { id: clientId, nodeId: node.id, countyCode: node.countyCode, startedById: actor.userId, startedAt: now },
      });
      return { stocktake: view(s), joined: false };
    } catch (e) {
      // Another device started one at the same moment (one open per node), or this request raced its own resend.
      if (!isUnique(e) || attempt >= 2) throw e;
    }
  }
}

/// Records a parcel seen on a slot, and says at once whether that is where the shelf has it.
export async function scanStocktake(
  db: Db,
  { actor, node, now, ...input }: { actor: Actor; node: StocktakeNode; now: Date } & TStocktakeScan,
) {
  const st = await stocktakeOf(db, node, input.stocktakeId);
  const prior = await db.stocktakeScan.findUnique({ where: { id: input.clientId } });
  if (prior && prior.stocktakeId !== st.id) throw AppError.at("clientId", "ALREADY_USED");
  if (!prior && st.status !== "OPEN")
    throw new AppError("CONFLICT", "This stocktake is closed", { details: { reason: "STOCKTAKE_CLOSED", params: {} } });
  const code = input.code.trim();
  const parcel = await db.shipment.findFirst({
    where: { countyCode: node.countyCode, OR: [{ waybillNo: code.toUpperCase() }, { carrierWaybillNo: code }] },
    select: { id: true, waybillNo: true, status: true, currentNodeId: true, shelfSlot: true },
  });
  if (!prior) {
    await db.stocktakeScan.createMany({
      data: [
        {
          id: input.clientId,
          stocktakeId: st.id,
          slot: input.slot,
          code,
          shipmentId: parcel?.id ?? null,
          userId: actor.userId,
          scannedAt: now,
        },
      ],
      skipDuplicates: true,
    });
  }
  const slot = prior?.slot ?? input.slot;
  const onShelf = parcel && parcel.currentNodeId === node.id && parcel.status === "AWAITING_PICKUP";
  return {
    slot,
    code,
    waybillNo: onShelf ? parcel.waybillNo : null,
    verdict: !onShelf ? ("EXTRA" as const) : parcel.shelfSlot === slot ? ("OK" as const) : ("WRONG_SLOT" as const),
    recordedSlot: onShelf ? parcel.shelfSlot : null,
  };
}

export async function closeStocktake(
  db: Db,
  { actor, node, stocktakeId, now }: { actor: Actor; node: StocktakeNode; stocktakeId: string; now: Date },
) {
  const st = await stocktakeOf(db, node, stocktakeId);
  if (st.status === "OPEN")
    await db.stocktake.updateMany({
      where: { id: st.id, status: "OPEN" },
      data: { status: "CLOSED", closedAt: now, closedById: actor.userId },
    });
  return { stocktake: view(await db.stocktake.findUniqueOrThrow({ where: { id: st.id } })) };
}
