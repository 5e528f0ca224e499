// A load's barcode stands for every parcel in it: the scan expands into one scan per parcel, is answered with a summary
// of theirs, and the load follows its parcels (departed, arrived).
import { createHash } from "node:crypto";
import { qb, runQuery, type PgPool } from "@xiangda/db";
import { looksLikeLoadCode, scanMessage, type Actor, type TScanOutcome, type TScanParams, type TScanReason } from "@xiangda/domain";
import { countyInScope } from "../auth/scope.ts";
import type { WorkScan } from "./batch-rows.ts";
import type { TScan } from "./schemas.ts";
import { why, type ScanResult } from "./scan-result.ts";

export interface LoadHeader {
  loadId: string;
  code: string;
  toNodeId: string | null;
  nodeId: string;
  /// How many parcel scans follow it in the work list.
  children: number;
  refused: { reason: TScanReason; params: TScanParams } | null;
}

/// The same load scan always expands to the same parcel scan ids (a retry replays them).
function childScanId(parent: string, waybillNo: string): string {
  const h = createHash("sha1").update(`${parent}/${waybillNo}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

/// The work list: the scans sent, each load scan followed by a scan of each of its parcels; `top` is where each scan
/// sent sits in it, `headers` the load scans by position.
export async function expandLoadScans(c: PgPool, actor: Actor, input: TScan[], mayTry: (s: TScan) => boolean) {
  const scans: WorkScan[] = [];
  const codes = [...new Set(input.filter((s) => mayTry(s) && looksLikeLoadCode(s.code)).map((s) => s.code.trim().toUpperCase()))];
  const top = input.map((_, i) => i);
  const headers = new Map<number, LoadHeader>();
  if (!codes.length) return { scans: input as WorkScan[], top, headers };
  const rows = (
    await runQuery(
      c,
      qb
        .selectFrom("Load as l")
        .leftJoin("LoadItem as i", (j) => j.onRef("i.loadId", "=", "l.id").on("i.status", "=", "ASSIGNED"))
        .leftJoin("Shipment as s", "s.id", "i.shipmentId")
        .leftJoin("LoadVehicle as lv", "lv.id", "i.loadVehicleId")
        .select(["l.id as loadId", "l.code", "l.countyCode", "l.nodeId", "l.toNodeId", "s.waybillNo", "lv.vehicleId"])
        .where("l.code", "=", (eb) => eb.fn.any(eb.val(codes)))
        .orderBy("l.code")
        .orderBy("s.waybillNo"),
    )
  ).filter((r) => countyInScope(actor, r.countyCode));
  input.forEach((sent, k) => {
    top[k] = scans.length;
    let s: WorkScan = sent;
    scans.push(s);
    const code = s.code.trim().toUpperCase();
    // A load is scanned where it leaves from or where it goes to, by anyone (a manager too): its parcels are nowhere
    // else. Elsewhere its code is not expanded, and find() answers LOAD_NOT_HERE with none of its contents.
    const mine =
      mayTry(s) && looksLikeLoadCode(code) ? rows.filter((r) => r.code === code && (r.nodeId === s.nodeId || r.toNodeId === s.nodeId)) : [];
    if (!mine.length) return;
    const first = mine[0]!;
    // No action sent: a load leaving from here is loaded (onto the vehicle set, or each parcel's planned one), a load
    // coming here arrives.
    if (!s.action) {
      s = { ...s, action: mine.some((r) => r.nodeId === s.nodeId) ? "LOAD" : "ARRIVE", inferred: true };
      scans[scans.length - 1] = s;
    }
    const act = s.action!;
    const vehicles = new Set(mine.map((r) => r.vehicleId).filter(Boolean));
    let refused: LoadHeader["refused"] = null;
    if (act === "LOAD" && s.vehicleId && vehicles.size && !vehicles.has(s.vehicleId))
      refused = { reason: "VEHICLE_NOT_ON_LOAD", params: { load: code } };
    if (!["LOAD", "DEPART", "ARRIVE", "HANDOVER"].includes(act)) refused = { reason: "LOAD_ACTION", params: { action: act.toLowerCase() } };
    const items = refused
      ? []
      : mine.filter((r) => r.waybillNo && (act !== "LOAD" || !s.vehicleId || !vehicles.size || r.vehicleId === s.vehicleId));
    headers.set(scans.length - 1, {
      loadId: first.loadId,
      code,
      toNodeId: first.toNodeId,
      nodeId: first.nodeId,
      children: items.length,
      refused,
    });
    for (const r of items) {
      const vehicleId = act === "LOAD" ? (s.vehicleId ?? r.vehicleId ?? undefined) : s.vehicleId;
      scans.push({
        ...s,
        clientScanId: childScanId(s.clientScanId, r.waybillNo!),
        code: r.waybillNo!,
        ...(vehicleId ? { vehicleId } : {}),
      });
    }
  });
  return { scans, top, headers };
}

export function summarizeLoadScan(
  s: WorkScan,
  h: LoadHeader,
  children: (ScanResult | undefined)[],
  next: { code: string; name: string } | null,
): ScanResult {
  const action = s.action!;
  const base = {
    clientScanId: s.clientScanId,
    action,
    inferred: !!s.inferred,
    shipment: null,
    nextHop: next,
    expected: null,
    shelfSlot: null,
    warning: null,
  };
  if (h.refused) return { ...base, outcome: "INVALID_TRANSITION", ...why(h.refused.reason, h.refused.params) };
  if (!children.length) return { ...base, outcome: "INVALID_TRANSITION", ...why("LOAD_EMPTY", { load: h.code }) };
  const count = new Map<string, number>();
  for (const r of children) count.set(r!.outcome, (count.get(r!.outcome) ?? 0) + 1);
  const ok = count.get("OK") ?? 0;
  const dup = count.get("DUPLICATE") ?? 0;
  const other = children.length - ok - dup;
  const outcome: TScanOutcome = ok + dup === children.length ? (ok ? "OK" : "DUPLICATE") : "INVALID_TRANSITION";
  const firstRefusal = children.find((r) => r!.outcome !== "OK" && r!.outcome !== "DUPLICATE");
  const params: TScanParams = { load: h.code, n: children.length, ok, action: action.toLowerCase() };
  if (dup) params.dup = dup;
  if (other) Object.assign(params, { refused: other, first: firstRefusal!.shipment?.waybillNo ?? "", firstMessage: firstRefusal!.message });
  // The first refusal's own reason, for clients to translate, when it needs no parameters of its own.
  if (firstRefusal?.reason && !firstRefusal.params) params.firstReason = firstRefusal.reason;
  const message = `${scanMessage("LOAD_SUMMARY", params)}${dup ? `, ${dup} already` : ""}${other ? `, ${other} refused (${params.first}: ${firstRefusal!.message})` : ""}`;
  return { ...base, outcome, reason: "LOAD_SUMMARY", params, message };
}

/// A load follows its parcels: departed when scanned out at its node, arrived at its destination.
export async function markLoads(c: PgPool, scans: TScan[], headers: Map<number, LoadHeader>, results: (ScanResult | undefined)[]) {
  for (const [i, h] of headers) {
    const s = scans[i]!;
    // Moved when any of its parcels moved (the others are refused with their reasons).
    if (!results.slice(i + 1, i + 1 + h.children).some((r) => r?.outcome === "OK" || r?.outcome === "DUPLICATE")) continue;
    if ((s.action === "DEPART" || s.action === "HANDOVER") && s.nodeId === h.nodeId) {
      await c.query(
        `UPDATE "Load" SET status = 'DEPARTED', "departedAt" = coalesce("departedAt", $2), "updatedAt" = now() WHERE id = $1 AND status IN ('OPEN', 'SEALED', 'PLANNED')`,
        [h.loadId, new Date(s.at)],
      );
    } else if (s.action === "ARRIVE" && (s.nodeId === h.toNodeId || (!h.toNodeId && s.nodeId === h.nodeId))) {
      await c.query(
        `UPDATE "Load" SET status = 'ARRIVED', "arrivedAt" = coalesce("arrivedAt", $2), "updatedAt" = now() WHERE id = $1 AND status <> 'ARRIVED'`,
        [h.loadId, new Date(s.at)],
      );
    }
  }
}
