// The carrier portal's scope: a carrier's user sees its own parcels in its county, their events and the loads they
// travelled on, and nothing of another carrier's (or another county's, or a platform's) parcels, events or vehicles.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "@xiangda/db/factories";
import { makeLoadCode, makeWaybill, type Actor } from "@xiangda/domain";
import { createHarness, type Harness } from "../../test-utils/harness.ts";
import { buildWorld, type World } from "../../test-utils/fixtures.ts";

// 2026-12-01 in Asia/Shanghai runs from 2026-11-30T16:00Z.
const DAY = "2026-12-01";
const AT = (hhmm: string) => new Date(`2026-12-01T${hhmm}:00+08:00`);

let h: Harness;
let w: World;
const clients: Record<"zto" | "yto" | "ztoAway" | "platform", string> = { zto: "", yto: "", ztoAway: "", platform: "" };
const actors: Record<"zto" | "yto" | "platform", Actor | null> = { zto: null, yto: null, platform: null };
const wb: Record<"zto1" | "zto2" | "yto1" | "away" | "plat1", string> = { zto1: "", zto2: "", yto1: "", away: "", plat1: "" };
let serial = 7_100_000;

async function parcel(
  countyCode: string,
  carrierId: string | null,
  o: { clientId?: string; carrierWaybillNo?: string; status?: "DELIVERED" } = {},
) {
  const origin = countyCode === w.home.countyCode ? w.home.hubId : w.away.hubId;
  const s = await h.deps.db.shipment.create({
    data: {
      countyCode,
      waybillNo: makeWaybill(++serial),
      carrierId,
      carrierWaybillNo: o.carrierWaybillNo ?? null,
      clientId: o.clientId ?? null,
      direction: "DOWN",
      originNodeId: origin,
      destNodeId: countyCode === w.home.countyCode ? w.home.stationId : w.away.stationId,
      recipientName: "王小明",
      recipientPhone: "13812345678",
      weightG: 1200,
      contentsCategory: "日用品",
      createdAt: AT("08:00"),
      ...(o.status ? { status: o.status, finishedAt: AT("15:00") } : {}),
    },
  });
  await h.deps.db.shipmentEvent.create({ data: { shipmentId: s.id, at: AT("08:00"), type: "CREATED", nodeId: origin } });
  return s;
}

async function scan(shipmentId: string, code: string, action: string, nodeId: string, at: Date, status: string) {
  await h.deps.db.scanEvent.create({
    data: {
      clientScanId: randomUUID(),
      nodeId,
      code,
      action,
      deviceAt: at,
      receivedAt: at,
      outcome: "OK",
      message: "",
      shipmentId,
      result: { shipment: { status } },
    },
  });
}

async function carrierUser(username: string, apiClientId: string, countyCode: string): Promise<Actor> {
  const u = await createUser(h.deps.db, { username, passwordHash: "x", role: "CARRIER_USER", apiClientId, countyCode });
  return { userId: u.id, username, role: "CARRIER_USER", countyCode, nodeId: null, merchantId: null, apiClientId };
}

