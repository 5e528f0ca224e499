// Signed webhooks end to end: real scans, the sequencer and BullMQ workers deliver to a real HTTP receiver, which
// checks every signature with its own implementation of the recipe in docs/webhooks.md.
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { redeliver, createWebhook, signWebhook } from "@xiangda/api";
import { createHarness, importScanNetwork, SCAN_COUNTY, SCAN_MANAGER, scanStaff, type Harness } from "@xiangda/api/testing";
import { freePort, scaled, waitFor } from "@xiangda/config/testing";
import type { Actor } from "@xiangda/domain";
import { createWorkerConnection } from "@xiangda/jobs";
import { loggingSender } from "../notify/sender.ts";
import { startWorkers, type WorkerHandle } from "../start.ts";
import { deliverSubscription } from "./deliverer.ts";
import { defaultBackoffMs, envDelivererOptions, type DelivererOptions } from "./options.ts";

// ---- the receiver's side: the documented recipe, written again here (not the server's signing function) ----
const TOLERANCE_S = 300;
function verify(secret: string, rawBody: string, header: string | undefined, nowS = Math.floor(Date.now() / 1000)): boolean {
  if (!header) return false;
  const parts = new Map(header.split(",").map((kv) => kv.split("=", 2) as [string, string]));
  const t = Number(parts.get("t"));
  const v1 = parts.get("v1") ?? "";
  if (!Number.isInteger(t) || Math.abs(nowS - t) > TOLERANCE_S || !/^[0-9a-f]{64}$/.test(v1)) return false;
  const expected = createHmac("sha256", secret).update(`${t}.${rawBody}`).digest();
  return timingSafeEqual(expected, Buffer.from(v1, "hex"));
}

interface Received {
  path: string;
  id: string;
  raw: string;
  signature: string | undefined;
  body: { id: string; type: string; data: { waybillNo: string; xdWaybillNo: string; status: string; event: { code: string } } };
}

/// Answers each request with `answer(path)` (default 200) and keeps those it accepted with 2xx.
function receiver() {
  const accepted: Received[] = [];
  let attempts = 0;
  let answer: (path: string) => number = () => 200;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      attempts++;
      const raw = Buffer.concat(chunks).toString("utf8");
      const status = answer(req.url ?? "");
      if (status < 300) {
        accepted.push({
          path: req.url ?? "",
          id: String(req.headers["x-xiangda-event-id"]),
          raw,
          signature: req.headers["x-xiangda-signature"] as string | undefined,
          body: JSON.parse(raw) as Received["body"],
        });
      }
      res.writeHead(status, { "content-type": "text/plain" }).end("ok");
    });
  });
  return {
    accepted,
    attempts: () => attempts,
    setAnswer(f: (path: string) => number) {
      answer = f;
    },
    server,
  };
}

let h: Harness;
let rx: ReturnType<typeof receiver>;
let base: string;
const ids: Record<string, string> = {};
const staff = (code: string): Actor => scanStaff(ids[code]!, code);
const clients: Record<"A" | "B", { carrierId: string; clientId: string }> = {} as never;
const quietLog = { info() {}, warn() {}, error() {} };
const fast: Partial<DelivererOptions> = { allowPrivate: true, backoffMs: () => 150 };

beforeAll(async () => {
  h = await createHarness();
  Object.assign(ids, (await importScanNetwork(h)).ids);
  for (const code of ["A", "B"] as const) {
    const carrier = await h.deps.db.carrier.create({ data: { code: `C${code}`, name: `Carrier ${code}` } });
    const client = await h.deps.db.apiClient.create({
      data: { countyCode: SCAN_COUNTY, kind: "CARRIER", name: `c${code}`, carrierId: carrier.id },
    });
    clients[code] = { carrierId: carrier.id, clientId: client.id };
  }
  rx = receiver();
  const port = await freePort();
  await new Promise<void>((r) => rx.server.listen(port, "127.0.0.1", r));
  base = `http://127.0.0.1:${port}`;
}, scaled(60_000));
afterAll(async () => {
  await new Promise((r) => rx?.server.close(r));
  await h?.close();
});

