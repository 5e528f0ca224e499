// Accepting announced parcels (a confirmed restock order's) under the three rules, against real PostgreSQL: a
// registered merchant's credit code is its real name, a household's sender gives a resident ID; inspection at the node
// the parcel waits at; retries and racing desks accept once; rejections name the field and change nothing; and a parcel
// leaves the county hub only once it is also screened.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildRestockWorld, type RestockWorld } from "../../test-utils/restock-world.ts";
import { createHarness, type Harness } from "../../test-utils/harness.ts";
import { FULL_INSPECTION } from "../../test-utils/three-rules.ts";
import { scaled } from "@xiangda/config/testing";
import type { Actor } from "@xiangda/domain";

let h: Harness;
let w: RestockWorld;
const CREDIT_CODE = "93210881MA0T5XJQ13";

beforeAll(async () => {
  h = await createHarness();
  w = await buildRestockWorld(h.deps.db);
  h.clock.set(new Date("2026-11-23T00:00:00Z"));
}, scaled(60_000));
afterAll(async () => h?.close());

const as = (who: keyof RestockWorld["actors"]) => h.callerAs(w.actors[who]);

/// A confirmed restock order's parcels (the merchant registered with a credit code, or not) to the far counter, whose
/// route runs village point → station → hub → 沙岗站.
async function announced(quantity: number, creditCode: string | null): Promise<string[]> {
  await h.deps.db.merchant.update({ where: { id: w.merchant }, data: { creditCode } });
  const order = await as("otherCounter").restock.create({
    counterId: w.farCounter,
    merchantId: w.merchant,
    lines: [{ listingId: w.listings.appleFar, quantity }],
    clientRef: randomUUID(),
  });
  return (await as("merchant").restock.confirm({ orderId: order.id })).shipments.map((s) => s.waybillNo);
}

const row = (waybillNo: string) =>
  h.deps.db.shipment.findUniqueOrThrow({
    where: { waybillNo },
    include: { events: { orderBy: { id: "asc" } } },
  });
const scan = (waybillNo: string, action: "DEPART" | "ARRIVE", node: keyof RestockWorld["nodes"]) =>
  as("manager").scan.record({ clientScanId: randomUUID(), code: waybillNo, action, nodeId: w.nodes[node], at: h.clock.now.toISOString() });

/// Village point → station → county hub, arrived there.
async function toHub(wb: string) {
  for (const [action, node] of [
    ["DEPART", "P200"],
    ["ARRIVE", "S102"],
    ["DEPART", "S102"],
    ["ARRIVE", "HUB"],
  ] as const)
    expect(await scan(wb, action, node)).toMatchObject({ outcome: "OK" });
}

/// A township station of another county (211021), with a station staff member of its own.
let otherStation: string | null = null;
async function otherCountyStation(): Promise<string> {
  if (otherStation) return otherStation;
  const db = h.deps.db;
  await db.county.upsert({
    where: { code: "211021" },
    update: {},
    create: { code: "211021", name: "阜新蒙古族自治县", cityName: "阜新市", provinceName: "辽宁省" },
  });
  await db.adminArea.upsert({
    where: { code: "211021100000" },
    update: {},
    create: { code: "211021100000", countyCode: "211021", level: "TOWNSHIP", kind: "镇", name: "阜新镇" },
  });
  otherStation = (
    await db.node.create({ data: { countyCode: "211021", code: "FX100", name: "阜新镇站", tier: "TOWNSHIP_STATION", areaCode: "211021100000" } })
  ).id;
  return otherStation;
}
const stationStaff = (nodeId: string, countyCode = "210881"): Actor => ({
  userId: randomUUID(),
  username: `staff-${nodeId.slice(0, 4)}`,
  role: "STATION_STAFF",
  countyCode,
  nodeId,
  merchantId: null,
});

