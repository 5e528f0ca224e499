// /api/v1 against a real server, database and Redis: keys and scopes, pre-advice (per-row outcomes, natural key under
// retries and concurrent calls, Idempotency-Key, 子母件), a parcel's view, events and label, the access matrix of every
// route, problem details, rate limits and the audit trail.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pino } from "pino";
import { createHarness, importScanNetwork, scanStaff, SCAN_COUNTY, type Harness } from "@xiangda/api/testing";
import { createApiClient, createApiKey, revokeApiKey } from "@xiangda/api/rest";
import { sequenceApiEvents } from "@xiangda/api";
import { buildServer } from "../server.ts";
import { API_V1_ROUTES } from "./plugin.ts";

let h: Harness;
let app: Awaited<ReturnType<typeof buildServer>>;
let ids: Record<string, string>;
const keys: Record<string, string> = {};
let address: string;

const quiet = () => pino({ level: "silent" });
const bearer = (k: string) => ({ authorization: `Bearer ${k}` });
const post = (key: string, parcels: unknown[], headers: Record<string, string> = {}) =>
  app.inject({
    method: "POST",
    url: "/api/v1/shipments",
    headers: { ...bearer(key), "content-type": "application/json", ...headers },
    payload: JSON.stringify({ parcels }),
  });
const parcel = (waybillNo: string, extra: object = {}) => ({
  waybillNo,
  recipientName: "王小明",
  recipientPhone: "13812345678",
  villageCode: "210881102200",
  weightG: 1200,
  ...extra,
});
let n = 0;
const zto = () => `7${String(Date.now() % 1e9).padStart(9, "0")}${String(++n).padStart(2, "0")}`;

beforeAll(async () => {
  h = await createHarness();
  ({ ids } = await importScanNetwork(h));
  await h.deps.db.carrier.createMany({
    data: [
      { code: "ZTO", name: "中通快递", waybillPattern: "^7\\d{11}$" },
      { code: "YTO", name: "圆通速递" },
    ],
  });
  const mk = async (kind: "CARRIER" | "PLATFORM", ref: string, scopes?: string[]) => {
    const c = await createApiClient(h.deps.db, {
      actor: null,
      countyCode: SCAN_COUNTY,
      kind,
      ...(kind === "CARRIER" ? { carrierCode: ref } : { name: ref }),
    });
    return (await createApiKey(h.deps.db, { actor: null, clientId: c.id, scopes })).key;
  };
  keys.zto = await mk("CARRIER", "ZTO");
  keys.yto = await mk("CARRIER", "YTO");
  keys.shop = await mk("PLATFORM", "县电商平台");
  keys.readOnly = await mk("CARRIER", "ZTO", ["shipments:read"]);
  const village = await h.deps.db.adminArea.findUniqueOrThrow({ where: { code: "210881102200" } });
  const town = await h.deps.db.adminArea.findUniqueOrThrow({ where: { code: "210881102000" } });
  address = `辽宁省营口市盖州市${town.name}${village.name}3组`;
  app = await buildServer(h.deps, { logger: quiet(), webDist: null });
}, 120_000);
afterAll(async () => {
  await app?.close();
  await h?.close();
});

describe("the OpenAPI document and the docs", () => {
  it("is OpenAPI 3.1 generated from the route schemas, with every route, the webhooks and the problem shape", async () => {
    const r = await app.inject({ url: "/api/v1/openapi.json" });
    expect(r.statusCode).toBe(200);
    const doc = r.json<{
      openapi: string;
      paths: Record<string, Record<string, { requestBody?: unknown; "x-scope": string }>>;
      webhooks: object;
      components: { schemas: Record<string, unknown> };
    }>();
    expect(doc.openapi).toBe("3.1.0");
    for (const route of API_V1_ROUTES)
      expect(doc.paths[`/api/v1${route.path}`]?.[route.method.toLowerCase()]?.["x-scope"], route.operationId).toBe(route.scope);
    const body = JSON.stringify(doc.paths["/api/v1/shipments"]!.post!.requestBody);
    for (const field of ["waybillNo", "recipientPhone", "villageCode", "weightG", "parentWaybillNo", "declaredValueFen"])
      expect(body).toContain(field);
    expect(Object.keys(doc.webhooks)).toContain("shipment.delivered");
    expect(doc.components.schemas).toHaveProperty("Problem");
    expect((await app.inject({ url: "/api/docs" })).headers.location).toBe("/api/docs/");
    const docs = await app.inject({ url: "/api/docs/", headers: { accept: "text/html" } });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers["content-type"]).toMatch(/text\/html/);
    // Its one inline script is allowed by its hash, nothing else inline.
    const inline = /<script type="text\/javascript">([\s\S]*?)<\/script>/.exec(docs.body)![1]!;
    const hash = (await import("node:crypto")).createHash("sha256").update(inline).digest("base64");
    expect(docs.headers["content-security-policy"]).toContain(`'sha256-${hash}'`);
    expect(docs.headers["content-security-policy"]).not.toContain("unsafe-inline' 'sha");
  });
});