function workers(): WorkerHandle {
  return startWorkers(
    {
      db: h.deps.db,
      queues: h.deps.queues,
      sender: loggingSender(h.deps.db, () => {}),
      log: quietLog,
      webhooks: { ...fast, dataKey: h.deps.dataKey },
    },
    {
      connection: createWorkerConnection(process.env.REDIS_URL ?? "redis://127.0.0.1:56379"),
      prefix: h.deps.redisPrefix,
      queues: ["webhooks"],
    },
  );
}

async function subscribe(code: "A" | "B", path: string) {
  return createWebhook(h.deps.db, {
    clientId: clients[code].clientId,
    url: `${base}${path}`,
    events: ["shipment.scanned", "shipment.ready_for_pickup", "shipment.delivered"],
    dataKey: h.deps.dataKey,
    allowPrivate: true,
    now: h.clock.now,
  });
}

async function parcel(code: "A" | "B"): Promise<string> {
  const s = await h.callerAs(SCAN_MANAGER).shipments.create({
    countyCode: SCAN_COUNTY,
    direction: "DOWN",
    fromCode: "HUB",
    to: "P200",
    recipientName: "王",
    recipientPhone: "13812345678",
    weightG: 500,
    contentsCategory: "日用品",
  });
  await h.deps.db.shipment.update({
    where: { waybillNo: s.waybillNo },
    data: { carrierId: clients[code].carrierId, carrierWaybillNo: `${code}${s.waybillNo}` },
  });
  return s.waybillNo;
}

const scan = (who: string, code: string, action: string, extra: object = {}) =>
  h
    .callerAs(staff(who))
    .scan.record({ clientScanId: randomUUID(), code, action: action as never, nodeId: ids[who]!, at: h.clock.now.toISOString(), ...extra });

/// hub → station → village point → picked up: five events an integrator is told about.
async function journey(wb: string) {
  await scan("HUB", wb, "DEPART");
  await scan("S102", wb, "ARRIVE");
  await scan("S102", wb, "HANDOVER");
  await scan("P200", wb, "ARRIVE");
  const { pickupCode } = await h.deps.db.shipment.findUniqueOrThrow({ where: { waybillNo: wb } });
  expect(await scan("P200", wb, "PICKUP", { pickupCode })).toMatchObject({ outcome: "OK" });
}
const JOURNEY = ["DEPARTED", "ARRIVED", "HANDED_TO_POINT", "READY_FOR_PICKUP", "PICKED_UP"];

const of = (path: string) => rx.accepted.filter((r) => r.path === path);
const ascending = (list: Received[]) => list.every((r, i) => i === 0 || BigInt(r.id) > BigInt(list[i - 1]!.id));

