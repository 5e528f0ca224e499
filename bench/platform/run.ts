// The open platform's throughput against baselines measured in the same run:
// 1. pre-advice ingestion: parcels/s through `POST /api/v1/shipments` (500 a call, 4 calls in flight, over HTTP with
//    key, checks, routing and the feed's triggers) vs the same kind of rows imported as one arrival manifest;
// 2. webhook fan-out: events/s delivered, signed, to a local HTTP receiver by the real workers (sequencer, outbox,
//    BullMQ, the deliverer's lease and order) vs bare BullMQ no-op jobs through the same Redis.
// Run: pnpm bench platform  (needs `pnpm services up`).
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Queue, Worker } from "bullmq";
import { pino } from "pino";
import { createApiClient, createApiKey } from "@xiangda/api/rest";
import { createWebhook } from "@xiangda/api";
import { createWorkerConnection } from "@xiangda/jobs";
import { buildServer } from "../../apps/api/src/server.ts";
import { seedDemo } from "../../apps/api/src/seed/seed-demo.ts";
import { loggingSender } from "../../apps/worker/src/notify/sender.ts";
import { startWorkers } from "../../apps/worker/src/start.ts";
import { defaultBackoffMs } from "../../apps/worker/src/webhooks/options.ts";
import { machineLine, writeSection } from "../lib/results.ts";
import { benchWorld, importHubParcels } from "../lib/world.ts";

const PARCELS = Number(process.env.XD_BENCH_PRE_ADVICE ?? 4000);
const CALL = 500;
const IN_FLIGHT = 4;
/// Webhook subscriptions, each getting every event (one deliverer at a time each, in order).
const SUBSCRIPTIONS = 4;
const EVENTS = Number(process.env.XD_BENCH_WEBHOOK_EVENTS ?? 1500);
const quiet = { info() {}, warn() {}, error() {} };

