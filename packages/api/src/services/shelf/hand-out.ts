// 批量出库: one person's parcels handed out at once. The person proves who they are once, as the node's pickup check
// allows (a pickup code of one of the parcels; where allowed the phone's last four digits or an ID check by the staff); each parcel then leaves by a PICKUP scan through the scan service, so
// events, legs and roll-ups are those of any pickup. Each scan's id derives from the request's client id: a resent
// request replays the stored results and hands nothing out twice.
import type { Db } from "@xiangda/db";
import { AppError, type Actor } from "@xiangda/domain";
import { recordScanBatch } from "../scan/record-scan.ts";
import { derivedId } from "./derived-id.ts";
import { pickupCheckOf } from "./list-shelf.ts";
import type { THandOut } from "./schemas.ts";

const refuse = (
  code: "NOT_FOUND" | "INVALID_INPUT" | "INVALID_TRANSITION",
  reason: string,
  message: string,
  params: Record<string, string | number> = {},
) => new AppError(code, message, { details: { reason, params } });

export async function handOut(db: Db, { actor, node, now, ...input }: { actor: Actor; node: { id: string }; now: Date } & THandOut) {
  const check = pickupCheckOf(node);
  const v = input.verify;
  if (("phoneLast4" in v && check === "CODE") || ("idChecked" in v && check !== "CODE_PHONE_OR_ID"))
    throw refuse("INVALID_INPUT", "CHECK_NOT_ALLOWED", `This node's pickup check (${check}) does not take that proof`, { check });
  const codes = [...new Set(input.waybillNos.map((c) => c.trim()))];
  const rows = await db.shipment.findMany({
    where: { currentNodeId: node.id, OR: [{ waybillNo: { in: codes.map((c) => c.toUpperCase()) } }, { carrierWaybillNo: { in: codes } }] },
    select: { id: true, waybillNo: true, carrierWaybillNo: true, status: true, recipientPhone: true, pickupCode: true },
  });
  const byCode = new Map<string, (typeof rows)[number]>();
  for (const r of rows) {
    byCode.set(r.waybillNo, r);
    if (r.carrierWaybillNo) byCode.set(r.carrierWaybillNo, r);
  }
  const parcels: typeof rows = [];
  for (const c of codes) {
    const r = byCode.get(c.toUpperCase()) ?? byCode.get(c);
    if (!r) throw refuse("NOT_FOUND", "NOT_ON_SHELF", `${c} is not on this node's shelf`, { code: c });
    if (!parcels.includes(r)) parcels.push(r);
  }
  const scanIds = new Map(parcels.map((p) => [p.id, derivedId(input.clientId, p.id)]));
  const stored = new Set(
    (await db.scanEvent.findMany({ where: { clientScanId: { in: [...scanIds.values()] } }, select: { clientScanId: true } })).map(
      (s) => s.clientScanId,
    ),
  );
  const pending = parcels.filter((p) => !stored.has(scanIds.get(p.id)!));
  for (const p of pending)
    if (p.status !== "AWAITING_PICKUP")
      throw refuse("NOT_FOUND", "NOT_ON_SHELF", `${p.waybillNo} is not on this node's shelf`, { code: p.waybillNo });
  if (new Set(parcels.map((p) => p.recipientPhone)).size > 1)
    throw refuse("INVALID_INPUT", "SEVERAL_RECIPIENTS", "The parcels are for different people: hand them out separately");
  if (pending.length) {
    const ok =
      "pickupCode" in v
        ? parcels.some((p) => p.pickupCode === v.pickupCode)
        : "phoneLast4" in v
          ? pending[0]!.recipientPhone.endsWith(v.phoneLast4)
          : v.idChecked;
    if (!ok) throw refuse("INVALID_TRANSITION", "WRONG_VERIFICATION", "Wrong pickup code or phone digits");
  }
  const at = now.toISOString();
  const results = await recordScanBatch(db, {
    actor,
    scans: parcels.map((p) => ({
      clientScanId: scanIds.get(p.id)!,
      code: p.waybillNo,
      action: "PICKUP" as const,
      nodeId: node.id,
      at,
      // Verified above, once for all: each parcel's scan carries its own code.
      ...(p.pickupCode ? { pickupCode: p.pickupCode } : { phoneLast4: p.recipientPhone.slice(-4) }),
    })),
    now,
  });
  return {
    handedOut: results.filter((r) => r.outcome === "OK").length,
    results: results.map((r, i) => ({
      waybillNo: parcels[i]!.waybillNo,
      outcome: r.outcome,
      reason: r.reason,
      params: r.params,
      message: r.message,
    })),
  };
}