describe("signed webhooks", () => {
  it("deliver each carrier's journey once, in order, signed; a receiver down for a while loses nothing", async () => {
    const subA = await subscribe("A", "/a");
    const subB = await subscribe("B", "/b");
    // /a answers 500 for its first six attempts, then recovers.
    let aTries = 0;
    rx.setAnswer((path) => (path === "/a" && ++aTries <= 6 ? 500 : 200));
    const wa = await parcel("A");
    const wb = await parcel("B");
    const w = workers();
    try {
      await journey(wa);
      await journey(wb);
      await waitFor(() => of("/a").length >= 5 && of("/b").length >= 5, { what: "both journeys delivered", timeoutMs: 30_000 });
    } finally {
      await w.close();
    }
    for (const [path, sub, wbNo, code] of [
      ["/a", subA, wa, "A"],
      ["/b", subB, wb, "B"],
    ] as const) {
      const got = of(path);
      expect(got.map((r) => r.body.data.event.code)).toEqual(JOURNEY);
      expect(got.map((r) => r.body.type)).toEqual([
        "shipment.scanned",
        "shipment.scanned",
        "shipment.scanned",
        "shipment.ready_for_pickup",
        "shipment.delivered",
      ]);
      // Only its own parcel, each event once, in feed order, every signature valid.
      expect(new Set(got.map((r) => r.body.data.xdWaybillNo))).toEqual(new Set([wbNo]));
      expect(got[0]!.body.data.waybillNo).toBe(`${code}${wbNo}`);
      expect(new Set(got.map((r) => r.id)).size).toBe(5);
      expect(ascending(got)).toBe(true);
      expect(got.every((r) => r.id === r.body.id && verify(sub.secret, r.raw, r.signature))).toBe(true);
    }
    expect(aTries).toBeGreaterThan(6);
    const log = await h.deps.db.webhookDelivery.findMany({ where: { subscriptionId: subA.id }, orderBy: { id: "asc" } });
    expect(log.every((d) => d.status === "DELIVERED")).toBe(true);
    expect(log.reduce((n, d) => n + d.attempts, 0)).toBe(5 + 6);
    expect(log[0]).toMatchObject({ responseStatus: 200, lastError: null, firstFailedAt: expect.any(Date) });

    // The recipe refuses a forged body, another secret and a stale time.
    const one = of("/a")[0]!;
    expect(verify(subA.secret, one.raw.replace('"status"', '"Status"'), one.signature)).toBe(false);
    expect(verify(subB.secret, one.raw, one.signature)).toBe(false);
    expect(verify(subA.secret, one.raw, "t=1,v1=" + "0".repeat(64))).toBe(false);
    const stale = signWebhook(subA.secret, one.raw, Math.floor(Date.now() / 1000) - 301);
    expect(verify(subA.secret, one.raw, stale)).toBe(false);
    expect(verify(subA.secret, one.raw, signWebhook(subA.secret, one.raw, Math.floor(Date.now() / 1000) - 10))).toBe(true);

    // Redelivery of one event, then of a time range, after what is already there.
    rx.setAnswer(() => 200);
    const first = of("/a")[0]!;
    const w2 = workers();
    try {
      expect(await redeliver(h.deps.db, { clientId: clients.A.clientId, id: subA.id, eventId: first.id, now: h.clock.now })).toEqual({
        queued: 1,
      });
      await waitFor(() => of("/a").length === 6, { what: "the redelivered event" });
      const events = await h.deps.db.apiEvent.findMany({
        where: {
          seq: {
            in: of("/a")
              .slice(1, 3)
              .map((r) => BigInt(r.id)),
          },
        },
        orderBy: { seq: "asc" },
      });
      const range = { from: events[0]!.createdAt, to: new Date(events[1]!.createdAt.getTime() + 1) };
      const { queued } = await redeliver(h.deps.db, { clientId: clients.A.clientId, id: subA.id, ...range, now: h.clock.now });
      expect(queued).toBeGreaterThanOrEqual(2);
      await waitFor(() => of("/a").length === 6 + queued, { what: "the redelivered range" });
    } finally {
      await w2.close();
    }
    expect(of("/a")[5]!.id).toBe(first.id);
    expect(ascending(of("/a").slice(6))).toBe(true);
    expect(of("/b")).toHaveLength(5);
  });

  it("keep each subscription's order with two worker processes at once", async () => {
    const sub = await subscribe("A", "/two");
    const parcels = await Promise.all([parcel("A"), parcel("A"), parcel("A")]);
    const [w1, w2] = [workers(), workers()];
    try {
      await Promise.all(parcels.map((p) => journey(p)));
      await waitFor(() => of("/two").length >= 15, { what: "15 events", timeoutMs: 30_000 });
    } finally {
      await Promise.all([w1.close(), w2.close()]);
    }
    const got = of("/two");
    expect(got).toHaveLength(15);
    expect(ascending(got)).toBe(true);
    expect(got.every((r) => verify(sub.secret, r.raw, r.signature))).toBe(true);
  });

  it("carry on when the deliverer holding a subscription died: the lease runs out and a queued wake-up takes over", async () => {
    const sub = await subscribe("A", "/orphan");
    // A deliverer that took the lease and died (its process killed): nobody will release it.
    await h.deps.db
      .$executeRaw`UPDATE "WebhookSubscription" SET "leaseUntil" = now() + interval '1 second', "leaseOwner" = 'dead:1' WHERE id = ${sub.id}::uuid`;
    const wb = await parcel("A");
    const w = workers();
    try {
      await scan("HUB", wb, "DEPART");
      await waitFor(() => of("/orphan").length === 1, { what: "the delivery after the dead lease", timeoutMs: 20_000 });
    } finally {
      await w.close();
    }
    expect(of("/orphan")[0]!.body.data.event.code).toBe("DEPARTED");
    expect(await h.deps.db.webhookSubscription.findUniqueOrThrow({ where: { id: sub.id } })).toMatchObject({
      leaseOwner: null,
      leaseUntil: null,
    });
  });

  it("refuse a private target at send time without the flag, and disable after 24 hours of failures", async () => {
    const sub = await subscribe("B", "/down");
    rx.setAnswer((path) => (path === "/down" ? 503 : 200));
    const wb = await parcel("B");
    await scan("HUB", wb, "DEPART");
    await scan("S102", wb, "ARRIVE");
    const { sequenceApiEvents } = await import("@xiangda/api");
    await waitFor(
      async () =>
        (await sequenceApiEvents(h.deps.db, { now: h.clock.now })) === 0 &&
        (await h.deps.db.webhookDelivery.count({ where: { subscriptionId: sub.id } })) === 2,
    );
    let now = new Date(h.clock.now.getTime() + 1_000);
    const opts: DelivererOptions = {
      ...envDelivererOptions(),
      dataKey: h.deps.dataKey,
      allowPrivate: false,
      now: () => now,
      backoffMs: defaultBackoffMs,
    };
    const before = rx.attempts();
    expect(await deliverSubscription(h.deps.db, h.deps.queues, sub.id, opts)).toMatchObject({ failed: 1, state: "waiting" });
    expect(rx.attempts()).toBe(before);
    const head = await h.deps.db.webhookDelivery.findFirstOrThrow({ where: { subscriptionId: sub.id }, orderBy: { id: "asc" } });
    expect(head).toMatchObject({ status: "PENDING", attempts: 1, responseStatus: null, lastError: "REFUSED:WEBHOOK_URL_PRIVATE" });
    expect(head.nextAttemptAt.getTime() - now.getTime()).toBeGreaterThanOrEqual(9_000);
    // The retry is queued for its time; the retry job itself woken early (a clock behind) queues itself again.
    const q = h.deps.queues.get("webhooks");
    const retryId = `webhooks.deliver-${sub.id}-retry-${head.id}-1`;
    expect(await q.getJobState(retryId)).toBe("delayed");
    expect(await deliverSubscription(h.deps.db, h.deps.queues, sub.id, opts, `retry-${head.id}-1`)).toMatchObject({ state: "waiting" });
    const delayed = (await q.getDelayed()).map((j) => j.id);
    expect(delayed.filter((id) => id?.startsWith(`${retryId}-`))).toHaveLength(1);

    const allowed = { ...opts, allowPrivate: true };
    now = new Date(now.getTime() + 12 * 3600_000);
    expect(await deliverSubscription(h.deps.db, h.deps.queues, sub.id, allowed)).toMatchObject({ failed: 1, state: "waiting" });
    expect(rx.attempts()).toBe(before + 1);
    now = new Date(now.getTime() + 12 * 3600_000 + 1);
    expect(await deliverSubscription(h.deps.db, h.deps.queues, sub.id, allowed)).toMatchObject({ failed: 1, state: "stopped" });
    const off = await h.deps.db.webhookSubscription.findUniqueOrThrow({ where: { id: sub.id } });
    expect(off).toMatchObject({ status: "DISABLED", disabledAt: now, disabledReason: "FAILING_24H:HTTP_STATUS" });
    expect(await h.deps.db.webhookDelivery.count({ where: { subscriptionId: sub.id, status: "PENDING" } })).toBe(2);
    expect(await h.deps.db.notification.count({ where: { recipient: clients.B.clientId, template: "webhooks.disabled" } })).toBe(1);
    expect(await h.deps.db.auditLog.count({ where: { action: "webhooks.disabled", target: sub.id } })).toBe(1);
    // Disabled: nothing more is sent.
    expect(await deliverSubscription(h.deps.db, h.deps.queues, sub.id, allowed)).toMatchObject({ state: "stopped" });
    expect(rx.attempts()).toBe(before + 2);
  });
});