beforeAll(async () => {
  h = await createHarness();
  w = await buildWorld(h.deps.db);
  const db = h.deps.db;
  const zto = await db.carrier.create({ data: { code: "ZTO", name: "中通快递" } });
  const yto = await db.carrier.create({ data: { code: "YTO", name: "圆通速递" } });
  const client = (countyCode: string, name: string, carrierId: string | null) =>
    db.apiClient.create({ data: { countyCode, name, kind: carrierId ? "CARRIER" : "PLATFORM", carrierId } });
  clients.zto = (await client(w.home.countyCode, "中通盖州", zto.id)).id;
  clients.yto = (await client(w.home.countyCode, "圆通盖州", yto.id)).id;
  clients.ztoAway = (await client(w.away.countyCode, "中通辽阳", zto.id)).id;
  clients.platform = (await client(w.home.countyCode, "盖州优品商城", null)).id;
  actors.zto = await carrierUser("c_zto", clients.zto, w.home.countyCode);
  actors.yto = await carrierUser("c_yto", clients.yto, w.home.countyCode);
  actors.platform = await carrierUser("c_platform", clients.platform, w.home.countyCode);

  const zto1 = await parcel(w.home.countyCode, zto.id, { carrierWaybillNo: "ZT7800000001" });
  const zto2 = await parcel(w.home.countyCode, zto.id, { status: "DELIVERED" });
  const yto1 = await parcel(w.home.countyCode, yto.id, { carrierWaybillNo: "YT9000000001" });
  const away = await parcel(w.away.countyCode, zto.id);
  const plat1 = await parcel(w.home.countyCode, null, { clientId: clients.platform });
  Object.assign(wb, { zto1: zto1.waybillNo, zto2: zto2.waybillNo, yto1: yto1.waybillNo, away: away.waybillNo, plat1: plat1.waybillNo });

  await db.shipmentEvent.create({ data: { shipmentId: zto1.id, at: AT("09:00"), type: "MANIFEST_ARRIVAL", nodeId: w.home.hubId } });
  await scan(zto1.id, zto1.waybillNo, "ARRIVE", w.home.stationId, AT("11:00"), "AT_NODE");
  await scan(yto1.id, yto1.waybillNo, "ARRIVE", w.home.hubId, AT("09:30"), "AT_NODE");
  await scan(yto1.id, yto1.waybillNo, "EXCEPTION", w.home.hubId, AT("10:00"), "EXCEPTION");
  await scan(away.id, away.waybillNo, "ARRIVE", w.away.hubId, AT("09:00"), "AT_NODE");

  // One trunk load hub → S1 carrying ZTO's and YTO's parcels on two vehicles.
  const load = await db.load.create({
    data: {
      countyCode: w.home.countyCode,
      key: `lane:test:${AT("10:30").toISOString()}`,
      code: makeLoadCode(++serial),
      nodeId: w.home.hubId,
      toNodeId: w.home.stationId,
      departAt: AT("10:30"),
      cutoffAt: AT("10:00"),
      status: "DEPARTED",
    },
  });
  for (const [p, number, plate] of [
    [zto1, "V-Z", "辽H20001"],
    [yto1, "V-Y", "辽H20002"],
  ] as const) {
    const v = await db.vehicle.create({
      data: { countyCode: w.home.countyCode, number, plate, homeNodeId: w.home.hubId, capacityKg: 800, capacityL: 3000 },
    });
    const lv = await db.loadVehicle.create({
      data: {
        loadId: load.id,
        vehicleId: v.id,
        seq: 1,
        parcels: 1,
        weightG: 1200,
        volumeCm3: 8000,
        fillWeight: 0.1,
        fillVolume: 0.1,
        busyUntil: AT("12:00"),
      },
    });
    await db.loadItem.create({
      data: {
        loadId: load.id,
        shipmentId: p.id,
        legId: randomUUID(),
        carrierId: p.carrierId,
        weightG: 1200,
        volumeCm3: 8000,
        temp: "AMBIENT",
        stopNodeId: w.home.stationId,
        loadVehicleId: lv.id,
      },
    });
  }
});
afterAll(async () => h?.close());

const as = (who: keyof typeof actors) => h.callerAs(actors[who]);

