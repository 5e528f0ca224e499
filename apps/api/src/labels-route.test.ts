// /labels.pdf and /labels/check: carrier numbers resolve like ours; a refused number does not sink the others.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pino } from "pino";
import { buildWorld, createHarness, type Harness, type World } from "@xiangda/api/testing";
import { buildServer } from "./server.ts";

let h: Harness;
let w: World;
beforeAll(async () => {
  h = await createHarness();
  w = await buildWorld(h.deps.db);
});
afterAll(async () => h?.close());

async function parcel(county: World["home"], carrierNo: string) {
  const s = await h.callerAs(w.actors.admin).shipments.create({
    countyCode: county.countyCode,
    direction: "DOWN",
    fromCode: `${county.countyCode}-HUB`,
    to: `${county.countyCode}-S1`,
    recipientName: "王小明",
    recipientPhone: "13812345678",
    weightG: 1000,
    contentsCategory: "日用品",
  });
  await h.deps.db.shipment.update({ where: { id: s.id }, data: { carrierWaybillNo: carrierNo } });
  return s;
}

describe("labels by our number or the carrier's", () => {
  it("prints by the carrier's number, and a mixed request prints the others and names the refused one", async () => {
    const app = await buildServer(h.deps, { logger: quiet(), webDist: null });
    const a = await parcel(w.home, "73100000009001");
    const b = await parcel(w.home, "73100000009002");
    const away = await parcel(w.away, "73100000009003");
    const login = await app.inject({
      method: "POST",
      url: "/trpc/auth.login",
      headers: { "content-type": "application/json" },
      payload: JSON.stringify({ username: "t_manager", password: w.password }),
    });
    const auth = { authorization: `Bearer ${login.json<{ result: { data: { token: string } } }>().result.data.token}` };

    const byCarrier = await app.inject({ url: `/labels.pdf?waybills=73100000009001`, headers: auth });
    expect(byCarrier.statusCode).toBe(200);
    expect(byCarrier.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    expect(byCarrier.headers["x-labels-refused"]).toBeUndefined();

    // Ours, the carrier's, another county's parcel (by carrier number) and a number that does not exist.
    const mixed = `${a.waybillNo},73100000009002,73100000009003,XD000000000`;
    const check = await app.inject({ url: `/labels/check?waybills=${mixed}`, headers: auth });
    expect(check.statusCode).toBe(200);
    expect(check.json()).toEqual({
      printable: [
        { requested: a.waybillNo, waybillNo: a.waybillNo },
        { requested: "73100000009002", waybillNo: b.waybillNo },
      ],
      refused: [
        { requested: "73100000009003", reason: "NOT_FOUND_OR_NOT_YOURS" },
        { requested: "XD000000000", reason: "NOT_FOUND_OR_NOT_YOURS" },
      ],
    });
    const pdf = await app.inject({ url: `/labels.pdf?waybills=${mixed}&size=76x130`, headers: auth });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    expect(pdf.headers["x-labels-refused"]).toBe("73100000009003,XD000000000");
    // Two labels: one page each.
    expect(pdf.rawPayload.toString("latin1").match(/\/Type \/Page\b/g)).toHaveLength(2);

    // Anything typed is safe in the header (percent-encoded), never a 500.
    const odd = await app.inject({ url: `/labels.pdf?waybills=${a.waybillNo},${encodeURIComponent("运单1")}`, headers: auth });
    expect(odd.statusCode).toBe(200);
    expect(odd.headers["x-labels-refused"]).toBe(encodeURIComponent("运单1"));

    // Nothing printable: 404 with the refused list, never another county's parcel.
    const none = await app.inject({ url: `/labels.pdf?waybills=${away.waybillNo}`, headers: auth });
    expect(none.statusCode).toBe(404);
    expect(none.json()).toMatchObject({ code: "LABELS_NONE", key: "LABELS_NONE", params: { waybills: away.waybillNo }, refused: [away.waybillNo] });
    const unsigned = await app.inject({ url: `/labels/check?waybills=${a.waybillNo}` });
    expect(unsigned.statusCode).toBe(401);
    expect(unsigned.json()).toEqual({ error: "Please sign in", key: "SIGN_IN_PLEASE", params: {}, code: "UNAUTHORIZED", field: null });
    await app.close();
  });
});

function quiet() {
  return pino({ level: "silent" });
}
