// The feed's sequencer and the webhook services against real PostgreSQL: no event skipped when writers commit out of
// id order, each organisation's subscriptions see only its parcels, the SSRF guard, subscriptions and redelivery.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withPgClient } from "@xiangda/db";
import { AppError } from "@xiangda/domain";
import { scaled } from "@xiangda/config/testing";
import { createHarness, type Harness } from "../../../test-utils/harness.ts";
import { importScanNetwork, SCAN_COUNTY, SCAN_MANAGER } from "../../../test-utils/scan-network.ts";
import { checkWebhookUrl, isPublicAddress } from "./safe-url.ts";
import { sequenceApiEvents } from "./sequence.ts";
import { createWebhook, deleteWebhook, enableWebhook, listWebhooks } from "./manage-webhooks.ts";
import { listDeliveries, redeliver } from "./deliveries.ts";
import { decryptWebhookSecret } from "./secret.ts";
import { ZCreateWebhookSchema, ZRedeliverSchema } from "@xiangda/domain";

let h: Harness;
const carriers: Record<"A" | "B", { carrierId: string; clientId: string }> = {} as never;

beforeAll(async () => {
  h = await createHarness();
  await importScanNetwork(h);
  for (const code of ["A", "B"] as const) {
    const carrier = await h.deps.db.carrier.create({ data: { code: `C${code}`, name: `Carrier ${code}` } });
    const client = await h.deps.db.apiClient.create({
      data: { countyCode: SCAN_COUNTY, kind: "CARRIER", name: `client ${code}`, carrierId: carrier.id },
    });
    carriers[code] = { carrierId: carrier.id, clientId: client.id };
  }
}, scaled(60_000));
afterAll(async () => h?.close());

async function carrierParcel(code: "A" | "B" | null): Promise<string> {
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
  const row = await h.deps.db.shipment.update({
    where: { waybillNo: s.waybillNo },
    data: { carrierId: code ? carriers[code].carrierId : null },
  });
  return row.id;
}

const entry = (shipmentId: string, type = "ACCEPTED") => ({ shipmentId, type, at: h.clock.now });
const sequenceAll = async () => {
  let n = 0;
  for (let got = -1; got !== 0; n += got) got = await sequenceApiEvents(h.deps.db, { now: h.clock.now, limit: 7 });
  return n;
};
/// The feed as a reader pages it: by seq after a cursor.
async function feedAfter(cursor: bigint) {
  return h.deps.db.apiEvent.findMany({ where: { seq: { gt: cursor } }, orderBy: { seq: "asc" } });
}

describe("the SSRF guard", () => {
  it("refuses loopback, private, link-local, CGNAT, mapped and unresolvable targets without the flag", async () => {
    for (const url of [
      "http://127.0.0.1/x",
      "http://10.1.2.3/",
      "http://[::1]:8080/",
      "http://localhost/",
      "http://169.254.169.254/",
      "http://100.64.0.1/",
      "http://[::ffff:127.0.0.1]/",
      "http://0x7f.1/",
      "http://2130706433/",
      "http://[fd00::1]/",
    ]) {
      await expect(checkWebhookUrl(url, { allowPrivate: false }), url).rejects.toMatchObject({
        code: "INVALID_INPUT",
        issues: [{ path: "url" }],
      });
    }
    for (const url of ["ftp://example.com/", "http://user:pw@example.com/", "not a url"]) {
      await expect(checkWebhookUrl(url, { allowPrivate: true }), url).rejects.toMatchObject({ key: "WEBHOOK_URL_INVALID" });
    }
    // A host name any of whose addresses is private is refused (DNS answers are the attacker's to choose).
    const lookup = async () => [
      { address: "93.184.216.34", family: 4 },
      { address: "192.168.1.1", family: 4 },
    ];
    await expect(checkWebhookUrl("https://hooks.example/", { allowPrivate: false, lookup })).rejects.toMatchObject({
      key: "WEBHOOK_URL_PRIVATE",
    });
    const pub = async () => [{ address: "93.184.216.34", family: 4 }];
    await expect(checkWebhookUrl("https://hooks.example/x", { allowPrivate: false, lookup: pub })).resolves.toMatchObject({
      address: "93.184.216.34",
    });
    await expect(checkWebhookUrl("http://127.0.0.1:9/", { allowPrivate: true })).resolves.toMatchObject({ address: "127.0.0.1" });
    expect(["8.8.8.8", "2606:4700::1111"].map(isPublicAddress)).toEqual([true, true]);
    expect(["0.0.0.0", "255.255.255.255", "224.0.0.1", "fe80::1", "::", "64:ff9b::7f00:1", "2002:7f00:1::"].some(isPublicAddress)).toBe(
      false,
    );
  });
});

