// Suspending a station through the API re-plans its shipments in a worker, via the outbox.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorkerConnection } from "@xiangda/jobs";
import { importDivisions, runFileImport } from "@xiangda/api";
import { createHarness, type Harness } from "@xiangda/api/testing";
import type { Actor } from "@xiangda/domain";
import { loggingSender } from "../../notify/sender.ts";
import { startWorkers, type WorkerHandle } from "../../start.ts";
import { scaled, waitFor } from "@xiangda/config/testing";

let h: Harness;
let handle: WorkerHandle;
let connection: ReturnType<typeof createWorkerConnection>;
const countyCode = "210881";
const manager: Actor = { userId: "00000000-0000-4000-8000-000000000010", username: "m", role: "COUNTY_MANAGER", countyCode, nodeId: null, merchantId: null };
const csv = (s: string) => ({ name: "f.csv", data: Buffer.from(s) });

beforeAll(async () => {
  h = await createHarness();
  await importDivisions(h.deps.db, countyCode);
  await runFileImport(h.deps.db, { kind: "nodes", file: csv("code,name,tier,areaCode,parentCode\nHUB,中心,COUNTY_HUB,210881000000,\nS102,高屯站,TOWNSHIP_STATION,210881102000,HUB\nP200,高屯村点,VILLAGE_POINT,210881102200,S102\n") });
  await runFileImport(h.deps.db, { kind: "lanes", file: csv("code,from,to,mode,departures,transitMinutes\nT1,HUB,S102,TRUNK,13:30,50\nM1,S102,P200,MILK_RUN,09:30,20\n") });
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

async function until(cond: () => Promise<boolean>) {
  await waitFor(cond, { what: "the re-route job's effect" });
}

describe("network.reroute job", () => {
  it("turns a shipment RED when its station is suspended and plans it again when reopened", async () => {
    const c = h.callerAs(manager);
    const s = await c.shipments.create({ countyCode, direction: "DOWN", fromCode: "HUB", to: "P200", recipientName: "王", recipientPhone: "13812345678", weightG: 500, contentsCategory: "日用品" });
    expect(s.routeError).toBeNull();
    await c.network.nodes.setStatus({ countyCode, code: "S102", status: "SUSPENDED", reason: "大雪" });
    await until(async () => (await h.deps.db.shipment.findUniqueOrThrow({ where: { id: s.id } })).light === "RED");
    const red = await h.deps.db.shipment.findUniqueOrThrow({ where: { id: s.id } });
    expect(red.routeError).toBeTruthy();
    await c.network.nodes.setStatus({ countyCode, code: "S102", status: "ACTIVE" });
    await until(async () => (await h.deps.db.shipment.findUniqueOrThrow({ where: { id: s.id } })).routeError === null);
    const legs = await h.deps.db.shipmentLeg.findMany({ where: { shipmentId: s.id, status: "PLANNED" }, orderBy: { seq: "asc" } });
    expect(legs.map((l) => l.laneCode)).toEqual(["T1", "M1"]);
    const types = (await h.deps.db.shipmentEvent.findMany({ where: { shipmentId: s.id }, orderBy: { id: "asc" } })).map((e) => e.type);
    expect(types.filter((t) => t !== "LIGHT_CHANGED")).toEqual(["CREATED", "ROUTED", "ROUTE_FAILED", "REROUTED"]);
    // The runs and their progress are visible to the county.
    const runs = await c.network.rerouteJobs({ countyCode });
    expect(runs.length).toBe(2);
    expect(runs.every((r) => r.state === "completed" && r.progress?.done === r.progress?.total)).toBe(true);
    expect(runs.map((r) => r.result?.affected)).toEqual([1, 1]);
  }, scaled(30_000));
});
