// Shipments on the real Gaizhou demo network: routing promises, self-pickup, the three rules,
// manifests, lights on a controllable clock, re-routing after a suspension, public tracking.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recomputeLights, rerouteAffected } from "@xiangda/api";
import { createHarness, type Harness } from "@xiangda/api/testing";
import { residentIdCheckChar, type Actor } from "@xiangda/domain";
import { seedDemo } from "./seed/seed-demo.ts";
import { scaled } from "@xiangda/config/testing";

let h: Harness;
let manager: Actor;
let stationStaff: Actor;
const countyCode = "210881";
const at = (iso: string) => new Date(iso);
const b64 = (s: string) => Buffer.from(s).toString("base64");
const validId = (first17: string) => first17 + residentIdCheckChar(first17);

beforeAll(async () => {
  h = await createHarness();
  await seedDemo(h.deps.db);
  const m = await h.deps.db.user.findUniqueOrThrow({ where: { username: "manager" } });
  manager = { userId: m.id, username: m.username, role: m.role, countyCode: m.countyCode, nodeId: null, merchantId: null };
  const s = await h.deps.db.user.findUniqueOrThrow({ where: { username: "station" } });
  stationStaff = { userId: s.id, username: s.username, role: s.role, countyCode: s.countyCode, nodeId: s.nodeId, merchantId: null };
  h.clock.set(at("2026-11-23T00:00:00Z")); // 08:00 in Gaizhou, a Monday
}, scaled(120_000));
afterAll(async () => h?.close());

const downTo = (to: string, extra: object = {}) => ({
  countyCode,
  direction: "DOWN" as const,
  fromCode: "GZ-HUB",
  to,
  recipientName: "王小明",
  recipientPhone: "13812345678",
  weightG: 1500,
  contentsCategory: "日用品",
  ...extra,
});

describe("routing promises", () => {
  it("plans hub → station → village point on the timetable", async () => {
    const s = await h.callerAs(manager).shipments.create(downTo("210881102200"));
    expect(s.waybillNo).toMatch(/^XD\d{13}$/);
    // Trunk 07:00 is missed (cut-off 06:30); the 13:30 runs 52 min; the milk run leaves 09:30 next day.
    expect(s.legs.map((l) => [l.lane, l.plannedDepart, l.plannedArrive])).toEqual([
      ["T-GZ-102-DN", "2026-11-23T05:30:00.000Z", "2026-11-23T06:22:00.000Z"],
      ["M-GZ-102200-DN", "2026-11-24T01:30:00.000Z", "2026-11-24T01:50:00.000Z"],
    ]);
    expect(s).toMatchObject({ promisedAt: "2026-11-24T01:50:00.000Z", light: "GREEN", selfPickup: false, recipientPhone: "138****5678" });
  });

  it("sends a parcel for a village without an active point to its township station for self-pickup", async () => {
    const s = await h.callerAs(manager).shipments.create(downTo("210881218206"));
    expect(s).toMatchObject({ selfPickup: true, destination: "二台乡服务站" });
    expect(s.legs.at(-1)?.to).toBe("二台乡服务站");
  });

  it("cannot route through a suspended station and says so", async () => {
    const s = await h.callerAs(manager).shipments.create(downTo("GZ-122"));
    expect(s.light).toBe("RED");
    expect(s.routeError).toMatch(/GZ-122|unavailable|suspended/i);
  });
});