describe("the sequencer", () => {
  it("never skips an event whose writer commits after a later one", async () => {
    const a = await carrierParcel("A");
    const start = (await h.deps.db.apiEvent.aggregate({ _max: { seq: true } }))._max.seq ?? 0n;
    await sequenceAll();
    let cursor = (await h.deps.db.apiEvent.aggregate({ _max: { seq: true } }))._max.seq ?? start;
    const read: bigint[] = [];
    await withPgClient(h.deps.db, async (slow) => {
      await slow.query("BEGIN");
      await slow.query(`INSERT INTO "ShipmentEvent" ("shipmentId", at, type) VALUES ($1, now(), 'ACCEPTED')`, [a]);
      // A later writer commits first: its event has the higher id.
      await h.deps.db.shipmentEvent.create({ data: entry(a, "RETURNED") });
      expect(await sequenceAll()).toBe(1);
      for (const e of await feedAfter(cursor)) {
        read.push(e.id);
        cursor = e.seq!;
      }
      await slow.query("COMMIT");
    });
    expect(await sequenceAll()).toBe(1);
    for (const e of await feedAfter(cursor)) read.push(e.id);
    const all = await h.deps.db.apiEvent.findMany({ where: { shipmentId: a }, orderBy: { seq: "asc" } });
    expect(all.every((e) => e.seq !== null)).toBe(true);
    expect(new Set(read).size).toBe(2);
    // Seqs have no gaps, and the late committer came after the early one.
    const seqs = (await h.deps.db.apiEvent.findMany({ orderBy: { seq: "asc" }, select: { seq: true } })).map((e) => Number(e.seq));
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    expect(all.map((e) => e.kind).slice(-2)).toEqual(["RETURNED", "ACCEPTED"]);
  });

  it("is one at a time: concurrent runs sequence each event once", async () => {
    const a = await carrierParcel("A");
    await h.deps.db.shipmentEvent.createMany({ data: Array.from({ length: 40 }, () => entry(a)) });
    const runs = await Promise.all(Array.from({ length: 4 }, () => sequenceAll()));
    expect(runs.reduce((x, y) => x + y, 0)).toBe(40);
    const seqs = (await h.deps.db.apiEvent.findMany({ orderBy: { seq: "asc" }, select: { seq: true } })).map((e) => Number(e.seq));
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
  });

  it("fans out to the subscriptions of the organisation that sees the parcel, once, and queues their delivery", async () => {
    const subA = await createWebhook(h.deps.db, {
      clientId: carriers.A.clientId,
      url: "http://127.0.0.1:9/a",
      events: ["shipment.scanned", "shipment.returned"],
      dataKey: h.deps.dataKey,
      allowPrivate: true,
      now: h.clock.now,
    });
    const subB = await createWebhook(h.deps.db, {
      clientId: carriers.B.clientId,
      url: "http://127.0.0.1:9/b",
      events: ["shipment.scanned"],
      dataKey: h.deps.dataKey,
      allowPrivate: true,
      now: h.clock.now,
    });
    expect(subA.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const stored = await h.deps.db.webhookSubscription.findUniqueOrThrow({ where: { id: subA.id } });
    expect(decryptWebhookSecret(h.deps.dataKey, stored.secretEnc)).toBe(subA.secret);
    const [pa, pb, none] = [await carrierParcel("A"), await carrierParcel("B"), await carrierParcel(null)];
    await h.deps.db.shipmentEvent.createMany({ data: [entry(pa), entry(pb), entry(none), entry(pa, "RETURNED"), entry(pa, "ROUTED")] });
    await sequenceAll();
    const of = async (id: string) =>
      (await h.deps.db.webhookDelivery.findMany({ where: { subscriptionId: id }, orderBy: { id: "asc" } })).map((d) => d.eventSeq);
    const events = await h.deps.db.apiEvent.findMany({ where: { shipmentId: { in: [pa, pb, none] } }, orderBy: { seq: "asc" } });
    // Only the carriers' parcels are in the feed; a timeline entry integrators are not told about has no type.
    expect(events.map((e) => [e.shipmentId === pa ? "A" : "B", e.kind, e.type])).toEqual([
      ["A", "ACCEPTED", "shipment.scanned"],
      ["B", "ACCEPTED", "shipment.scanned"],
      ["A", "RETURNED", "shipment.returned"],
    ]);
    expect(await of(subA.id)).toEqual([events[0]!.seq, events[2]!.seq]);
    expect(await of(subB.id)).toEqual([events[1]!.seq]);
    const jobs = await h.deps.db.outboxEvent.findMany({ where: { name: "webhooks.deliver" } });
    expect(jobs.map((j) => j.jobId).sort()).toEqual(
      [`webhooks.deliver-${subA.id}-seq-${events[2]!.seq}`, `webhooks.deliver-${subB.id}-seq-${events[1]!.seq}`].sort(),
    );
    await sequenceAll();
    expect(await of(subA.id)).toHaveLength(2);

    // The log, newest first, paged.
    const page1 = await listDeliveries(h.deps.db, { clientId: carriers.A.clientId, id: subA.id, limit: 1 });
    expect(page1.deliveries).toMatchObject([
      { eventId: String(events[2]!.seq), type: "shipment.returned", status: "PENDING", attempts: 0 },
    ]);
    const page2 = await listDeliveries(h.deps.db, { clientId: carriers.A.clientId, id: subA.id, limit: 5, after: BigInt(page1.next!) });
    expect(page2).toMatchObject({ deliveries: [{ eventId: String(events[0]!.seq) }], next: null });
    await expect(listDeliveries(h.deps.db, { clientId: carriers.B.clientId, id: subA.id, limit: 5 })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });

    // Redelivery: one event, a time range; another carrier's event is not this subscription's.
    await h.deps.db.webhookDelivery.updateMany({ where: { subscriptionId: subA.id }, data: { status: "DELIVERED" } });
    expect(
      await redeliver(h.deps.db, { clientId: carriers.A.clientId, id: subA.id, eventId: String(events[0]!.seq), now: h.clock.now }),
    ).toEqual({ queued: 1 });
    await expect(
      redeliver(h.deps.db, { clientId: carriers.A.clientId, id: subA.id, eventId: String(events[1]!.seq), now: h.clock.now }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
      key: "NO_SUCH_EVENT",
    });
    const range = { from: new Date(events[0]!.createdAt.getTime() - 1), to: new Date(events[2]!.createdAt.getTime() + 1) };
    expect(await redeliver(h.deps.db, { clientId: carriers.A.clientId, id: subA.id, ...range, now: h.clock.now })).toEqual({ queued: 2 });
    const again = await h.deps.db.webhookDelivery.findMany({
      where: { subscriptionId: subA.id, redelivery: true },
      orderBy: { id: "asc" },
    });
    expect(again.map((d) => [d.eventSeq, d.status])).toEqual([
      [events[0]!.seq, "PENDING"],
      [events[0]!.seq, "PENDING"],
      [events[2]!.seq, "PENDING"],
    ]);

    // Disabled and enabled again: the head is due at once and delivery is queued; deleted: nothing pending is left.
    await h.deps.db.webhookSubscription.update({ where: { id: subA.id }, data: { status: "DISABLED", disabledReason: "x" } });
    await h.deps.db.webhookDelivery.updateMany({
      where: { id: again[0]!.id },
      data: { firstFailedAt: new Date(0), nextAttemptAt: new Date(4e12) },
    });
    expect(await enableWebhook(h.deps.db, { clientId: carriers.A.clientId, id: subA.id, now: h.clock.now })).toMatchObject({
      status: "ACTIVE",
      disabledReason: null,
    });
    expect(await h.deps.db.webhookDelivery.findUniqueOrThrow({ where: { id: again[0]!.id } })).toMatchObject({
      firstFailedAt: null,
      nextAttemptAt: h.clock.now,
    });
    await expect(deleteWebhook(h.deps.db, { clientId: carriers.B.clientId, id: subA.id, now: h.clock.now })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await deleteWebhook(h.deps.db, { clientId: carriers.A.clientId, id: subA.id, now: h.clock.now });
    expect(await h.deps.db.webhookDelivery.count({ where: { subscriptionId: subA.id, status: "PENDING" } })).toBe(0);
    expect((await listWebhooks(h.deps.db, { clientId: carriers.A.clientId })).map((s) => s.id)).not.toContain(subA.id);
    const listed = await listWebhooks(h.deps.db, { clientId: carriers.B.clientId });
    expect(listed).toMatchObject([{ id: subB.id, events: ["shipment.scanned"], status: "ACTIVE" }]);
    expect(Object.keys(listed[0]!)).not.toContain("secretEnc");
  });
});

describe("subscriptions", () => {
  const base = () => ({ clientId: carriers.B.clientId, dataKey: h.deps.dataKey, now: h.clock.now, events: ["shipment.delivered"] });

  it("refuses private targets without the flag, unknown or repeated types, and more than ten per organisation", async () => {
    const err = await createWebhook(h.deps.db, { ...base(), url: "http://127.0.0.1:8080/", allowPrivate: false }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: "INVALID_INPUT", key: "WEBHOOK_URL_PRIVATE", issues: [{ path: "url" }] });
    await expect(
      createWebhook(h.deps.db, { ...base(), url: "http://127.0.0.1/", allowPrivate: true, events: ["shipment.eaten"] }),
    ).rejects.toMatchObject({
      issues: [{ path: "events" }],
    });
    expect(ZCreateWebhookSchema.safeParse({ url: "https://x.example/", events: ["shipment.created", "shipment.created"] }).success).toBe(
      false,
    );
    expect(ZCreateWebhookSchema.safeParse({ url: "https://x.example/", events: [] }).success).toBe(false);
    expect(ZRedeliverSchema.safeParse({ eventId: "12" }).success).toBe(true);
    expect(ZRedeliverSchema.safeParse({ from: "2026-12-01T00:00:00Z", to: "2026-12-02T00:00:00Z" }).success).toBe(true);
    expect(ZRedeliverSchema.safeParse({ from: "2026-12-01T00:00:00Z" }).success).toBe(false);
    expect(ZRedeliverSchema.safeParse({}).success).toBe(false);
    const made = await Promise.all(
      Array.from({ length: 12 }, () =>
        createWebhook(h.deps.db, { ...base(), url: "http://127.0.0.1/", allowPrivate: true }).then(
          () => "ok",
          (e: AppError) => e.key,
        ),
      ),
    );
    const have = (await listWebhooks(h.deps.db, { clientId: carriers.B.clientId })).length;
    expect(have).toBe(10);
    expect(made.filter((m) => m === "WEBHOOK_LIMIT")).toHaveLength(12 - (10 - 1));
  });
});