const { tdb, redis, deps } = await benchWorld(30);
try {
  console.log("seeding the Gaizhou demo network…");
  await seedDemo(tdb.db);
  const villages = (await tdb.db.node.findMany({ where: { tier: "VILLAGE_POINT", status: "ACTIVE" }, select: { areaCode: true } })).map(
    (n) => n.areaCode,
  );
  const client = await createApiClient(tdb.db, { actor: null, countyCode: "210881", kind: "CARRIER", carrierCode: "ZTO" });
  const { key } = await createApiKey(tdb.db, { actor: null, clientId: client.id });
  const app = await buildServer(deps, { logger: pino({ level: "silent" }), webDist: null, apiRatePerMinute: 1_000_000 });
  await app.listen({ host: "127.0.0.1", port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const parcel = (no: number, i: number) => ({
    waybillNo: `7${no}`,
    recipientName: "收件人",
    recipientPhone: `139${String(10_000_000 + i).slice(-8)}`,
    villageCode: villages[i % villages.length],
    weightG: 500 + (i % 2000),
  });
  const preAdvise = async (from: number, count: number) => {
    const calls: number[][] = [];
    for (let i = 0; i < count; i += CALL) calls.push(Array.from({ length: Math.min(CALL, count - i) }, (_, k) => i + k));
    let next = 0;
    let created = 0;
    const start = performance.now();
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next < calls.length) {
          const call = calls[next++]!;
          const res = await fetch(`${base}/api/v1/shipments`, {
            method: "POST",
            headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
            body: JSON.stringify({ parcels: call.map((i) => parcel(from + i, i)) }),
          });
          const body = (await res.json()) as { results: { outcome: string }[] };
          created += body.results.filter((r) => r.outcome === "CREATED").length;
        }
      }),
    );
    return { created, secs: (performance.now() - start) / 1000 };
  };

  // 1. Pre-advice vs manifest import (warm both first).
  await preAdvise(20_000_000_000, 1000);
  await importHubParcels(tdb.db, { count: 1000, firstNo: 21_000_000_000, fileName: "warm.csv" });
  const api = await preAdvise(22_000_000_000, PARCELS);
  const t0 = performance.now();
  const manifestCreated = await importHubParcels(tdb.db, { count: PARCELS, firstNo: 23_000_000_000, fileName: "bench.csv" });
  const manifestSecs = (performance.now() - t0) / 1000;
  if (api.created !== PARCELS || manifestCreated !== PARCELS)
    throw new Error(`created ${api.created} by API, ${manifestCreated} by manifest`);
  const apiRate = api.created / api.secs;
  const manifestRate = manifestCreated / manifestSecs;
  console.log(`pre-advice ${apiRate.toFixed(0)}/s, manifest ${manifestRate.toFixed(0)}/s`);

  // 2. Webhook fan-out. Everything so far is placed in the feed first, with no subscription, so only the new events count.
  const connection = createWorkerConnection(process.env.REDIS_URL ?? "redis://127.0.0.1:56379");
  const handle = startWorkers(
    {
      db: tdb.db,
      queues: deps.queues,
      sender: loggingSender(tdb.db, () => {}),
      log: quiet,
      webhooks: {
        dataKey: deps.dataKey,
        allowPrivate: true,
        now: () => new Date(),
        backoffMs: defaultBackoffMs,
        disableAfterMs: 24 * 3600_000,
        timeoutMs: 10_000,
        leaseMs: 30_000,
      },
    },
    { connection, prefix: deps.redisPrefix, concurrency: { webhooks: 20 } },
  );
  const backlog = async () => tdb.db.apiEvent.count({ where: { seq: null } });
  while ((await backlog()) > 0) await new Promise((r) => setTimeout(r, 100));
  let received = 0;
  let done: () => void = () => {};
  const all = new Promise<void>((r) => (done = r));
  const receiver = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.writeHead(204).end();
      if (++received === EVENTS * SUBSCRIPTIONS) done();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  for (let i = 0; i < SUBSCRIPTIONS; i++)
    await createWebhook(tdb.db, {
      clientId: client.id,
      url: `${hookUrl}/${i}`,
      events: ["shipment.created"],
      dataKey: deps.dataKey,
      allowPrivate: true,
      now: new Date(),
    });
  const f0 = performance.now();
  await preAdvise(24_000_000_000, EVENTS);
  await all;
  const fanSecs = (performance.now() - f0) / 1000;
  const fanRate = received / fanSecs;
  await handle.close();
  receiver.close();

  // Baseline: the same number of bare BullMQ jobs, added in bulk and run by a Worker doing nothing, same concurrency.
  const q = new Queue("bench-noop", { connection: redis, prefix: deps.redisPrefix });
  let ran = 0;
  let noopDone: () => void = () => {};
  const noopAll = new Promise<void>((r) => (noopDone = r));
  const w = new Worker("bench-noop", async () => void (++ran === EVENTS * SUBSCRIPTIONS && noopDone()), {
    connection,
    prefix: deps.redisPrefix,
    concurrency: 20,
  });
  const n0 = performance.now();
  const jobs = Array.from({ length: EVENTS * SUBSCRIPTIONS }, (_, i) => ({ name: "noop", data: { i } }));
  for (let i = 0; i < jobs.length; i += 1000) await q.addBulk(jobs.slice(i, i + 1000));
  await noopAll;
  const noopRate = ran / ((performance.now() - n0) / 1000);
  await w.close();
  await q.obliterate({ force: true });
  await q.close();
  await connection.quit();
  await app.close();
  console.log(`webhooks ${fanRate.toFixed(0)} deliveries/s, no-op jobs ${noopRate.toFixed(0)}/s`);

  writeSection(
    "platform",
    `## Open platform: pre-advice and webhook fan-out

Command: \`pnpm bench platform\` (bench/platform/run.ts). ${machineLine()}.

| what | rate | baseline in the same run | ratio |
|---|---|---|---|
| pre-advice: ${PARCELS} parcels through \`POST /api/v1/shipments\` (HTTP, ${CALL} a call, ${IN_FLIGHT} in flight) | ${apiRate.toFixed(0)} parcels/s | the same rows as one arrival manifest import: ${manifestRate.toFixed(0)} parcels/s | **${(apiRate / manifestRate).toFixed(2)}** |
| webhook fan-out: ${EVENTS} events × ${SUBSCRIPTIONS} subscriptions, signed POSTs to a local receiver (sequencer, outbox, BullMQ, per-subscription order) | ${fanRate.toFixed(0)} deliveries/s | bare BullMQ no-op jobs, same Redis and concurrency: ${noopRate.toFixed(0)} jobs/s | **${(fanRate / noopRate).toFixed(2)}** |

The pre-advice path does per call what the manifest import does once per file (the key, the county's places and
routing network, the natural-key check) and answers each row; the webhook path is one HTTP request per delivery, one at a
time per subscription (their order), against jobs that do nothing.`,
  );
} finally {
  await redis.quit();
  await tdb.drop();
}