describe("accepting an announced parcel", () => {
  it("takes a registered merchant's credit code as the real name: inspected at its village point, accepted once", async () => {
    const [wb] = await announced(2, CREDIT_CODE);
    const before = await row(wb!);
    expect(before).toMatchObject({ status: "CREATED", senderOrgCode: CREDIT_CODE, senderIdHash: null, acceptedAt: null });

    const m = as("manager").shipments;
    const input = { nodeId: w.nodes.P200, waybillNo: wb!.toLowerCase(), inspection: { ...FULL_INSPECTION, notes: "箱装苹果" } };
    const [a, b] = await Promise.all([m.acceptAnnounced(input), m.acceptAnnounced(input)]);
    expect(a).toMatchObject({ waybillNo: wb, status: "ACCEPTED", senderOrgCode: CREDIT_CODE });
    expect(a.threeRules).toEqual({ realName: true, inspected: true, screened: false });
    expect(b.status).toBe("ACCEPTED");
    const again = await m.acceptAnnounced(input);
    expect(again.status).toBe("ACCEPTED");

    const after = await row(wb!);
    expect(after.acceptedById).toBe(w.actors.manager.userId);
    expect(after.inspection).toMatchObject({ inspected: true, notes: "箱装苹果" });
    const accepted = after.events.filter((e) => e.type === "ACCEPTED");
    expect(accepted).toHaveLength(1);
    expect(accepted[0]!.details).toMatchObject({ announced: true, realName: "REGISTERED_MERCHANT", screened: false });
  });

  it("lists what the desk expects: announced parcels at the node, oldest first, until each is accepted", async () => {
    const registered = await announced(6, CREDIT_CODE); // two parcels of 3 boxes
    const m = as("manager").shipments;
    const list = async (node: keyof RestockWorld["nodes"]) => (await m.awaitingAcceptance({ nodeId: w.nodes[node] })).map((p) => p.waybillNo);
    expect(await list("P200")).toEqual(expect.arrayContaining(registered));
    expect(await list("S102")).toEqual([]);
    const row = (await m.awaitingAcceptance({ nodeId: w.nodes.P200 })).find((p) => p.waybillNo === registered[0]);
    expect(row).toMatchObject({ senderName: "盖州市高屯果蔬专业合作社", realNameOnRecord: true, restockOrderNo: expect.stringMatching(/^RS/) });
    await m.acceptAnnounced({ nodeId: w.nodes.P200, waybillNo: registered[0]!, inspection: FULL_INSPECTION });
    const after = await list("P200");
    expect(after).not.toContain(registered[0]);
    expect(after).toContain(registered[1]);
  });

  it("asks a sender without registration for the resident ID, checks it, and stores it protected", async () => {
    const [wb] = await announced(1, null);
    const m = as("manager").shipments;
    const base = { nodeId: w.nodes.P200, waybillNo: wb!, inspection: FULL_INSPECTION };
    // Without a registration the desk must take an ID; the name stays whole because it is an organisation's
    // (a 合作社), not personal data (issue #17 point 13: organisations are not masked like people).
    const listed = (await m.awaitingAcceptance({ nodeId: w.nodes.P200 })).find((p) => p.waybillNo === wb);
    expect(listed).toMatchObject({ realNameOnRecord: false });
    expect(listed?.senderName).toBe("盖州市高屯果蔬专业合作社");
    await expect(m.acceptAnnounced(base)).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("senderIdNumber"),
    });
    await expect(m.acceptAnnounced({ ...base, senderIdNumber: "110105194912310021" })).rejects.toMatchObject({
      message: expect.stringContaining("senderIdNumber"),
    });
    // A wrong check character is said to be wrong as a key, never which one is right (that names another valid ID).
    const typo = (await m.acceptAnnounced({ ...base, senderIdNumber: "110105194912310021" }).catch((e: unknown) => e)) as {
      message: string;
      cause?: { key?: string; params?: unknown; issues?: Array<{ key?: string }> };
    };
    expect(typo.cause).toMatchObject({ key: "RESIDENT_ID_CHECK", params: {}, issues: [{ key: "RESIDENT_ID_CHECK" }] });
    expect(typo.message).not.toContain("X");
    expect(await row(wb!)).toMatchObject({ status: "CREATED", senderIdHash: null, inspection: null });

    const ok = await m.acceptAnnounced({ ...base, senderIdNumber: "11010519491231002X", screening: { screened: true, device: "XR-1" } });
    expect(ok.threeRules).toEqual({ realName: true, inspected: true, screened: true });
    const s = await row(wb!);
    expect(s.senderIdMasked).toMatch(/^110\*+002X$/);
    expect(s.senderIdHash).not.toBeNull();
    expect(Buffer.from(s.senderIdEnc!).toString("latin1")).not.toContain("19491231");
  });

  it("names the field and changes nothing: another node, a missing check, a delivery, an unknown or malformed number", async () => {
    const [wb] = await announced(1, CREDIT_CODE);
    const m = as("manager").shipments;
    const snapshot = async () => JSON.stringify(await row(wb!), (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
    const before = await snapshot();
    // Another county's node: not waiting here, and nothing said of where it waits (issue #16).
    const elsewhere = as("admin").shipments.acceptAnnounced({ nodeId: await otherCountyStation(), waybillNo: wb!, inspection: FULL_INSPECTION });
    await expect(elsewhere).rejects.toMatchObject({ message: expect.stringMatching(/waybillNo.*waits to be accepted at/s) });
    await expect(elsewhere).rejects.toMatchObject({ message: expect.not.stringContaining("高屯村服务点") });
    const unchecked = { ...FULL_INSPECTION, prohibitedAbsent: { ...FULL_INSPECTION.prohibitedAbsent, cash: false } };
    await expect(m.acceptAnnounced({ nodeId: w.nodes.P200, waybillNo: wb!, inspection: unchecked as never })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("inspection.prohibitedAbsent.cash"),
    });
    await expect(m.acceptAnnounced({ nodeId: w.nodes.P200, waybillNo: "XD123", inspection: FULL_INSPECTION })).rejects.toMatchObject({
      message: expect.stringContaining("waybillNo"),
    });
    const down = await as("admin").shipments.create({
      countyCode: "210881",
      direction: "DOWN",
      fromCode: "HUB",
      to: "P200",
      recipientName: "王小明",
      recipientPhone: "13812345678",
      weightG: 1000,
      contentsCategory: "日用品",
    } as never);
    await expect(m.acceptAnnounced({ nodeId: w.nodes.HUB, waybillNo: down.waybillNo, inspection: FULL_INSPECTION })).rejects.toMatchObject({
      message: expect.stringMatching(/waybillNo.*delivery/s),
    });
    // Nor can it leave unaccepted (issue #17): a scan is refused as not accepted and it still waits here.
    expect(await scan(wb!, "DEPART", "P200")).toMatchObject({ outcome: "INVALID_TRANSITION", reason: "NOT_ACCEPTED" });
    expect(await snapshot()).toBe(before);
    // Once accepted and gone, it is no longer waiting to be accepted.
    await m.acceptAnnounced({ nodeId: w.nodes.P200, waybillNo: wb!, inspection: FULL_INSPECTION });
    expect(await scan(wb!, "DEPART", "P200")).toMatchObject({ outcome: "OK" });
    await expect(m.acceptAnnounced({ nodeId: w.nodes.P200, waybillNo: wb!, inspection: FULL_INSPECTION })).rejects.toMatchObject({
      message: expect.stringMatching(/waybillNo.*in transit/s),
    });
  });

  it("lets an accepted parcel leave the county hub only once it is screened there", async () => {
    const [wb] = await announced(1, CREDIT_CODE);
    await as("manager").shipments.acceptAnnounced({ nodeId: w.nodes.P200, waybillNo: wb!, inspection: FULL_INSPECTION });
    await toHub(wb!);
    expect(await scan(wb!, "DEPART", "HUB")).toMatchObject({ outcome: "INVALID_TRANSITION", reason: "HUB_RULES_DEPART" });
    await as("manager").shipments.screen({ nodeId: w.nodes.HUB, waybillNo: wb!, screened: true, device: "HUB-XR" });
    expect(await scan(wb!, "DEPART", "HUB")).toMatchObject({ outcome: "OK" });
  });

  it("moves an unaccepted restock parcel by no scan, at its village point or any node on its way (issue #17)", async () => {
    const [wb] = await announced(1, CREDIT_CODE);
    for (const [action, node] of [
      ["DEPART", "P200"],
      ["ARRIVE", "S102"],
      ["DEPART", "S102"],
      ["ARRIVE", "HUB"],
      ["DEPART", "HUB"],
    ] as const)
      expect(await scan(wb!, action, node), `${action} ${node}`).toMatchObject({ outcome: "INVALID_TRANSITION", reason: "NOT_ACCEPTED" });
    expect(await row(wb!)).toMatchObject({ status: "CREATED", currentNodeId: w.nodes.P200 });
  });
});