describe("keys", () => {
  it("no key, an unknown one, a revoked one: 401 problem details; a key without the scope: 403", async () => {
    const none = await app.inject({ url: "/api/v1/events" });
    expect(none.statusCode).toBe(401);
    expect(none.headers["content-type"]).toMatch(/application\/problem\+json/);
    expect(none.json()).toMatchObject({ status: 401, code: "UNAUTHENTICATED", key: "API_KEY_MISSING" });
    expect((await app.inject({ url: "/api/v1/events", headers: bearer("xdk_AAAAAAAAAAAA_" + "a".repeat(40)) })).json()).toMatchObject({
      key: "API_KEY_INVALID",
    });
    const c = await h.deps.db.apiClient.findFirstOrThrow({ where: { kind: "PLATFORM" } });
    const spare = await createApiKey(h.deps.db, { actor: null, clientId: c.id });
    expect((await app.inject({ url: "/api/v1/events", headers: bearer(spare.key) })).statusCode).toBe(200);
    await revokeApiKey(h.deps.db, { actor: null, id: spare.id, now: new Date() });
    expect((await app.inject({ url: "/api/v1/events", headers: bearer(spare.key) })).statusCode).toBe(401);
    const write = await post(keys.readOnly!, [parcel(zto())]);
    expect(write.statusCode).toBe(403);
    expect(write.json()).toMatchObject({ key: "API_SCOPE_MISSING", detail: expect.stringContaining("shipments:write") });
  });
});

