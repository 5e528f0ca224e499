// An import started through the API is relayed from the outbox, run by a worker, and reaches DONE.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorkerConnection } from "@xiangda/jobs";
import { importDivisions } from "@xiangda/api";
import { createHarness, type Harness } from "@xiangda/api/testing";
import type { Actor } from "@xiangda/domain";
import { loggingSender } from "../../notify/sender.ts";
import { startWorkers, type WorkerHandle } from "../../start.ts";
import { scaled, waitFor } from "@xiangda/config/testing";

let h: Harness;
let handle: WorkerHandle;
let connection: ReturnType<typeof createWorkerConnection>;
const manager: Actor = { userId: "00000000-0000-4000-8000-000000000009", username: "m", role: "COUNTY_MANAGER", countyCode: "210881", nodeId: null, merchantId: null };

beforeAll(async () => {
  h = await createHarness();
  await importDivisions(h.deps.db, "210881");
  connection = createWorkerConnection(process.env.REDIS_URL ?? "redis://127.0.0.1:56379");
  handle = startWorkers(
    { db: h.deps.db, queues: h.deps.queues, sender: loggingSender(h.deps.db, () => {}), log: { info() {}, warn() {}, error() {} } },
    { connection, prefix: h.deps.redisPrefix },
  );
}, scaled(60_000));
afterAll(async () => {
  await handle?.close();
  connection?.disconnect();
  await h?.close();
});

async function waitDone(importId: string) {
  const c = h.callerAs(manager);
  return waitFor(
    async () => {
      const r = await c.network.imports.get({ countyCode: "210881", importId });
      return r.status === "DONE" || r.status === "FAILED" ? r : null;
    },
    { what: `import ${importId} to finish` },
  );
}

describe("network.import job", () => {
  it("imports a file and the county's divisions end to end", async () => {
    const c = h.callerAs(manager);
    const nodes = "code,name,tier,areaCode,parentCode\nHUB,中心,COUNTY_HUB,210881000000,\nS102,高屯站,TOWNSHIP_STATION,210881102000,HUB\n";
    const { importId } = await c.network.imports.start({ countyCode: "210881", kind: "nodes", fileName: "n.csv", contentBase64: Buffer.from(nodes).toString("base64") });
    expect(await waitDone(importId)).toMatchObject({ status: "DONE", done: 2, total: 2, summary: { rows: 2, created: 2 } });
    expect(await h.deps.db.node.count()).toBe(2);

    await h.deps.db.carrier.create({ data: { code: "ZTO", name: "中通快递" } });
    const manifest = "waybillNo,recipientName,recipientPhone,address,villageCode,weightG\n731000000001,张三,13800000001,,210881102200,800\n731000000002,李四,13800000002,不知道哪里,,500\n";
    const m = await c.shipments.startManifestImport({ countyCode: "210881", carrierCode: "ZTO", fileName: "m.csv", contentBase64: Buffer.from(manifest).toString("base64") });
    const done = await waitDone(m.importId);
    expect(done).toMatchObject({ status: "DONE", kind: "manifest", done: 1, total: 1, summary: { rows: 2, created: 1, unresolved: [{ row: 3 }] } });
    expect(await h.deps.db.shipment.count({ where: { carrierWaybillNo: "731000000001", selfPickup: true } })).toBe(1);

    const div = await c.network.imports.start({ countyCode: "210881", kind: "divisions" });
    expect(await waitDone(div.importId)).toMatchObject({ status: "DONE", summary: { townships: 27, villageUnits: 301, added: 0, unchanged: 328 } });
  }, scaled(30_000));
});
