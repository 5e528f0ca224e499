// The exception queue against real PostgreSQL on the scan tests' network: which parcels it lists and why, each action
// (call, notify, re-plan, return to sender, mark lost) with its effect, its record (who did what when) and its audit
// row, idempotency by client request id, and scope (a manager their own county, ADMIN all, station staff none).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@xiangda/domain";
import { assignReady } from "../consolidation/assign.ts";
import { rejection } from "../../test-utils/catalog.ts";
import { importScanNetwork, SCAN_COUNTY, SCAN_MANAGER, scanStaff } from "../../test-utils/scan-network.ts";
import { createHarness, type Harness } from "../../test-utils/harness.ts";

let h: Harness;
const countyCode = SCAN_COUNTY;
const ids: Record<string, string> = {};
const manager = SCAN_MANAGER;
const admin: Actor = { userId: randomUUID(), username: "root", role: "ADMIN", countyCode: null, nodeId: null, merchantId: null };
const otherManager: Actor = { ...manager, userId: randomUUID(), username: "other", countyCode: "210882" };
const q = (actor: Actor = manager) => h.callerAs(actor).exceptions;
const rid = () => randomUUID();

/// A downward parcel from the hub to 高屯村点 (HUB → S102 → P200), returned with its id.
async function parcel(name: string): Promise<{ id: string; waybillNo: string }> {
  const s = await h.callerAs(manager).shipments.create({
    countyCode,
    direction: "DOWN",
    fromCode: "HUB",
    to: "P200",
    recipientName: name,
    recipientPhone: "13812345678",
    weightG: 500,
    contentsCategory: "日用品",
  });
  const row = await h.deps.db.shipment.findUniqueOrThrow({ where: { waybillNo: s.waybillNo }, select: { id: true } });
  return { id: row.id, waybillNo: s.waybillNo };
}

const shipment = (id: string) => h.deps.db.shipment.findUniqueOrThrow({ where: { id } });
const actionRows = (shipmentId: string) => h.deps.db.exceptionAction.findMany({ where: { shipmentId }, orderBy: { at: "asc" } });

let red: { id: string; waybillNo: string };
let broken: { id: string; waybillNo: string };
let held: { id: string; waybillNo: string };
let fine: { id: string; waybillNo: string };

beforeAll(async () => {
  h = await createHarness();
  Object.assign(ids, (await importScanNetwork(h)).ids);
  h.clock.set(new Date("2026-11-23T00:00:00Z"));
  await h.deps.db.node.update({ where: { id: ids.HUB! }, data: { contactName: "王站长", contactPhone: "13900001111" } });
  await h.deps.db.node.update({ where: { id: ids.S102! }, data: { contactName: "李站长", contactPhone: "13900002222" } });
  red = await parcel("红灯");
  broken = await parcel("无路由");
  held = await parcel("异常");
  fine = await parcel("正常");
  // Their legs in the day's open loads, so a cancelled leg can be seen leaving its load.
  await assignReady(h.deps.db, { countyCode, now: h.clock.now });
  // RED with the SLA watcher's alert naming 高屯站; without a route; reported as an exception at the hub.
  await h.deps.db.shipment.update({
    where: { id: red.id },
    data: { light: "RED", lightReason: "leg overdue", lightChangedAt: h.clock.now },
  });
  await h.deps.db.redAlert.create({
    data: { countyCode, shipmentId: red.id, nodeId: ids.S102!, key: `${red.id}:x`, reason: "leg overdue", promisedAt: h.clock.now },
  });
  await h.deps.db.shipment.update({
    where: { id: broken.id },
    data: { routeError: "no route: test", light: "RED", lightReason: "no route: test" },
  });
  await h.deps.db.shipment.update({
    where: { id: held.id },
    data: { status: "EXCEPTION", currentNodeId: ids.HUB!, exceptionReason: "damaged" },
  });
}, 60_000);
afterAll(async () => h?.close());