describe("pre-advice", () => {
  it("answers each row in order: created (by village code or address), rejected with its fields, unresolved never guessed", async () => {
    const [a, b, c, d] = [zto(), zto(), zto(), zto()];
    const r = await post(keys.zto!, [
      parcel(a),
      parcel(b, { villageCode: undefined, address, temp: "CHILLED", declaredValueFen: 5000 }),
      parcel(c, { recipientPhone: "12", weightG: 0 }),
      parcel(d, { villageCode: undefined, address: "北京市朝阳区某路1号" }),
      parcel("NOT-A-ZTO-NUMBER"),
    ]);
    expect(r.statusCode).toBe(200);
    const { results } = r.json<{ results: { waybillNo: string; outcome: string; xdWaybillNo?: string; issues?: { path: string }[] }[] }>();
    expect(results.map((x) => [x.waybillNo, x.outcome])).toEqual([
      [a, "CREATED"],
      [b, "CREATED"],
      [c, "REJECTED"],
      [d, "REJECTED"],
      ["NOT-A-ZTO-NUMBER", "REJECTED"],
    ]);
    expect(results[2]!.issues!.map((i) => i.path).sort()).toEqual(["recipientPhone", "weightG"]);
    expect(results[3]!.issues![0]!.path).toBe("address");
    expect(results[4]!.issues![0]!.path).toBe("waybillNo");
    const made = await h.deps.db.shipment.findMany({
      where: { carrierWaybillNo: { in: [a, b, c, d] } },
      include: { legs: true, events: true },
    });
    expect(made).toHaveLength(2);
    for (const s of made) {
      expect(s).toMatchObject({ status: "CREATED", currentNodeId: ids.HUB, destNodeId: ids.P200, destAreaCode: "210881102200" });
      expect(s.events.map((e) => e.type)).toContain("PRE_ADVISED");
    }
    expect(made.find((s) => s.carrierWaybillNo === a)!.legs.length).toBeGreaterThan(0);
    // No cold-chain vehicle on the lanes: routed nowhere, RED with the reason (never a warm leg for a chilled parcel).
    expect(made.find((s) => s.carrierWaybillNo === b)).toMatchObject({ temp: "CHILLED", declaredValueFen: 5000, light: "RED", legs: [] });
  });

  it("is idempotent by the waybill number: sent again, or by 5 calls at once, each parcel is created once", async () => {
    const batch = Array.from({ length: 20 }, () => parcel(zto()));
    const answers = await Promise.all(Array.from({ length: 5 }, () => post(keys.zto!, batch)));
    const byWaybill = new Map<string, Set<string>>();
    for (const a of answers) {
      expect(a.statusCode).toBe(200);
      for (const r of a.json<{ results: { waybillNo: string; outcome: string; xdWaybillNo: string }[] }>().results) {
        expect(["CREATED", "EXISTS"]).toContain(r.outcome);
        byWaybill.set(r.waybillNo, (byWaybill.get(r.waybillNo) ?? new Set()).add(r.xdWaybillNo));
      }
    }
    for (const xd of byWaybill.values()) expect(xd.size).toBe(1);
    expect(await h.deps.db.shipment.count({ where: { carrierWaybillNo: { in: batch.map((p) => p.waybillNo) } } })).toBe(20);
    const again = await post(keys.zto!, batch);
    expect(again.json<{ results: { outcome: string }[] }>().results.every((x) => x.outcome === "EXISTS")).toBe(true);
  });

  it("replays the first answer to an Idempotency-Key and refuses the key with another body", async () => {
    const p = [parcel(zto())];
    const first = await post(keys.zto!, p, { "idempotency-key": "order-42" });
    const second = await post(keys.zto!, p, { "idempotency-key": "order-42" });
    expect(second.json()).toEqual(first.json());
    expect(second.headers["idempotent-replayed"]).toBe("true");
    const other = await post(keys.zto!, [parcel(zto())], { "idempotency-key": "order-42" });
    expect(other.statusCode).toBe(422);
    expect(other.json()).toMatchObject({ key: "IDEMPOTENCY_KEY_REUSED" });
  });

  it("links child pieces to their parent (in the call or known), and rejects an unknown parent", async () => {
    const [parent, child, orphan] = [zto(), zto(), zto()];
    const r = await post(keys.zto!, [
      parcel(child, { parentWaybillNo: parent }),
      parcel(parent),
      parcel(orphan, { parentWaybillNo: "799999999999" }),
    ]);
    expect(r.json<{ results: { outcome: string }[] }>().results.map((x) => x.outcome)).toEqual(["CREATED", "CREATED", "REJECTED"]);
    const p = await h.deps.db.shipment.findFirstOrThrow({ where: { carrierWaybillNo: parent } });
    expect(await h.deps.db.shipment.findFirstOrThrow({ where: { carrierWaybillNo: child } })).toMatchObject({ parentId: p.id });
    const view = await app.inject({ url: `/api/v1/shipments/${child}`, headers: bearer(keys.zto!) });
    expect(view.json()).toMatchObject({ parentWaybillNo: parent });
  });

  it("a platform's parcels are its own by its number; bad bodies are problem details naming the field", async () => {
    const no = `SHOP${randomUUID().slice(0, 8)}`;
    const first = (await post(keys.shop!, [parcel(no)])).json();
    expect(first, JSON.stringify(first)).toMatchObject({ results: [{ outcome: "CREATED" }] });
    expect((await post(keys.shop!, [parcel(no)])).json()).toMatchObject({ results: [{ outcome: "EXISTS" }] });
    const empty = await post(keys.shop!, []);
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ code: "INVALID_INPUT", issues: [{ path: "parcels" }] });
    const tooMany = await post(
      keys.shop!,
      Array.from({ length: 501 }, (_, i) => parcel(`X${i}`)),
    );
    expect(tooMany.statusCode).toBe(400);
    const notJson = await app.inject({
      method: "POST",
      url: "/api/v1/shipments",
      headers: { ...bearer(keys.shop!), "content-type": "application/json" },
      payload: "{parcels:",
    });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json()).toMatchObject({ key: "INVALID_JSON" });
  });
});

