// The shelf tools against real PostgreSQL: the 待取件 list and its search, scope (a station its own node, a manager
// their county), 批量出库 through PICKUP scans (verified once, idempotent), pickup notices again (idempotent, one per
// 10 minutes), overdue flags, and a stocktake scanned from two devices with its fixes.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@xiangda/domain";
import { scaled } from "@xiangda/config/testing";
import { createHarness, type Harness } from "../../test-utils/harness.ts";
import { importScanNetwork, SCAN_COUNTY, SCAN_MANAGER, scanStaff } from "../../test-utils/scan-network.ts";

let h: Harness;
const ids: Record<string, string> = {};
const staff = (code: string): Actor => scanStaff(ids[code]!, code);
const manager = SCAN_MANAGER;
const otherManager: Actor = { ...SCAN_MANAGER, userId: randomUUID(), countyCode: "210882" };
const P = () => h.callerAs(staff("P200")).shelf;

beforeAll(async () => {
  h = await createHarness();
  Object.assign(ids, (await importScanNetwork(h)).ids);
  h.clock.set(new Date("2026-11-23T00:00:00Z"));
}, scaled(60_000));
afterAll(async () => h?.close());

/// A parcel put on 高屯村点's shelf (ARRIVE there), with its row.
async function onShelf(recipientName: string, phone: string) {
  const { waybillNo } = await h.callerAs(manager).shipments.create({
    countyCode: SCAN_COUNTY,
    direction: "DOWN",
    fromCode: "HUB",
    to: "P200",
    recipientName,
    recipientPhone: phone,
    weightG: 500,
    contentsCategory: "日用品",
  });
  // Along its route: hub → 高屯站 → handed over → 高屯村点's shelf.
  const at = h.clock.now.toISOString();
  const step = (action: string, node: string) => ({
    clientScanId: randomUUID(),
    code: waybillNo,
    action: action as never,
    nodeId: ids[node]!,
    at,
  });
  const { results } = await h.callerAs(manager).scan.recordBatch({
    scans: [step("DEPART", "HUB"), step("ARRIVE", "S102"), step("HANDOVER", "S102"), step("ARRIVE", "P200")],
  });
  expect(results.map((r) => r.outcome)).toEqual(["OK", "OK", "OK", "OK"]);
  expect(results[3]).toMatchObject({ shipment: { status: "AWAITING_PICKUP" } });
  return h.deps.db.shipment.findUniqueOrThrow({ where: { waybillNo } });
}

const reasonOf = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: { code?: string; cause?: { details?: { reason?: string } } }) => ({ code: e.code, reason: e.cause?.details?.reason ?? null }),
  );

