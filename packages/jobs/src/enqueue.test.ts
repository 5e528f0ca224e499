// Queues made on a producer connection just as Redis goes away: once Redis is back, adds work again (BullMQ keeps a
// queue's failed start-up check for good, so Queues must make a new queue rather than reuse the broken one).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProducerConnection } from "./connection.ts";
import { Queues } from "./enqueue.ts";
import { startPrivateRedis, type PrivateRedis } from "./testing.ts";
import { scaled, waitFor } from "@xiangda/config/testing";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/// "ok", the error's name, or "timeout" (BullMQ waits for a connection without limit).
const attempt = (p: Promise<unknown>) =>
  Promise.race([p.then(() => "ok", (e: Error) => e.name), sleep(scaled(3_000)).then(() => "timeout")]);

let redis: PrivateRedis;
beforeAll(async () => {
  redis = await startPrivateRedis();
});
afterAll(async () => redis?.destroy());

describe("Queues across a Redis outage", () => {
  it("replaces a queue and a flow producer whose start-up check was cut off, so adds succeed once Redis is back", async () => {
    const conn = createProducerConnection(redis.url);
    const admin = createProducerConnection(redis.url);
    const queues = new Queues(conn, "xdq");
    try {
      await expect(attempt(queues.get("system").add("warm", {}))).resolves.toBe("ok");
      // The server stops answering while the new queue and flow producer check its version, then goes away.
      await admin.call("CLIENT", "PAUSE", "3000", "ALL");
      const notify = queues.get("notify");
      const flows = queues.flows();
      await sleep(100);
      await redis.stop();
      // Their start-up check fails with the connection (however long the loaded machine takes to notice).
      expect(await notify.waitUntilReady().then(() => "ok", (e: Error) => e.name)).toBe("MaxRetriesPerRequestError");
      expect(await flows.waitUntilReady().then(() => "ok", (e: Error) => e.name)).toBe("MaxRetriesPerRequestError");
      await redis.start();
      await waitFor(() => conn.status === "ready", { what: "the producer connection to reconnect" });

      const after = [
        await attempt(queues.get("notify").add("x", { n: 3 }, { jobId: "after-outage" })),
        await attempt(queues.flows().add({ name: "x", queueName: "notify", data: { n: 4 }, opts: { jobId: "flow-after-outage" } })),
      ];
      expect(after).toEqual(["ok", "ok"]);
      expect(queues.get("notify")).not.toBe(notify);
      expect(queues.flows()).not.toBe(flows);
      expect(await queues.get("notify").getJob("after-outage")).toMatchObject({ data: { n: 3 } });
      expect(await queues.get("notify").getJob("flow-after-outage")).toMatchObject({ data: { n: 4 } });
      // A queue that started well is kept.
      expect(queues.get("system")).toBe(queues.get("system"));
    } finally {
      await queues.close();
      conn.disconnect();
      admin.disconnect();
    }
  }, scaled(30_000));
});
