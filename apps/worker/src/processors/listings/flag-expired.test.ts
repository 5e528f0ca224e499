// The daily expiry job run by a real worker: flags a listing whose recognition expired; the scheduler
// as registered at worker start fires at 02:00 Asia/Shanghai.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorkerConnection, enqueue, listingsFlagExpired } from "@xiangda/jobs";
import { createArea, createCounty, createMerchant, createNode } from "@xiangda/db/factories";
import { createHarness, type Harness } from "@xiangda/api/testing";
import { loggingSender } from "../../notify/sender.ts";
import { startWorkers, type WorkerHandle } from "../../start.ts";
import { scaled, waitFor } from "@xiangda/config/testing";

let h: Harness;
let handle: WorkerHandle;
let connection: ReturnType<typeof createWorkerConnection>;

beforeAll(async () => {
  h = await createHarness();
  connection = createWorkerConnection(process.env.REDIS_URL ?? "redis://127.0.0.1:56379");
  handle = startWorkers(
    { db: h.deps.db, queues: h.deps.queues, sender: loggingSender(h.deps.db, () => {}), log: { info() {}, warn() {}, error() {} } },
    { connection, prefix: h.deps.redisPrefix, queues: [listingsFlagExpired.queue], relay: false },
  );
}, scaled(60_000));
afterAll(async () => {
  await handle?.close();
  connection?.disconnect();
  await h?.close();
});

describe("listings.flagExpired job", () => {
  it("flags an ACTIVE listing whose merchant's recognition expired", async () => {
    const db = h.deps.db;
    await createCounty(db, { code: "210881", name: "盖州", cityName: "营口市", provinceName: "辽宁省" });
    const t = await createArea(db, { code: "210881101000", countyCode: "210881", level: "TOWNSHIP", kind: "镇", name: "一镇" });
    const node = await createNode(db, { countyCode: "210881", areaCode: t.code, code: "S1" });
    const m = await createMerchant(db, {
      countyCode: "210881",
      recognitionNo: "FP-1",
      recognitionValidUntil: new Date("2026-11-19T00:00:00Z"),
    });
    const p = await db.product.create({
      data: { merchantId: m.id, name: "苹果", category: "FRUIT", unit: "箱", unitWeightG: 5000, shelfLifeDays: 30 },
    });
    const c = await db.counter.create({
      data: { countyCode: "210881", code: "C1", name: "专柜", venueType: "SUPERMARKET", operatorName: "超市", nodeId: node.id },
    });
    const l = await db.listing.create({
      data: { productId: p.id, counterId: c.id, merchantId: m.id, countyCode: "210881", priceFen: 1000, status: "ACTIVE" },
    });

    const at = "2026-11-19T18:00:00.000Z";
    const job = await enqueue(h.deps.queues, listingsFlagExpired, { at });
    // The same payload again is the same job.
    expect((await enqueue(h.deps.queues, listingsFlagExpired, { at })).id).toBe(job.id);
    await waitFor(() => job.isCompleted(), { what: "the flag-expired job" });
    const done = await h.deps.queues.get(listingsFlagExpired.queue).getJob(job.id!);
    expect(done?.returnvalue).toEqual({ today: "2026-11-20", flagged: 1, cleared: 0 });
    expect(await db.listing.findUniqueOrThrow({ where: { id: l.id } })).toMatchObject({
      status: "ACTIVE",
      flagReason: "recognition FP-1 expired on 2026-11-19",
      flaggedAt: new Date(at),
    });
  });

  it("the daily scheduler's next run is 02:00 in Asia/Shanghai", async () => {
    const q = h.deps.queues.get(listingsFlagExpired.queue);
    await q.upsertJobScheduler(
      "listings-flag-expired-daily",
      { pattern: "0 2 * * *", tz: "Asia/Shanghai" },
      { name: listingsFlagExpired.name, data: {} },
    );
    const s = (await q.getJobSchedulers(0, -1)).find((x) => x.key === "listings-flag-expired-daily");
    expect(s?.next).toBeDefined();
    const next = new Date(s!.next!);
    expect([next.getUTCHours(), next.getUTCMinutes()]).toEqual([18, 0]);
    await q.removeJobScheduler("listings-flag-expired-daily");
  });
});
