// Catalog over HTTP: product images by key, and trace label sheets only for the batch's merchant,
// its county's manager and ADMIN; the sheet's QR code opens the public trace URL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pino } from "pino";
import { buildWorld, createHarness, decodeQrAt, type Harness, pngOf, rasterise, type World } from "@xiangda/api/testing";
import { labelOrigin, QR_SHEET } from "@xiangda/api/rest";
import { buildServer } from "./server.ts";

const PUBLIC = "https://xd.example.cn";
let h: Harness;
let w: World;
let app: Awaited<ReturnType<typeof buildServer>>;
let batch: { id: string; traceCode: string };
let imageUrl: string;
const png = pngOf(5, 4);

beforeAll(async () => {
  h = await createHarness();
  w = await buildWorld(h.deps.db);
  app = await buildServer(h.deps, { logger: pino({ level: "silent" }), webDist: null, publicUrl: PUBLIC });
  const m = h.callerAs(w.actors.merchant).catalog;
  const p = await m.products.upsert({
    merchantId: w.home.merchantId,
    name: "盖州苹果",
    category: "FRUIT",
    unit: "箱",
    unitWeightG: 5000,
    shelfLifeDays: 60,
  });
  imageUrl = (await m.products.addImage({ merchantId: w.home.merchantId, productId: p.id, contentBase64: png.toString("base64") })).url;
  batch = await m.batches.create({
    merchantId: w.home.merchantId,
    productId: p.id,
    batchNo: "2026-001",
    producedOn: "2020-10-01",
    quantity: 100,
    originAreaCode: `${w.home.countyCode}101201`,
  });
});
afterAll(async () => {
  await app?.close();
  await h?.close();
});

async function bearerOf(username: string) {
  const r = await app.inject({
    method: "POST",
    url: "/trpc/auth.login",
    headers: { "content-type": "application/json" },
    payload: JSON.stringify({ username, password: w.password }),
  });
  return { authorization: `Bearer ${r.json<{ result: { data: { token: string } } }>().result.data.token}` };
}

const pages = (pdf: Buffer) => pdf.toString("latin1").match(/\/Type \/Page\b/g)?.length ?? 0;

describe("GET /images/:key", () => {
  it("serves the stored bytes with their real type to anyone with the key", async () => {
    const r = await app.inject({ url: imageUrl });
    expect(r.statusCode).toBe(200);
    expect(r.headers["content-type"]).toBe("image/png");
    expect(r.headers["x-content-type-options"]).toBe("nosniff");
    expect(r.rawPayload.equals(png)).toBe(true);
    expect((await app.inject({ url: imageUrl, headers: { "if-none-match": String(r.headers.etag) } })).statusCode).toBe(304);
  });

  it("is 404 for unknown, malformed and path-like keys", async () => {
    for (const url of [`/images/${"0".repeat(32)}.png`, "/images/abc", "/images/..%2F..%2Fetc%2Fpasswd", "/images/%2e%2e"])
      expect((await app.inject({ url })).statusCode, url).toBe(404);
  });
});

describe("GET /batches/:id/qr.pdf", () => {
  const url = (q = "") => `/batches/${batch.id}/qr.pdf${q}`;

  it("is 401 without a session and 403 for everyone outside the merchant and its county's management", async () => {
    const unsigned = await app.inject({ url: url() });
    expect(unsigned.statusCode).toBe(401);
    expect(unsigned.json()).toEqual({ error: "Please sign in", field: null });
    for (const who of ["t_merchant_other", "t_manager_away", "t_station", "t_counter"])
      expect((await app.inject({ url: url(), headers: await bearerOf(who) })).statusCode, who).toBe(403);
    const unknown = "/batches/00000000-0000-4000-8000-000000000000/qr.pdf";
    const denied = await app.inject({ url: url(), headers: await bearerOf("t_merchant_other") });
    const missing = await app.inject({ url: unknown, headers: await bearerOf("t_merchant_other") });
    expect(missing.statusCode).toBe(403);
    expect(missing.json()).toEqual(denied.json());
    expect(denied.json()).toEqual({ error: expect.any(String), field: null });
    const notFound = await app.inject({ url: unknown, headers: await bearerOf("t_admin") });
    expect(notFound.statusCode).toBe(404);
    expect(notFound.json()).toEqual({ error: expect.any(String), field: null });
  });

  it("checks the count and the id", async () => {
    const auth = await bearerOf("t_merchant");
    for (const q of ["?count=0", "?count=201", "?count=abc", "?count=2.5"]) {
      const r = await app.inject({ url: url(q), headers: auth });
      expect(r.statusCode, q).toBe(400);
      expect(r.json()).toMatchObject({ field: "count" });
    }
    expect((await app.inject({ url: "/batches/nope/qr.pdf", headers: auth })).json()).toMatchObject({ field: "id" });
  });

  it("sends the merchant (and the manager, by cookie) a sheet whose QR code opens the public trace URL", async () => {
    const one = await app.inject({ url: url("?count=1"), headers: await bearerOf("t_merchant") });
    expect(one.statusCode).toBe(200);
    expect(one.headers["content-type"]).toBe("application/pdf");
    expect(one.headers["content-disposition"]).toContain("trace-2026-001.pdf");
    const [page] = rasterise(one.rawPayload);
    expect(decodeQrAt(page!, { ...labelOrigin(0), w: QR_SHEET.labelW / 2 + 2, h: QR_SHEET.labelH })).toBe(`${PUBLIC}/t/${batch.traceCode}`);

    const login = await app.inject({
      method: "POST",
      url: "/trpc/auth.login",
      headers: { "content-type": "application/json" },
      payload: JSON.stringify({ username: "t_manager", password: w.password }),
    });
    const cookie = String(login.headers["set-cookie"]).split(";")[0]!;
    const sheet = await app.inject({ url: url(), headers: { cookie } });
    expect(sheet.statusCode).toBe(200);
    expect(pages(sheet.rawPayload)).toBe(1);
    const many = await app.inject({ url: url("?count=50"), headers: await bearerOf("t_admin") });
    expect(pages(many.rawPayload)).toBe(3);
  });
});