describe("a parcel's view, events and label", () => {
  it("by either number: masked recipient, route; its scans as standard events; the label PDF; another carrier gets 404", async () => {
    const wb = zto();
    const created = (await post(keys.zto!, [parcel(wb)])).json<{ results: { xdWaybillNo: string }[] }>().results[0]!.xdWaybillNo;
    const hub = scanStaff(ids.HUB!, "HUB");
    await h
      .callerAs(hub)
      .scan.record({ clientScanId: randomUUID(), code: wb, action: "ARRIVE", nodeId: ids.HUB!, at: new Date().toISOString() });
    for (const ref of [wb, created]) {
      const r = await app.inject({ url: `/api/v1/shipments/${ref}`, headers: bearer(keys.zto!) });
      expect(r.statusCode).toBe(200);
      expect(r.json()).toMatchObject({
        waybillNo: wb,
        xdWaybillNo: created,
        status: "AT_NODE",
        recipient: { phone: "138****5678" },
        currentNode: { code: "HUB", tier: "COUNTY_HUB" },
      });
      expect(r.json<{ route: unknown[] }>().route.length).toBeGreaterThan(0);
    }
    const ev = await app.inject({ url: `/api/v1/shipments/${wb}/events`, headers: bearer(keys.zto!) });
    expect(
      ev.json<{ events: { code: string; node: { code: string } | null; description: { zh: string } }[] }>().events.map((e) => e.code),
    ).toEqual(["PRE_ADVISED", "ARRIVED"]);
    const label = await app.inject({ url: `/api/v1/shipments/${wb}/label?size=100x150`, headers: bearer(keys.zto!) });
    expect(label.statusCode).toBe(200);
    expect(label.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    const badSize = await app.inject({ url: `/api/v1/shipments/${wb}/label?size=A4`, headers: bearer(keys.zto!) });
    expect(badSize.json()).toMatchObject({ status: 400, issues: [{ path: "size" }] });
    for (const url of [`/api/v1/shipments/${wb}`, `/api/v1/shipments/${created}/events`, `/api/v1/shipments/${wb}/label`]) {
      const other = await app.inject({ url, headers: bearer(keys.yto!) });
      expect(other.statusCode, url).toBe(404);
      expect(other.json()).toMatchObject({ code: "NOT_FOUND" });
    }
  });
});

describe("the event feed", () => {
  it("pages the organisation's events in order with next, the same after a retry, never another carrier's", async () => {
    const mine = [zto(), zto()];
    await post(
      keys.zto!,
      mine.map((w) => parcel(w)),
    );
    await post(keys.yto!, [parcel(`YT${Date.now()}`)]);
    const hub = scanStaff(ids.HUB!, "HUB");
    for (const w of mine)
      await h
        .callerAs(hub)
        .scan.record({ clientScanId: randomUUID(), code: w, action: "ARRIVE", nodeId: ids.HUB!, at: new Date().toISOString() });
    while ((await sequenceApiEvents(h.deps.db, { now: new Date() })) > 0);
    const all: { id: string; type: string; data: { waybillNo: string; event: { code: string } } }[] = [];
    let after = "";
    for (;;) {
      const page = await app.inject({ url: `/api/v1/events?limit=3&after=${after}`, headers: bearer(keys.zto!) });
      expect(page.statusCode).toBe(200);
      const body = page.json<{ events: typeof all; next: string }>();
      all.push(...body.events);
      if (body.events.length < 3) break;
      after = body.next;
    }
    const seqs = all.map((e) => BigInt(e.id));
    expect(seqs).toEqual([...seqs].sort((a, b) => (a < b ? -1 : 1)));
    expect(new Set(seqs).size).toBe(seqs.length);
    for (const w of mine)
      expect(all.filter((e) => e.data.waybillNo === w).map((e) => [e.type, e.data.event.code])).toEqual([
        ["shipment.created", "PRE_ADVISED"],
        ["shipment.scanned", "ARRIVED"],
      ]);
    expect(all.some((e) => e.data.waybillNo.startsWith("YT"))).toBe(false);
    const theirs = await app.inject({ url: "/api/v1/events?limit=500", headers: bearer(keys.yto!) });
    expect(theirs.json<{ events: typeof all }>().events.every((e) => e.data.waybillNo.startsWith("YT"))).toBe(true);
    expect((await app.inject({ url: "/api/v1/events?after=abc", headers: bearer(keys.zto!) })).json()).toMatchObject({
      status: 400,
      issues: [{ path: "after" }],
    });
  });
});

describe("webhooks by API", () => {
  it("subscribes (secret shown once), lists, logs deliveries, redelivers, refuses private urls unless allowed, deletes", async () => {
    const refused = await app.inject({
      method: "POST",
      url: "/api/v1/webhooks",
      headers: { ...bearer(keys.zto!), "content-type": "application/json" },
      payload: JSON.stringify({ url: "http://127.0.0.1:9/hook", events: ["shipment.scanned"] }),
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ issues: [{ path: "url", key: "WEBHOOK_URL_PRIVATE" }] });
    const onPrem = await buildServer(h.deps, { logger: quiet(), webDist: null, webhookAllowPrivate: true });
    const json = (key: string, method: "POST" | "GET" | "DELETE", url: string, body?: object) =>
      onPrem.inject({
        method,
        url,
        headers: { ...bearer(key), ...(body ? { "content-type": "application/json" } : {}) },
        payload: body ? JSON.stringify(body) : undefined,
      });
    const made = await json(keys.zto!, "POST", "/api/v1/webhooks", {
      url: "http://127.0.0.1:9/hook",
      events: ["shipment.created", "shipment.scanned"],
    });
    expect(made.statusCode).toBe(201);
    const { id, secret } = made.json<{ id: string; secret: string }>();
    expect(secret).toMatch(/^whsec_/);
    const list = await json(keys.zto!, "GET", "/api/v1/webhooks");
    expect(list.json()).toMatchObject({ webhooks: [{ id, status: "ACTIVE", events: ["shipment.created", "shipment.scanned"] }] });
    expect(list.body).not.toContain(secret);
    expect((await json(keys.yto!, "GET", `/api/v1/webhooks/${id}/deliveries`)).statusCode).toBe(404);
    expect(
      (await json(keys.zto!, "POST", "/api/v1/webhooks", { url: "http://127.0.0.1:9/x", events: ["shipment.nothing"] })).json(),
    ).toMatchObject({ issues: [{ path: "events.0" }] });

    await post(keys.zto!, [parcel(zto())]);
    while ((await sequenceApiEvents(h.deps.db, { now: new Date() })) > 0);
    const log = await json(keys.zto!, "GET", `/api/v1/webhooks/${id}/deliveries`);
    const deliveries = log.json<{ deliveries: { eventId: string; status: string; type: string }[] }>().deliveries;
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({ type: "shipment.created", status: "PENDING" });
    const again = await json(keys.zto!, "POST", `/api/v1/webhooks/${id}/redeliver`, { eventId: deliveries[0]!.eventId });
    expect(again.statusCode).toBe(202);
    expect(again.json()).toEqual({ queued: 1 });
    expect((await json(keys.zto!, "POST", `/api/v1/webhooks/${id}/redeliver`, {})).json()).toMatchObject({
      status: 400,
      issues: [{ key: "REDELIVER_WHAT" }],
    });
    expect((await json(keys.yto!, "DELETE", `/api/v1/webhooks/${id}`)).statusCode).toBe(404);
    expect((await json(keys.zto!, "DELETE", `/api/v1/webhooks/${id}`)).statusCode).toBe(200);
    expect((await json(keys.zto!, "GET", "/api/v1/webhooks")).json()).toEqual({ webhooks: [] });
    await onPrem.close();
  });
});

describe("the access matrix of the REST routes", () => {
  it("every route: 401 without a key, 403 for a key without its scope", async () => {
    const c = await h.deps.db.apiClient.findFirstOrThrow({ where: { kind: "PLATFORM" } });
    const eventsOnly = (await createApiKey(h.deps.db, { actor: null, clientId: c.id, scopes: ["events:read"] })).key;
    const shipmentsOnly = (await createApiKey(h.deps.db, { actor: null, clientId: c.id, scopes: ["shipments:read", "shipments:write"] }))
      .key;
    for (const route of API_V1_ROUTES) {
      const url = `/api/v1${route.path.replace(/\{\w+\}/g, "8d3c5f7e-0000-4000-8000-000000000001")}`;
      const inject = (headers: Record<string, string>) =>
        app.inject({
          method: route.method,
          url,
          headers: { ...headers, "content-type": "application/json" },
          payload: route.method === "POST" ? "{}" : undefined,
        });
      expect((await inject({})).statusCode, `${route.operationId} without a key`).toBe(401);
      const wrong = route.scope === "events:read" || route.scope === "webhooks:manage" ? shipmentsOnly : eventsOnly;
      expect((await inject(bearer(wrong))).statusCode, `${route.operationId} without ${route.scope}`).toBe(403);
    }
  });
});

describe("limits and the audit trail", () => {
  it("answers 429 with Retry-After past the key's calls per minute, and audits every call with the key", async () => {
    const limited = await buildServer(h.deps, { logger: quiet(), webDist: null, apiRatePerMinute: 3 });
    const c = await h.deps.db.apiClient.findFirstOrThrow({ where: { kind: "PLATFORM" } });
    const k = await createApiKey(h.deps.db, { actor: null, clientId: c.id });
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) codes.push((await limited.inject({ url: "/api/v1/events", headers: bearer(k.key) })).statusCode);
    await limited.close();
    expect(codes.slice(0, 3)).toEqual([200, 200, 200]);
    expect(codes[3]).toBe(429);
    const rows = await h.deps.db.auditLog.findMany({ where: { username: `api-key:${k.prefix}` } });
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows[0]).toMatchObject({
      action: "api.v1.listEvents",
      outcome: "OK",
      details: expect.objectContaining({ keyId: k.id, clientId: c.id }),
    });
  });
});