describe("carrier portal scope", () => {
  it("lists the carrier's own parcels in its county only, recipient masked", async () => {
    const zto = await as("zto").carrier.parcels({ clientId: clients.zto });
    expect(zto.items.map((p) => p.waybillNo).sort()).toEqual([wb.zto1, wb.zto2].sort());
    expect(zto.items[0]).toMatchObject({ recipientName: "王**", recipientPhone: "138****5678" });
    const yto = await as("yto").carrier.parcels({ clientId: clients.yto });
    expect(yto.items.map((p) => p.waybillNo)).toEqual([wb.yto1]);
    const platform = await as("platform").carrier.parcels({ clientId: clients.platform });
    expect(platform.items.map((p) => p.waybillNo)).toEqual([wb.plat1]);
    const delivered = await as("zto").carrier.parcels({ clientId: clients.zto, status: "DELIVERED" });
    expect(delivered.items.map((p) => p.waybillNo)).toEqual([wb.zto2]);
    const paged = await as("zto").carrier.parcels({ clientId: clients.zto, limit: 1 });
    const rest = await as("zto").carrier.parcels({ clientId: clients.zto, limit: 1, cursor: paged.nextCursor! });
    expect([...paged.items, ...rest.items].map((p) => p.waybillNo).sort()).toEqual([wb.zto1, wb.zto2].sort());
    expect(rest.nextCursor).toBeNull();
  });

  it("refuses another organisation's client id, whatever the role's own scope", async () => {
    for (const id of [clients.yto, clients.ztoAway, clients.platform, randomUUID()])
      await expect(as("zto").carrier.parcels({ clientId: id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(h.callerAs(w.actors.otherManager).carrier.summary({ clientId: clients.zto, day: DAY })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const manager = await h.callerAs(w.actors.manager).carrier.parcels({ clientId: clients.zto });
    expect(manager.items).toHaveLength(2);
  });

  it("shows a parcel's events in order with the standard words, by our number or the carrier's; another's is not found", async () => {
    const p = await as("zto").carrier.parcel({ clientId: clients.zto, waybillNo: "ZT7800000001" });
    expect(p.waybillNo).toBe(wb.zto1);
    expect(p.events.map((e) => e.code)).toEqual(["MANIFEST_ANNOUNCED", "RECEIVED_AT_HUB", "ARRIVED"]);
    expect(p.events[2]).toMatchObject({ zh: "到达", en: "Arrived", node: { code: `${w.home.countyCode}-S1` } });
    expect(p.loads).toEqual([expect.objectContaining({ vehicle: { number: "V-Z", plate: "辽H20001" } })]);
    for (const other of [wb.yto1, "YT9000000001", wb.away, wb.plat1])
      await expect(as("zto").carrier.parcel({ clientId: clients.zto, waybillNo: other })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lists the loads its parcels travelled on with its own vehicles only", async () => {
    const zto = await as("zto").carrier.loads({ clientId: clients.zto, day: DAY });
    expect(zto).toHaveLength(1);
    expect(zto[0]).toMatchObject({ parcels: 1, vehicles: [{ number: "V-Z", plate: "辽H20001", parcels: 1 }] });
    const yto = await as("yto").carrier.loads({ clientId: clients.yto, day: DAY });
    expect(yto[0]).toMatchObject({ code: zto[0]!.code, parcels: 1, vehicles: [{ number: "V-Y" }] });
    expect(await as("platform").carrier.loads({ clientId: clients.platform, day: DAY })).toEqual([]);
    expect(await as("zto").carrier.loads({ clientId: clients.zto, day: "2026-12-02" })).toEqual([]);
  });

  it("sums the Asia/Shanghai day: pre-advised, received at the hub, delivered, exceptions", async () => {
    expect(await as("zto").carrier.summary({ clientId: clients.zto, day: DAY })).toEqual({
      day: DAY,
      preAdvised: 2,
      received: 1,
      delivered: 1,
      exceptions: 0,
    });
    expect(await as("yto").carrier.summary({ clientId: clients.yto, day: DAY })).toEqual({
      day: DAY,
      preAdvised: 1,
      received: 1,
      delivered: 0,
      exceptions: 1,
    });
    expect(await as("zto").carrier.summary({ clientId: clients.zto, day: "2026-11-30" })).toMatchObject({ preAdvised: 0, received: 0 });
  });
});

describe("carrier portal webhooks", () => {
  it("an organisation manages its own subscriptions only; another's is not found", async () => {
    process.env.XD_WEBHOOK_ALLOW_PRIVATE = "1";
    const zto = as("zto").carrier.webhooks;
    const made = await zto.create({
      clientId: clients.zto,
      url: "http://127.0.0.1:9/zto",
      events: ["shipment.delivered", "shipment.exception"],
    });
    expect(made.secret).toMatch(/^whsec_/);
    expect((await zto.list({ clientId: clients.zto })).map((x) => x.id)).toEqual([made.id]);
    expect(await as("yto").carrier.webhooks.list({ clientId: clients.yto })).toEqual([]);
    const yto = as("yto").carrier.webhooks;
    await expect(yto.deliveries({ clientId: clients.yto, id: made.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(yto.delete({ clientId: clients.yto, id: made.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      yto.redeliver({ clientId: clients.yto, id: made.id, from: "2026-12-01T00:00:00Z", to: "2026-12-02T00:00:00Z" }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(yto.list({ clientId: clients.zto })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await zto.deliveries({ clientId: clients.zto, id: made.id })).toEqual({ deliveries: [], next: null });
    await zto.delete({ clientId: clients.zto, id: made.id });
    expect(await zto.list({ clientId: clients.zto })).toEqual([]);
  });
});

describe("carrier portal API keys", () => {
  it("an organisation creates, lists, rotates and revokes its own keys; another's key is not found", async () => {
    const zto = as("zto").carrier.keys;
    const made = await zto.create({ clientId: clients.zto, label: "WMS", scopes: ["shipments:read", "events:read"] });
    expect(made.key).toMatch(/^xdk_/);
    expect(made.key.startsWith(`xdk_${made.prefix}_`)).toBe(true);
    const listed = await zto.list({ clientId: clients.zto });
    expect(listed.map((k) => k.id)).toEqual([made.id]);
    expect(JSON.stringify(listed)).not.toContain(made.key);
    expect(await as("yto").carrier.keys.list({ clientId: clients.yto })).toEqual([]);
    await expect(as("yto").carrier.keys.revoke({ clientId: clients.yto, id: made.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(as("yto").carrier.keys.rotate({ clientId: clients.yto, id: made.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(as("yto").carrier.keys.list({ clientId: clients.zto })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const rotated = await zto.rotate({ clientId: clients.zto, id: made.id, graceHours: 0 });
    expect(rotated.key).not.toBe(made.key);
    const revoked = await zto.revoke({ clientId: clients.zto, id: rotated.id });
    expect(revoked.revokedAt).not.toBeNull();
    const after = await zto.list({ clientId: clients.zto });
    expect(after.every((k) => k.revokedAt !== null)).toBe(true);
  });
});