describe("待取件 list", () => {
  let a: Awaited<ReturnType<typeof onShelf>>;
  let b: Awaited<ReturnType<typeof onShelf>>;
  beforeAll(async () => {
    a = await onShelf("李秀英", "13900001111");
    b = await onShelf("赵大海", "13700002222");
    await h.deps.db.shipment.update({ where: { id: b.id }, data: { carrierWaybillNo: "ZT7788990011" } });
  });

  it("lists the node's waiting parcels by slot, phones masked, pickup codes not shown", async () => {
    const list = await P().list({ nodeId: ids.P200! });
    const mine = list.parcels.filter((p) => [a.waybillNo, b.waybillNo].includes(p.waybillNo));
    expect(mine).toMatchObject([
      { waybillNo: a.waybillNo, slot: a.shelfSlot, recipientName: "李秀英", recipientPhone: "139****1111", overdue: false, ageDays: 0 },
      { waybillNo: b.waybillNo, slot: b.shelfSlot, carrierWaybillNo: "ZT7788990011" },
    ]);
    expect(JSON.stringify(list)).not.toContain(a.pickupCode!);
    expect(JSON.stringify(list)).not.toContain("13900001111");
  });

  it("finds a parcel by pickup code, phone's last four, name, our waybill and the carrier's", async () => {
    const find = async (q: string) => (await P().list({ nodeId: ids.P200!, q })).parcels.map((p) => p.waybillNo);
    expect(await find(a.pickupCode!)).toContain(a.waybillNo);
    expect(await find("1111")).toEqual([a.waybillNo]);
    expect(await find("秀英")).toEqual([a.waybillNo]);
    expect(await find(a.waybillNo.toLowerCase())).toEqual([a.waybillNo]);
    expect(await find("ZT7788990011")).toEqual([b.waybillNo]);
    expect(await find("%")).toEqual([]);
  });

  it("is the node's own: other staff and another county's manager are refused, the county's manager reads", async () => {
    await expect(h.callerAs(staff("S102")).shelf.list({ nodeId: ids.P200! })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(h.callerAs(otherManager).shelf.list({ nodeId: ids.P200! })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(h.callerAs(otherManager).shelf.stocktakeCurrent({ nodeId: ids.P200! })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await h.callerAs(manager).shelf.list({ nodeId: ids.P200!, q: "1111" })).parcels).toHaveLength(1);
    // Staff of 高屯站 see their own (empty) shelf, never 高屯村点's parcels.
    expect((await h.callerAs(staff("S102")).shelf.list({ nodeId: ids.S102!, q: "1111" })).parcels).toHaveLength(0);
  });

  it("flags parcels past the node's hold days as overdue", async () => {
    const later = new Date(h.clock.now.getTime() + 8 * 86_400_000);
    const saved = h.clock.now;
    h.clock.set(later);
    try {
      const list = await P().list({ nodeId: ids.P200!, overdueOnly: true });
      expect(list.holdDays).toBe(7);
      expect(list.parcels.find((p) => p.waybillNo === a.waybillNo)).toMatchObject({ overdue: true, ageDays: 8 });
    } finally {
      h.clock.set(saved);
    }
  });
});

describe("批量出库", () => {
  it("hands out one person's parcels after one check of the phone digits, as PICKUP scans, once", async () => {
    const x = await onShelf("孙丽", "13655553333");
    const y = await onShelf("孙丽", "13655553333");
    const z = await onShelf("周强", "13544443333");
    const clientId = randomUUID();
    const before = await h.deps.db.scanEvent.count();
    // Wrong digits: refused, nothing scanned.
    expect(
      await reasonOf(P().handOut({ nodeId: ids.P200!, clientId, waybillNos: [x.waybillNo, y.waybillNo], verify: { phoneLast4: "0000" } })),
    ).toEqual({
      code: "UNPROCESSABLE_CONTENT",
      reason: "WRONG_VERIFICATION",
    });
    // Another person's parcel in the batch: refused (the same last four digits do not make them one person).
    expect(
      await reasonOf(
        P().handOut({ nodeId: ids.P200!, clientId: randomUUID(), waybillNos: [x.waybillNo, z.waybillNo], verify: { phoneLast4: "3333" } }),
      ),
    ).toEqual({ code: "BAD_REQUEST", reason: "SEVERAL_RECIPIENTS" });
    expect(await h.deps.db.scanEvent.count()).toBe(before);

    const out = await P().handOut({ nodeId: ids.P200!, clientId, waybillNos: [x.waybillNo, y.waybillNo], verify: { phoneLast4: "3333" } });
    expect(out).toMatchObject({
      handedOut: 2,
      results: [
        { waybillNo: x.waybillNo, outcome: "OK" },
        { waybillNo: y.waybillNo, outcome: "OK" },
      ],
    });
    const rows = await h.deps.db.shipment.findMany({ where: { id: { in: [x.id, y.id] } } });
    expect(rows.map((r) => [r.status, r.shelfSlot])).toEqual([
      ["DELIVERED", null],
      ["DELIVERED", null],
    ]);
    const scans = await h.deps.db.scanEvent.findMany({ where: { shipmentId: { in: [x.id, y.id] }, action: "PICKUP" } });
    expect(scans.map((s) => s.outcome)).toEqual(["OK", "OK"]);
    // Sent again (a retry after a lost answer): the same answer, nothing scanned twice.
    expect(
      await P().handOut({ nodeId: ids.P200!, clientId, waybillNos: [x.waybillNo, y.waybillNo], verify: { phoneLast4: "3333" } }),
    ).toEqual(out);
    expect(await h.deps.db.scanEvent.count({ where: { shipmentId: { in: [x.id, y.id] }, action: "PICKUP" } })).toBe(2);
    // Gone from the shelf list.
    expect((await P().list({ nodeId: ids.P200!, q: "3333" })).parcels.map((p) => p.waybillNo)).toEqual([z.waybillNo]);
  });

  it("takes one parcel's pickup code for all of that person's parcels", async () => {
    const x = await onShelf("钱多", "13366667777");
    const y = await onShelf("钱多", "13366667777");
    const out = await P().handOut({
      nodeId: ids.P200!,
      clientId: randomUUID(),
      waybillNos: [x.waybillNo, y.waybillNo],
      verify: { pickupCode: y.pickupCode! },
    });
    expect(out.handedOut).toBe(2);
  });

  it("takes only the checks the node's pickup check allows", async () => {
    const setCheck = (pickupCheck: "CODE" | "CODE_OR_PHONE" | "CODE_PHONE_OR_ID") =>
      h.deps.db.node.update({ where: { id: ids.P200! }, data: { pickupCheck } });
    const x = await onShelf("冯七", "13233334444");
    try {
      await setCheck("CODE");
      expect((await P().list({ nodeId: ids.P200!, q: "4444" })).pickupCheck).toBe("CODE");
      expect(
        await reasonOf(
          P().handOut({ nodeId: ids.P200!, clientId: randomUUID(), waybillNos: [x.waybillNo], verify: { phoneLast4: "4444" } }),
        ),
      ).toEqual({ code: "BAD_REQUEST", reason: "CHECK_NOT_ALLOWED" });
      await setCheck("CODE_PHONE_OR_ID");
      const out = await P().handOut({ nodeId: ids.P200!, clientId: randomUUID(), waybillNos: [x.waybillNo], verify: { idChecked: true } });
      expect(out).toMatchObject({ handedOut: 1, results: [{ outcome: "OK" }] });
    } finally {
      await setCheck("CODE_OR_PHONE");
    }
  });

  it("refuses parcels that are not on this node's shelf, and malformed input, without a 5xx", async () => {
    const x = await onShelf("吴用", "13122223333");
    expect(
      await reasonOf(
        h
          .callerAs(staff("S102"))
          .shelf.handOut({ nodeId: ids.S102!, clientId: randomUUID(), waybillNos: [x.waybillNo], verify: { phoneLast4: "3333" } }),
      ),
    ).toEqual({
      code: "NOT_FOUND",
      reason: "NOT_ON_SHELF",
    });
    await expect(
      h
        .callerAs(staff("S102"))
        .shelf.handOut({ nodeId: ids.P200!, clientId: randomUUID(), waybillNos: [x.waybillNo], verify: { phoneLast4: "3333" } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    // An ID check counts only where the node's pickup check allows it (not the default, code or phone digits).
    expect(
      await reasonOf(P().handOut({ nodeId: ids.P200!, clientId: randomUUID(), waybillNos: [x.waybillNo], verify: { idChecked: true } })),
    ).toEqual({ code: "BAD_REQUEST", reason: "CHECK_NOT_ALLOWED" });
    for (const bad of [
      { waybillNos: [], verify: { phoneLast4: "3333" } },
      { waybillNos: [x.waybillNo], verify: { phoneLast4: "33" } },
      { waybillNos: [x.waybillNo], verify: {} },
      { waybillNos: [x.waybillNo], verify: { pickupCode: "12345a" } },
    ])
      await expect(P().handOut({ nodeId: ids.P200!, clientId: randomUUID(), ...bad } as never)).rejects.toMatchObject({
        code: "BAD_REQUEST",
      });
    await expect(
      P().handOut({ nodeId: ids.P200!, clientId: "not-a-uuid", waybillNos: [x.waybillNo], verify: { phoneLast4: "3333" } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await h.deps.db.shipment.findUniqueOrThrow({ where: { id: x.id } })).status).toBe("AWAITING_PICKUP");
  });
});

describe("pickup notice again", () => {
  it("goes through the pickup notice's outbox job, once per client id, at most once in 10 minutes per parcel", async () => {
    const x = await onShelf("郑和", "13011112222");
    const jobs = () =>
      h.deps.db.outboxEvent.findMany({ where: { name: "notify.pickupReady", payload: { path: ["shipmentId"], equals: x.id } } });
    expect(await jobs()).toHaveLength(1); // the first notice, from the arrival scan
    const clientId = randomUUID();
    expect(await P().resendNotice({ nodeId: ids.P200!, clientId, waybillNo: x.waybillNo })).toMatchObject({ sent: true, duplicate: false });
    expect(await P().resendNotice({ nodeId: ids.P200!, clientId, waybillNo: x.waybillNo })).toMatchObject({ sent: true, duplicate: true });
    expect(await jobs()).toHaveLength(2);
    expect(await reasonOf(P().resendNotice({ nodeId: ids.P200!, clientId: randomUUID(), waybillNo: x.waybillNo }))).toEqual({
      code: "TOO_MANY_REQUESTS",
      reason: "NOTICE_TOO_SOON",
    });
    h.clock.advance(11 * 60_000);
    expect(await P().resendNotice({ nodeId: ids.P200!, clientId: randomUUID(), waybillNo: x.waybillNo })).toMatchObject({
      duplicate: false,
    });
    expect(await jobs()).toHaveLength(3);
    await expect(
      h.callerAs(staff("S102")).shelf.resendNotice({ nodeId: ids.P200!, clientId: randomUUID(), waybillNo: x.waybillNo }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(
      await reasonOf(h.callerAs(staff("S102")).shelf.resendNotice({ nodeId: ids.S102!, clientId: randomUUID(), waybillNo: x.waybillNo })),
    ).toEqual({
      code: "NOT_FOUND",
      reason: "NOT_ON_SHELF",
    });
  });
});

describe("盘库", () => {
  it("two devices scan into one stocktake; missing, misplaced and extra are found and fixed, each fix stored once", async () => {
    const ok = await onShelf("甲", "13000000001");
    const moved = await onShelf("乙", "13000000002");
    const lost = await onShelf("丙", "13000000003");
    const [s1, s2] = [await onShelf("丁", "13000000004"), await onShelf("戊", "13000000005")];
    const deviceA = h.callerAs(staff("P200")).shelf;
    const deviceB = h.callerAs({ ...staff("P200"), userId: randomUUID() }).shelf;
    const startA = await deviceA.stocktakeStart({ nodeId: ids.P200!, clientId: randomUUID() });
    const startB = await deviceB.stocktakeStart({ nodeId: ids.P200!, clientId: randomUUID() });
    expect(startB).toMatchObject({ joined: true, stocktake: { id: startA.stocktake.id, status: "OPEN" } });
    const stocktakeId = startA.stocktake.id;
    const st = { nodeId: ids.P200!, stocktakeId };

    // Everything else on the shelf is where the records have it.
    const rest = await h.deps.db.shipment.findMany({
      where: { currentNodeId: ids.P200!, status: "AWAITING_PICKUP", id: { notIn: [moved.id, lost.id, s1.id, s2.id] } },
    });
    for (const p of rest) await deviceA.stocktakeScan({ ...st, clientId: randomUUID(), slot: p.shelfSlot!, code: p.waybillNo });
    const scanId = randomUUID();
    const first = await deviceB.stocktakeScan({ ...st, clientId: scanId, slot: "c-09-09", code: moved.waybillNo });
    expect(first).toMatchObject({ verdict: "WRONG_SLOT", slot: "C-09-09", recordedSlot: moved.shelfSlot });
    expect(await deviceB.stocktakeScan({ ...st, clientId: scanId, slot: "C-09-09", code: moved.waybillNo })).toEqual(first);
    expect(await deviceA.stocktakeScan({ ...st, clientId: randomUUID(), slot: "A-01-02", code: "NOPE-123" })).toMatchObject({
      verdict: "EXTRA",
    });
    // Two parcels found on each other's slots.
    await deviceA.stocktakeScan({ ...st, clientId: randomUUID(), slot: s2.shelfSlot!, code: s1.waybillNo });
    await deviceB.stocktakeScan({ ...st, clientId: randomUUID(), slot: s1.shelfSlot!, code: s2.waybillNo });
    expect(await h.deps.db.stocktakeScan.count({ where: { stocktakeId } })).toBe(rest.length + 4);

    const report = await deviceB.stocktakeReport(st);
    expect(report.missing.map((m) => m.waybillNo)).toEqual([lost.waybillNo]);
    expect(report.misplaced.map((m) => [m.waybillNo, m.scannedSlot]).sort()).toEqual(
      [
        [moved.waybillNo, "C-09-09"],
        [s1.waybillNo, s2.shelfSlot],
        [s2.waybillNo, s1.shelfSlot],
      ].sort(),
    );
    expect(report.extra).toEqual([{ code: "NOPE-123", slot: "A-01-02", waybillNo: null, kind: "UNKNOWN", status: null }]);
    expect(report.counts).toMatchObject({ ok: rest.length, missing: 1, misplaced: 3, extra: 1 });
    expect(rest.map((p) => p.waybillNo)).toContain(ok.waybillNo);

    // Fixes.
    const moveId = randomUUID();
    const move = await deviceA.stocktakeFix({ ...st, clientId: moveId, kind: "MOVE", code: moved.waybillNo });
    expect(move).toMatchObject({ result: { from: moved.shelfSlot, to: "C-09-09" }, duplicate: false });
    expect(await deviceA.stocktakeFix({ ...st, clientId: moveId, kind: "MOVE", code: moved.waybillNo })).toMatchObject({ duplicate: true });
    expect((await h.deps.db.shipment.findUniqueOrThrow({ where: { id: moved.id } })).shelfSlot).toBe("C-09-09");
    await deviceA.stocktakeFix({ ...st, clientId: randomUUID(), kind: "MOVE", code: s1.waybillNo });
    const swapped = await h.deps.db.shipment.findMany({ where: { id: { in: [s1.id, s2.id] } } });
    expect(Object.fromEntries(swapped.map((p) => [p.id, p.shelfSlot]))).toEqual({ [s1.id]: s2.shelfSlot, [s2.id]: s1.shelfSlot });

    const missingId = randomUUID();
    await deviceB.stocktakeFix({ ...st, clientId: missingId, kind: "MISSING", code: lost.waybillNo });
    await deviceB.stocktakeFix({ ...st, clientId: missingId, kind: "MISSING", code: lost.waybillNo });
    expect(await h.deps.db.shipment.findUniqueOrThrow({ where: { id: lost.id } })).toMatchObject({
      status: "EXCEPTION",
      exceptionReason: "盘库未找到",
    });
    expect(await h.deps.db.scanEvent.count({ where: { shipmentId: lost.id, action: "EXCEPTION" } })).toBe(1);
    await deviceB.stocktakeFix({ ...st, clientId: randomUUID(), kind: "EXTRA", code: "NOPE-123" });

    const after = await deviceA.stocktakeReport(st);
    expect(after.counts).toMatchObject({ missing: 0, misplaced: 0, extra: 0, ok: rest.length + 3 });
    expect(after.fixes.map((f) => f.kind)).toEqual(["MOVE", "MOVE", "MISSING", "EXTRA"]);
    // Every fix attempt is in the audit log.
    expect(await h.deps.db.auditLog.count({ where: { action: "shelf.stocktakeFix" } })).toBe(6);

    // A fix that no longer applies, another node's staff, a closed stocktake.
    expect(await reasonOf(deviceA.stocktakeFix({ ...st, clientId: randomUUID(), kind: "MOVE", code: moved.waybillNo }))).toEqual({
      code: "NOT_FOUND",
      reason: "NOT_MISPLACED",
    });
    await expect(h.callerAs(staff("S102")).shelf.stocktakeReport(st)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await reasonOf(h.callerAs(staff("S102")).shelf.stocktakeReport({ nodeId: ids.S102!, stocktakeId }))).toEqual({
      code: "NOT_FOUND",
      reason: "STOCKTAKE_NOT_FOUND",
    });
    await deviceA.stocktakeClose(st);
    expect(await deviceB.stocktakeClose(st)).toMatchObject({ stocktake: { status: "CLOSED" } });
    expect(await reasonOf(deviceA.stocktakeScan({ ...st, clientId: randomUUID(), slot: "A-01-01", code: ok.waybillNo }))).toEqual({
      code: "CONFLICT",
      reason: "STOCKTAKE_CLOSED",
    });
    await expect(deviceA.stocktakeScan({ ...st, clientId: randomUUID(), slot: "shelf 1", code: ok.waybillNo })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    // A new one can start after the close.
    expect((await deviceB.stocktakeStart({ nodeId: ids.P200!, clientId: randomUUID() })).stocktake.id).not.toBe(stocktakeId);
  });
});