describe("the queue", () => {
  it("lists the county's parcels in exception, RED or without a route, with why and the node to call (phone masked)", async () => {
    const list = await q().list({ countyCode });
    const byWaybill = new Map(list.items.map((i) => [i.waybillNo, i]));
    expect(byWaybill.has(fine.waybillNo)).toBe(false);
    expect(byWaybill.get(red.waybillNo)).toMatchObject({ causes: ["RED"], node: { code: "S102", contactPhoneMasked: "139****2222" } });
    expect(byWaybill.get(broken.waybillNo)).toMatchObject({ causes: ["UNROUTABLE"], routeError: "no route: test" });
    expect(byWaybill.get(held.waybillNo)).toMatchObject({ causes: ["EXCEPTION"], exceptionReason: "damaged", node: { code: "HUB" } });
    expect(list.counts).toEqual({ exception: 1, red: 1, unroutable: 1, total: 3 });
    expect((await q().list({ countyCode, cause: "UNROUTABLE" })).items.map((i) => i.waybillNo)).toEqual([broken.waybillNo]);
    expect(JSON.stringify(list)).not.toContain("13900002222");
  });
});

describe("actions", () => {
  it("call: answers with the node's full phone, recorded once per request id and shown as who did what when", async () => {
    const clientRequestId = rid();
    const r = await q().callNode({ countyCode, shipmentId: red.id, clientRequestId });
    expect(r).toMatchObject({ replayed: false, contact: { nodeCode: "S102", contactName: "李站长", contactPhone: "13900002222" } });
    expect(r.action).toMatchObject({ kind: "CALL", actorName: "m", at: h.clock.now.toISOString(), result: { nodeCode: "S102" } });
    // The same request again: the first answer, nothing new recorded.
    const again = await q().callNode({ countyCode, shipmentId: red.id, clientRequestId });
    expect(again).toMatchObject({ replayed: true, action: { id: r.action.id }, contact: { contactPhone: "13900002222" } });
    expect(await actionRows(red.id)).toHaveLength(1);
    // The id of that request cannot be reused for another action.
    expect((await rejection(q().markLost({ countyCode, shipmentId: red.id, clientRequestId }))).code).toBe("CONFLICT");
    expect((await shipment(red.id)).status).not.toBe("LOST");
    const item = (await q().list({ countyCode })).items.find((i) => i.shipmentId === red.id)!;
    expect(item.actions).toEqual([{ id: r.action.id, kind: "CALL", actorName: "m", at: r.action.at, result: r.action.result }]);
    // Audited by the API as every mutation is.
    const audit = await h.deps.db.auditLog.findMany({ where: { action: "exceptions.callNode", target: `shipment:${red.id}` } });
    expect(audit.map((a) => a.outcome)).toEqual(["OK", "OK"]);
  });

  it("notify: the dashboard's notify for the responsible node, once (a repeat sends nothing more)", async () => {
    const clientRequestId = rid();
    const r = await q().notify({ countyCode, shipmentId: red.id, clientRequestId });
    expect(r.action.result).toMatchObject({ nodeCode: "S102", alerts: 1 });
    const alert = await h.deps.db.redAlert.findFirstOrThrow({ where: { shipmentId: red.id } });
    expect(alert.notifiedAt?.toISOString()).toBe(h.clock.now.toISOString());
    expect(alert.notifiedById).toBe(manager.userId);
    const outbox = () => h.deps.db.outboxEvent.count({ where: { name: "dashboard.notifyRed" } });
    const sent = await outbox();
    expect(sent).toBe(1);
    expect((await q().notify({ countyCode, shipmentId: red.id, clientRequestId })).replayed).toBe(true);
    expect(await outbox()).toBe(sent);
  });

  it("re-plan: a parcel without a route gets one from where it is; an exception held at a node goes on", async () => {
    h.clock.advance(60_000);
    const before = await h.deps.db.shipmentLeg.count({ where: { shipmentId: broken.id, status: "PLANNED" } });
    expect(before).toBeGreaterThan(0);
    const r = await q().replan({ countyCode, shipmentId: broken.id, clientRequestId: rid() });
    expect(r.action.result).toMatchObject({ ok: true, routeError: null });
    const s = await shipment(broken.id);
    expect(s.routeError).toBeNull();
    expect(s.light).not.toBe("RED");
    // The old plan's legs are cancelled and out of the open loads; the new plan's legs are pending.
    const legs = await h.deps.db.shipmentLeg.findMany({ where: { shipmentId: broken.id } });
    const cancelled = legs.filter((l) => l.status === "CANCELLED").map((l) => l.id);
    expect(cancelled).toHaveLength(before);
    expect(await h.deps.db.loadItem.count({ where: { legId: { in: cancelled }, status: "ASSIGNED" } })).toBe(0);
    expect(
      await h.deps.db.loadItem.count({ where: { legId: { in: cancelled }, status: "REMOVED", removedReason: "REPLANNED" } }),
    ).toBeGreaterThan(0);
    expect(legs.filter((l) => l.status === "PLANNED").length).toBe(before);
    expect((await q().list({ countyCode })).items.some((i) => i.shipmentId === broken.id)).toBe(false);

    await q().replan({ countyCode, shipmentId: held.id, clientRequestId: rid() });
    expect(await shipment(held.id)).toMatchObject({ status: "AT_NODE", currentNodeId: ids.HUB, exceptionReason: null });
  });

  it("return to sender and mark lost finish the parcel, cancel its pending legs and leave the queue; a finished parcel is refused", async () => {
    const ret = await parcel("退回");
    const lost = await parcel("丢失");
    await assignReady(h.deps.db, { countyCode, now: h.clock.now });
    const legIds = async (id: string) => (await h.deps.db.shipmentLeg.findMany({ where: { shipmentId: id } })).map((l) => l.id);
    expect(await h.deps.db.loadItem.count({ where: { legId: { in: await legIds(ret.id) }, status: "ASSIGNED" } })).toBeGreaterThan(0);

    const r = await q(admin).returnToSender({ countyCode, shipmentId: ret.id, clientRequestId: rid() });
    expect(r.action).toMatchObject({ kind: "RETURN", actorName: "root", result: { status: "RETURNED" } });
    expect(await shipment(ret.id)).toMatchObject({ status: "RETURNED", finishedAt: h.clock.now });
    expect(await h.deps.db.shipmentLeg.count({ where: { shipmentId: ret.id, status: "PLANNED" } })).toBe(0);
    // Out of the open load, kept there as removed with why.
    const items = await h.deps.db.loadItem.findMany({ where: { legId: { in: await legIds(ret.id) } } });
    expect(items.map((i) => [i.status, i.removedReason])).toEqual(items.map(() => ["REMOVED", "PARCEL_RETURNED"]));
    expect(items.length).toBeGreaterThan(0);
    expect(await h.deps.db.shipmentEvent.count({ where: { shipmentId: ret.id, type: "RETURNED", actorId: admin.userId } })).toBe(1);

    await q().markLost({ countyCode, shipmentId: lost.id, clientRequestId: rid() });
    expect(await shipment(lost.id)).toMatchObject({ status: "LOST", finishedAt: h.clock.now });

    // Finished: nothing more to do to it, and nothing recorded.
    const refused = await rejection(q().markLost({ countyCode, shipmentId: ret.id, clientRequestId: rid() }));
    expect(refused.code).toBe("UNPROCESSABLE_CONTENT");
    expect((await actionRows(ret.id)).map((a) => a.kind)).toEqual(["RETURN"]);
    const audit = await h.deps.db.auditLog.findFirstOrThrow({ where: { action: "exceptions.markLost", target: `shipment:${ret.id}` } });
    expect(audit).toMatchObject({ outcome: "ERROR", errorCode: "UNPROCESSABLE_CONTENT" });
  });
});

describe("scope", () => {
  it("a manager of another county and station staff are refused; a parcel of another county is not found", async () => {
    for (const [who, code] of [
      [otherManager, "FORBIDDEN"],
      [scanStaff(ids.S102!, "S102"), "FORBIDDEN"],
    ] as const) {
      expect((await rejection(q(who).list({ countyCode }))).code).toBe(code);
      for (const act of ["callNode", "notify", "replan", "returnToSender", "markLost"] as const)
        expect((await rejection(q(who)[act]({ countyCode, shipmentId: fine.id, clientRequestId: rid() }))).code).toBe(code);
    }
    expect(await actionRows(fine.id)).toHaveLength(0);
    // ADMIN sees any county; a parcel moved to another county is not this county's to act on.
    expect((await q(admin).list({ countyCode })).counts.total).toBeGreaterThanOrEqual(0);
    await h.deps.db.shipment.update({ where: { id: fine.id }, data: { countyCode: "210882" } });
    expect((await rejection(q().markLost({ countyCode, shipmentId: fine.id, clientRequestId: rid() }))).code).toBe("NOT_FOUND");
    expect((await shipment(fine.id)).status).not.toBe("LOST");
  });
});