describe("accepting an announced parcel at another node of its county (issue #17, defect 2)", () => {
  it("a village point's restock parcel accepted at a township station: there from then on, re-planned from there, scans work", async () => {
    const [wb] = await announced(1, CREDIT_CODE);
    const desk = h.callerAs(stationStaff(w.nodes.S102)).shipments;
    // The station's list is of what was announced there; this one was announced at the village point.
    expect((await desk.awaitingAcceptance({ nodeId: w.nodes.S102 })).map((p) => p.waybillNo)).not.toContain(wb);
    const input = { nodeId: w.nodes.S102, waybillNo: wb!, inspection: FULL_INSPECTION };
    const [a, b] = await Promise.all([desk.acceptAnnounced(input), desk.acceptAnnounced(input)]);
    expect(a).toMatchObject({ waybillNo: wb, status: "ACCEPTED" });
    expect(b.status).toBe("ACCEPTED");
    expect((await desk.acceptAnnounced(input)).status).toBe("ACCEPTED"); // a retry changes nothing

    const s = await h.deps.db.shipment.findUniqueOrThrow({
      where: { waybillNo: wb! },
      include: { events: { orderBy: { id: "asc" } }, legs: { orderBy: [{ plan: "asc" }, { seq: "asc" }] } },
    });
    expect(s).toMatchObject({ status: "ACCEPTED", currentNodeId: w.nodes.S102, originNodeId: w.nodes.S102 });
    const accepted = s.events.filter((e) => e.type === "ACCEPTED");
    expect(accepted).toHaveLength(1);
    expect(accepted[0]).toMatchObject({ nodeId: w.nodes.S102, details: { announced: true, announcedAt: "P200" } });
    expect(s.events.filter((e) => e.type === "REROUTED")).toHaveLength(1);
    // The village point's legs are cancelled; the open plan starts at the station.
    const open = s.legs.filter((l) => l.status === "PLANNED");
    expect(open.length).toBeGreaterThan(0);
    expect(open[0]!.fromNodeId).toBe(w.nodes.S102);
    expect(s.legs.filter((l) => l.fromNodeId === w.nodes.P200).every((l) => l.status === "CANCELLED")).toBe(true);
    expect(await h.deps.db.shipmentLeg.count({ where: { shipmentId: s.id, status: "PLANNED", fromNodeId: w.nodes.P200 } })).toBe(0);

    // The shipment's trace shows the station as where it was accepted (its origin and the ACCEPTED event's node), and
    // the village point no longer lists it.
    expect(a.origin).toBe("高屯站");
    expect(a.events.find((e) => e.type === "ACCEPTED")).toMatchObject({ node: "高屯站" });
    expect((await as("manager").shipments.awaitingAcceptance({ nodeId: w.nodes.P200 })).map((p) => p.waybillNo)).not.toContain(wb);

    // Scans move it on from the station.
    expect(await scan(wb!, "DEPART", "S102")).toMatchObject({ outcome: "OK" });
    expect(await scan(wb!, "ARRIVE", "HUB")).toMatchObject({ outcome: "OK" });
  });

  it("is refused at another county's station and by its staff, the same answer as no such parcel, and nothing changes", async () => {
    const [wb] = await announced(1, CREDIT_CODE);
    const before = await row(wb!);
    const far = await otherCountyStation();
    const desk = h.callerAs(stationStaff(far, "211021")).shipments;
    await expect(desk.acceptAnnounced({ nodeId: far, waybillNo: wb!, inspection: FULL_INSPECTION })).rejects.toMatchObject({
      message: expect.stringMatching(/waybillNo.*waits to be accepted at/s),
    });
    // Station staff of this county act only at their own node.
    await expect(
      h.callerAs(stationStaff(w.nodes.S105)).shipments.acceptAnnounced({ nodeId: w.nodes.S102, waybillNo: wb!, inspection: FULL_INSPECTION }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const after = await row(wb!);
    expect(after).toMatchObject({ status: "CREATED", currentNodeId: w.nodes.P200, acceptedAt: null });
    expect(after.events).toHaveLength(before.events.length);
  });

  it("says nothing of a parcel already accepted and moved elsewhere", async () => {
    const [wb] = await announced(1, CREDIT_CODE);
    await as("manager").shipments.acceptAnnounced({ nodeId: w.nodes.P200, waybillNo: wb!, inspection: FULL_INSPECTION });
    await expect(
      h.callerAs(stationStaff(w.nodes.S102)).shipments.acceptAnnounced({ nodeId: w.nodes.S102, waybillNo: wb!, inspection: FULL_INSPECTION }),
    ).rejects.toMatchObject({ message: expect.stringMatching(/waybillNo.*waits to be accepted at/s) });
  });
});
