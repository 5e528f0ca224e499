// Public tracking by our waybill number or the carrier's, always behind the phone's last 4 digits and masked.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../test-utils/harness.ts";
import { buildWorld, type World } from "../test-utils/fixtures.ts";

let h: Harness;
let w: World;
beforeAll(async () => {
  h = await createHarness();
  w = await buildWorld(h.deps.db);
});
afterAll(async () => h?.close());

async function parcel(phone: string, carrierNo: string | null) {
  const s = await h.callerAs(w.actors.admin).shipments.create({
    countyCode: w.home.countyCode,
    direction: "DOWN",
    fromCode: `${w.home.countyCode}-HUB`,
    to: `${w.home.countyCode}-S1`,
    recipientName: "王小明",
    recipientPhone: phone,
    weightG: 1000,
    contentsCategory: "日用品",
  });
  if (carrierNo) await h.deps.db.shipment.update({ where: { id: s.id }, data: { carrierWaybillNo: carrierNo } });
  return s;
}

describe("tracking.lookup", () => {
  it("finds a parcel by the carrier's number with the phone's last 4 digits, masked; wrong digits are NOT_FOUND", async () => {
    const s = await parcel("13855557777", "ZT77770000001");
    const anon = h.callerAs(null, { ip: "10.9.9.1" });
    const byCarrier = await anon.tracking.lookup({ waybillNo: "zt77770000001", phoneLast4: "7777" });
    expect(byCarrier).toMatchObject({ waybillNo: s.waybillNo, recipient: { phone: "138****7777", name: "王**" } });
    expect(JSON.stringify(byCarrier)).not.toContain("13855557777");
    expect(await anon.tracking.lookup({ waybillNo: s.waybillNo, phoneLast4: "7777" })).toMatchObject({ waybillNo: s.waybillNo });
    await expect(anon.tracking.lookup({ waybillNo: "ZT77770000001", phoneLast4: "0000" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(anon.tracking.lookup({ waybillNo: "ZT77770000999", phoneLast4: "7777" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("one carrier number at two carriers: the phone digits pick the parcel", async () => {
    const carriers = await Promise.all(
      ["ZTO", "YTO"].map((code) => h.deps.db.carrier.upsert({ where: { code }, update: {}, create: { code, name: code } })),
    );
    const a = await parcel("13900001111", null);
    const b = await parcel("13900002222", null);
    await h.deps.db.shipment.update({ where: { id: a.id }, data: { carrierWaybillNo: "8800001", carrierId: carriers[0]!.id } });
    await h.deps.db.shipment.update({ where: { id: b.id }, data: { carrierWaybillNo: "8800001", carrierId: carriers[1]!.id } });
    const anon = h.callerAs(null, { ip: "10.9.9.2" });
    expect(await anon.tracking.lookup({ waybillNo: "8800001", phoneLast4: "1111" })).toMatchObject({ waybillNo: a.waybillNo });
    expect(await anon.tracking.lookup({ waybillNo: "8800001", phoneLast4: "2222" })).toMatchObject({ waybillNo: b.waybillNo });
  });
});
