// Expected vs scanned (station.expected): a load being loaded at the hub and unloaded at the station, and a manifest
// received at the station, counted live as parcels are scanned; another node's load or manifest is refused. Real PostgreSQL.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@xiangda/domain";
import { assignReady } from "../consolidation/assign.ts";
import { createHarness, type Harness } from "../../test-utils/harness.ts";
import { importScanNetwork, SCAN_COUNTY, SCAN_MANAGER, scanStaff } from "../../test-utils/scan-network.ts";

let h: Harness;
const countyCode = SCAN_COUNTY;
const ids: Record<string, string> = {};
const staff = (code: string): Actor => scanStaff(ids[code]!, code);
const manager = SCAN_MANAGER;

beforeAll(async () => {
  h = await createHarness();
  Object.assign(ids, (await importScanNetwork(h, [])).ids);
  h.clock.set(new Date("2026-11-23T00:00:00Z"));
}, 60_000);
afterAll(async () => h?.close());

async function parcelFor(to: string) {
  const s = await h.callerAs(manager).shipments.create({
    countyCode,
    direction: "DOWN",
    fromCode: "HUB",
    to,
    recipientName: "收件人",
    recipientPhone: "13812345678",
    weightG: 500,
    contentsCategory: "日用品",
  });
  return s.waybillNo;
}

const scan = (actor: Actor, code: string, action: string, node: string, extra: object = {}) =>
  h.callerAs(actor).scan.record({
    clientScanId: randomUUID(),
    code,
    action: action as never,
    nodeId: ids[node]!,
    at: h.clock.now.toISOString(),
    ...extra,
  });

const expectedAt = (actor: Actor, node: string, input: { loadCode?: string; manifestId?: string }) =>
  h.callerAs(actor).station.expected({ nodeId: ids[node]!, ...input });

describe("a load", () => {
  let code = "";
  let waybills: string[] = [];
  let vehicleId = "";

  beforeAll(async () => {
    waybills = [await parcelFor("S102"), await parcelFor("S102")].sort();
    await assignReady(h.deps.db, { countyCode, now: h.clock.now });
    const p = await h.deps.db.shipment.findUniqueOrThrow({ where: { waybillNo: waybills[0]! } });
    const item = await h.deps.db.loadItem.findFirstOrThrow({ where: { shipmentId: p.id } });
    code = (await h.deps.db.load.findUniqueOrThrow({ where: { id: item.loadId } })).code;
    vehicleId = (
      await h.deps.db.vehicle.create({
        data: { countyCode, number: "GZ-V-901", plate: "辽H00901", homeNodeId: ids.HUB!, capacityKg: 1000, capacityL: 5000 },
      })
    ).id;
  });

  it("while loading at the hub: expected, scanned and what is still missing", async () => {
    const before = await expectedAt(manager, "HUB", { loadCode: code });
    expect(before).toMatchObject({ kind: "LOAD_OUT", label: code, expected: 2, scanned: 0, extra: [] });
    expect(before.missing.map((m) => m.waybillNo)).toEqual(waybills);

    expect((await scan(manager, waybills[0]!, "LOAD", "HUB", { vehicleId })).outcome).toBe("OK");
    const after = await expectedAt(manager, "HUB", { loadCode: code.toLowerCase() });
    expect(after).toMatchObject({ expected: 2, scanned: 1 });
    expect(after.missing.map((m) => m.waybillNo)).toEqual([waybills[1]]);
  });

  it("while unloading at the station: counts once each parcel arrives", async () => {
    // Sealed at its cut-off (a parcel leaving an open load would leave the load with it), then scanned out.
    await h.deps.db.load.update({ where: { code }, data: { status: "SEALED", sealedAt: h.clock.now } });
    for (const w of waybills) expect((await scan(manager, w, "DEPART", "HUB")).outcome).toBe("OK");
    const before = await expectedAt(staff("S102"), "S102", { loadCode: code });
    expect(before).toMatchObject({ kind: "LOAD_IN", expected: 2, scanned: 0 });
    expect((await scan(staff("S102"), waybills[1]!, "ARRIVE", "S102")).outcome).toBe("OK");
    const after = await expectedAt(staff("S102"), "S102", { loadCode: code });
    expect(after).toMatchObject({ expected: 2, scanned: 1 });
    expect(after.missing.map((m) => m.waybillNo)).toEqual([waybills[0]]);
  });

  it("is refused where it neither leaves nor goes, and to another node's staff", async () => {
    await expect(expectedAt(staff("S105"), "S105", { loadCode: code })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(expectedAt(staff("S105"), "S105", { loadCode: "LD00000000000" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(expectedAt(staff("S105"), "S102", { loadCode: code })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(expectedAt(staff("S102"), "S102", {})).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("a manifest", () => {
  it("counts its parcels scanned in at the station it was received at, and only there", async () => {
    const carrier = await h.deps.db.carrier.upsert({ where: { code: "YTO" }, update: {}, create: { code: "YTO", name: "圆通" } });
    const m = await h.deps.db.arrivalManifest.create({
      data: { countyCode, carrierId: carrier.id, nodeId: ids.S102!, fileName: "yto.csv", rows: 3, created: 3 },
    });
    const ws = [await parcelFor("S102"), await parcelFor("S102"), await parcelFor("S102")].sort();
    await h.deps.db.shipment.updateMany({ where: { waybillNo: { in: ws } }, data: { manifestId: m.id } });
    // Two still outstanding (a station manifest's parcels wait as CREATED until scanned in), one already received.
    await h.deps.db.shipment.updateMany({ where: { waybillNo: { in: ws.slice(0, 2) } }, data: { status: "CREATED" } });
    await h.deps.db.shipment.update({ where: { waybillNo: ws[2]! }, data: { status: "AT_NODE", currentNodeId: ids.S102! } });
    const r = await expectedAt(staff("S102"), "S102", { manifestId: m.id });
    expect(r).toMatchObject({ kind: "MANIFEST", label: "yto.csv", expected: 3, scanned: 1, extra: [] });
    expect(r.missing.map((x) => x.waybillNo)).toEqual(ws.slice(0, 2));
    await expect(expectedAt(staff("S105"), "S105", { manifestId: m.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