describe("acceptance under the three rules", () => {
  const accept = (extra: object = {}) => ({
    nodeId: stationStaff.nodeId!,
    senderName: "李大山",
    senderIdNumber: validId("21088119800101123"),
    senderPhone: "13900001111",
    recipientName: "赵女士",
    recipientPhone: "13700002222",
    outboundCity: "沈阳市",
    weightG: 5000,
    contentsCategory: "苹果",
    inspection: { inspected: true as const, prohibitedAbsent: { explosives: true, flammables: true, toxic: true, radioactive: true, weapons: true, drugs: true, live_animals: true, cash: true } as Record<string, true> },
    ...extra,
  }) as never;

  it("rejects a bad ID number or an incomplete inspection, naming the field", async () => {
    const c = h.callerAs(stationStaff);
    await expect(c.shipments.accept(accept({ senderIdNumber: "210881198001011230" }))).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("senderIdNumber") });
    await expect(c.shipments.accept(accept({ senderIdNumber: validId("21088119801301123") }))).rejects.toMatchObject({ message: expect.stringContaining("senderIdNumber") });
    await expect(c.shipments.accept(accept({ inspection: { inspected: true, prohibitedAbsent: { explosives: true } } }))).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("inspection.prohibitedAbsent") });
  });

  it("stores the ID encrypted and masked, and refuses to let the parcel leave the hub unscreened", async () => {
    const id = validId("21088119800101123");
    const s = await h.callerAs(stationStaff).shipments.accept(accept());
    expect(s).toMatchObject({ direction: "UP", status: "ACCEPTED", senderId: `${id.slice(0, 3)}***********${id.slice(-4)}`, threeRules: { realName: true, inspected: true, screened: false } });
    const row = await h.deps.db.shipment.findUniqueOrThrow({ where: { waybillNo: s.waybillNo } });
    expect(Buffer.from(row.senderIdEnc!).toString("latin1")).not.toContain(id);
    const { assertMayLeaveHub } = await import("@xiangda/api/rest");
    expect(() => assertMayLeaveHub(row)).toThrow(/security screening/);
    const hub = await h.deps.db.node.findFirstOrThrow({ where: { code: "GZ-HUB" } });
    await h.callerAs(manager).shipments.screen({ nodeId: hub.id, waybillNo: s.waybillNo, screened: true, device: "XR-01" });
    const screened = await h.deps.db.shipment.findUniqueOrThrow({ where: { waybillNo: s.waybillNo } });
    expect(() => assertMayLeaveHub(screened)).not.toThrow();
  });

  it("lets staff accept only at their own node", async () => {
    const other = await h.deps.db.node.findFirstOrThrow({ where: { code: "GZ-105" } });
    await expect(h.callerAs(stationStaff).shipments.accept(accept({ nodeId: other.id }))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("arrival manifests", () => {
  const manifest = [
    "waybillNo,recipientName,recipientPhone,address,villageCode,weightG,temp",
    "73100000000001,张三,13800000001,,210881102202,800,",
    "73100000000002,李四,13800000002,辽宁省盖州市高屯镇蟒峪村12号,,1200,ambient",
    "73100000000003,王五,13800000003,盖州市某某小区,,500,",
    "73100000000004,赵六,12345,,210881102202,500,",
    "73100000000005,钱七,13800000005,,210881102202,-5,",
  ].join("\n");

  it("creates the good rows, lists the unresolved, reports bad rows, and skips a re-import", async () => {
    const c = h.callerAs(manager);
    const dry = await c.shipments.importManifest({ countyCode, carrierCode: "ZTO", fileName: "zto.csv", contentBase64: b64(manifest), dryRun: true });
    expect(dry).toMatchObject({ rows: 5, created: 2 });
    const before = await h.deps.db.shipment.count();
    const r = await c.shipments.importManifest({ countyCode, carrierCode: "ZTO", fileName: "zto.csv", contentBase64: b64(manifest) });
    expect(r.created).toBe(2);
    expect(r.unresolved).toEqual([
      { row: 4, waybillNo: "73100000000003", address: "盖州市某某小区", reason: expect.any(String), reasonKey: "ADDRESS_NO_VILLAGE_COUNTY", reasonParams: {} },
    ]);
    expect(r.errors.map((e) => [e.row, e.column])).toEqual([
      [5, "recipientPhone"],
      [6, "weightG"],
    ]);
    expect(await h.deps.db.shipment.count()).toBe(before + 2);
    const byAddress = await h.deps.db.shipment.findFirstOrThrow({ where: { carrierWaybillNo: "73100000000002" } });
    expect(byAddress.destAreaCode).toBe("210881102204");
    const again = await c.shipments.importManifest({ countyCode, carrierCode: "ZTO", fileName: "zto.csv", contentBase64: b64(manifest) });
    expect(again).toMatchObject({ created: 0, skippedExisting: 2 });
    expect(await h.deps.db.shipment.count()).toBe(before + 2);
  });

  it("rejects waybill numbers that do not fit the carrier", async () => {
    const r = await h.callerAs(manager).shipments.importManifest({ countyCode, carrierCode: "SF", fileName: "sf.csv", contentBase64: b64("waybillNo,recipientName,recipientPhone,villageCode,weightG\n12345,甲,13800000009,210881102202,100\n") });
    expect(r).toMatchObject({ created: 0, errors: [{ row: 2, column: "waybillNo" }] });
  });
});

describe("arrival manifests at a township station", () => {
  it("lets station staff import a manifest for their own township; its parcels are expected until scanned in", async () => {
    const station = await h.deps.db.node.findUniqueOrThrow({ where: { id: stationStaff.nodeId! } });
    const villages = (await h.deps.db.adminArea.findMany({ where: { parentCode: station.areaCode, level: "VILLAGE" } })).map((a) => a.code);
    const point = await h.deps.db.node.findFirstOrThrow({
      where: { tier: "VILLAGE_POINT", status: "ACTIVE", areaCode: { in: villages } },
      orderBy: { code: "asc" },
    });
    // A village of the township whose point is closed for a while: its parcels wait at the station for self-pickup.
    const closed = await h.deps.db.node.findFirstOrThrow({
      where: { tier: "VILLAGE_POINT", status: "ACTIVE", areaCode: { in: villages }, id: { not: point.id } },
    });
    await h.deps.db.node.update({ where: { id: closed.id }, data: { status: "SUSPENDED" } });
    const noPoint = { code: closed.areaCode };
    const elsewhere = await h.deps.db.adminArea.findFirstOrThrow({ where: { countyCode, level: "VILLAGE", parentCode: { not: station.areaCode } } });
    const pointVillage = await h.deps.db.adminArea.findUniqueOrThrow({ where: { code: point.areaCode } });
    const file = [
      "waybillNo,recipientName,recipientPhone,address,villageCode,weightG",
      // In words, with the village only: the station's township is understood.
      `73200000000001,周一,13800000011,${pointVillage.name}二组,,900`,
      `73200000000002,吴二,13800000012,,${noPoint.code},1100`,
      `73200000000003,郑三,13800000013,,${elsewhere.code},700`,
    ].join("\n");
    const c = h.callerAs(stationStaff);
    const input = { nodeId: station.id, carrierCode: "ZTO", fileName: "zto-station.csv", contentBase64: b64(file) };
    const before = await h.deps.db.shipment.count();
    const r = await c.shipments.importNodeManifest(input);
    expect(r).toMatchObject({ rows: 3, created: 2, skippedExisting: 0, routeFailures: 0 });
    expect(r.errors).toEqual([
      {
        row: 4,
        column: "villageCode",
        message: expect.stringContaining(station.name),
        key: "NOT_IN_STATION_TOWNSHIP",
        params: { area: "210881001001", station: station.name, township: "高屯镇" },
      },
    ]);
    expect(await h.deps.db.shipment.count()).toBe(before + 2);

    const [toPoint, selfPickup] = await Promise.all(
      ["73200000000001", "73200000000002"].map((w) =>
        h.deps.db.shipment.findFirstOrThrow({ where: { carrierWaybillNo: w }, include: { legs: true, events: true } }),
      ),
    );
    // Expected at the station, routed from there: the milk run to the village point, or self-pickup at the station.
    expect(toPoint).toMatchObject({ status: "CREATED", currentNodeId: station.id, originNodeId: station.id, destNodeId: point.id, selfPickup: false });
    expect(toPoint!.legs.map((l) => [l.fromNodeId, l.toNodeId])).toEqual([[station.id, point.id]]);
    expect(selfPickup).toMatchObject({ status: "CREATED", destNodeId: station.id, selfPickup: true, legs: [], promisedAt: null, light: "GREEN" });
    expect(toPoint!.events.map((e) => e.type)).toContain("MANIFEST_ANNOUNCED");
    const list = await c.shipments.nodeManifests({ nodeId: station.id });
    expect(list[0]).toMatchObject({ carrierCode: "ZTO", fileName: "zto-station.csv", rows: 3, created: 2, received: 0, outstanding: 2 });

    // Scanned in: received (no leg travelled); the self-pickup parcel goes onto a shelf and is finished.
    for (const [i, p] of [toPoint!, selfPickup!].entries()) {
      const out = await c.scan.record({
        clientScanId: `00000000-0000-4000-8000-00000000010${i}`,
        code: p.carrierWaybillNo!,
        action: "ARRIVE",
        nodeId: station.id,
        at: h.clock.now.toISOString(),
      });
      expect(out).toMatchObject({ outcome: "OK", shipment: { status: i === 0 ? "AT_NODE" : "AWAITING_PICKUP" } });
    }
    const after = await h.deps.db.shipment.findUniqueOrThrow({ where: { id: selfPickup!.id } });
    expect(after.shelfSlot).not.toBeNull();
    expect(after.finishedAt).not.toBeNull();
    expect(await h.deps.db.shipmentLeg.count({ where: { shipmentId: toPoint!.id, status: "PLANNED" } })).toBe(1);
    const parcels = await c.shipments.manifestParcels({ nodeId: station.id, manifestId: list[0]!.id });
    expect(parcels.map((p) => [p.carrierWaybillNo, p.outstanding, p.recipientPhone])).toEqual([
      ["73200000000001", false, "138****0011"],
      ["73200000000002", false, "138****0012"],
    ]);
    expect((await c.shipments.nodeManifests({ nodeId: station.id }))[0]).toMatchObject({ received: 2, outstanding: 0 });

    // Re-imported: nothing new. Staff of another station may not import here, nor see its manifests.
    expect(await c.shipments.importNodeManifest(input)).toMatchObject({ created: 0, skippedExisting: 2 });
    const other = await h.deps.db.node.findFirstOrThrow({ where: { code: "GZ-105" } });
    await expect(c.shipments.importNodeManifest({ ...input, nodeId: other.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(c.shipments.manifestParcels({ nodeId: station.id, manifestId: "00000000-0000-4000-8000-000000000999" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await h.deps.db.node.update({ where: { id: closed.id }, data: { status: "ACTIVE" } });
  });

  it("refuses a village point, naming the node", async () => {
    const point = await h.deps.db.node.findFirstOrThrow({ where: { tier: "VILLAGE_POINT", status: "ACTIVE" } });
    await expect(
      h.callerAs(manager).shipments.importNodeManifest({ nodeId: point.id, carrierCode: "ZTO", fileName: "m.csv", contentBase64: b64("x\n") }),
    ).rejects.toMatchObject({ message: expect.stringContaining("village point") });
  });
});

describe("traffic lights and re-routing", () => {
  it("turns YELLOW then RED as the clock passes the promise, and lists the RED by node", async () => {
    const c = h.callerAs(manager);
    const s = await c.shipments.create(downTo("210881102202", { recipientPhone: "13811112222" }));
    const first = s.legs[0]!;
    const d = new Date(first.plannedDepart).getTime();
    const a = new Date(first.plannedArrive).getTime();
    const light = async (t: number) => {
      await recomputeLights(h.deps.db, { countyCode, now: new Date(t) });
      return (await h.deps.db.shipment.findUniqueOrThrow({ where: { waybillNo: s.waybillNo } })).light;
    };
    expect(await light(d)).toBe("GREEN");
    expect(await light(a - 0.1 * (a - d))).toBe("YELLOW");
    expect(await light(a + 60_000)).toBe("RED");
    const board = await c.shipments.overdue({ countyCode });
    const group = board.find((g) => g.shipments.some((x) => x.waybillNo === s.waybillNo));
    expect(group?.node?.code).toBe("GZ-HUB");
    const events = await h.deps.db.shipmentEvent.findMany({ where: { shipment: { waybillNo: s.waybillNo }, type: "LIGHT_CHANGED" } });
    expect(events.map((e) => (e.details as { to: string }).to)).toEqual(["YELLOW", "RED"]);
  });

  it("re-plans shipments when a station is suspended, RED with the reason when no route is left", async () => {
    const c = h.callerAs(manager);
    h.clock.set(at("2026-11-23T00:00:00Z"));
    const s = await c.shipments.create(downTo("210881105200"));
    await c.network.nodes.setStatus({ countyCode, code: "GZ-105", status: "SUSPENDED", reason: "大雪封路" });
    const job = await h.deps.db.outboxEvent.findFirst({ where: { name: "network.reroute" }, orderBy: { id: "desc" } });
    expect(job).not.toBeNull();
    const node = await h.deps.db.node.findFirstOrThrow({ where: { code: "GZ-105" } });
    const r = await rerouteAffected(h.deps.db, { countyCode, nodeId: node.id, now: h.clock.now });
    expect(r.affected).toBeGreaterThanOrEqual(1);
    const after = await c.shipments.get({ countyCode, waybillNo: s.waybillNo });
    expect(after.light).toBe("RED");
    expect(after.routeError).toBeTruthy();
    expect(after.legs.filter((l) => l.status === "PLANNED")).toHaveLength(0);
    // Running it again changes nothing; reopening gives the route back.
    const again = await rerouteAffected(h.deps.db, { countyCode, nodeId: node.id, now: h.clock.now });
    expect(again.affected).toBe(0);
    await c.network.nodes.setStatus({ countyCode, code: "GZ-105", status: "ACTIVE" });
    await rerouteAffected(h.deps.db, { countyCode, nodeId: node.id, reopened: true, now: h.clock.now });
    const back = await c.shipments.get({ countyCode, waybillNo: s.waybillNo });
    expect(back.routeError).toBeNull();
    expect(back.light).toBe("GREEN"); // the light follows the new plan at once
    expect(back.legs.filter((l) => l.status === "PLANNED").map((l) => l.lane)).toEqual(["T-GZ-105-DN", "M-GZ-105200-DN"]);
  });
});

describe("public tracking", () => {
  it("needs the phone's last 4 digits and shows only masked personal data", async () => {
    const s = await h.callerAs(manager).shipments.create(downTo("210881102200", { recipientPhone: "13855556666" }));
    const anon = h.callerAs(null, { ip: "10.2.2.2" });
    const t = await anon.tracking.lookup({ waybillNo: s.waybillNo, phoneLast4: "6666" });
    expect(t).toMatchObject({ waybillNo: s.waybillNo, recipient: { phone: "138****6666", name: "王**" } });
    expect(JSON.stringify(t)).not.toContain("13855556666");
    await expect(anon.tracking.lookup({ waybillNo: s.waybillNo, phoneLast4: "0000" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(anon.tracking.lookup({ waybillNo: "XD0000000000000", phoneLast4: "6666" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("is rate-limited per address", async () => {
    const anon = h.callerAs(null, { ip: "10.3.3.3" });
    let limited = false;
    for (let i = 0; i < 30 && !limited; i++) {
      try {
        await anon.tracking.lookup({ waybillNo: "XD0000000000000", phoneLast4: "1234" });
      } catch (e) {
        limited = (e as { code: string }).code === "TOO_MANY_REQUESTS";
      }
    }
    expect(limited).toBe(true);
  });
});

