// The scan path tells the recipient: a PICKUP (or DELIVER) scan enqueues notify.delivered and an EXCEPTION scan
// notify.exception through the outbox, once per scan; the worker turns them into messages with their templates.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@xiangda/domain";
import { createHarness, importScanNetwork, SCAN_COUNTY, SCAN_MANAGER, scanStaff, type Harness } from "@xiangda/api/testing";
import { createWorkerConnection } from "@xiangda/jobs";
import { scaled, waitFor } from "@xiangda/config/testing";
import { relayOnce } from "../relay/outbox-relay.ts";
import { startWorkers } from "../start.ts";
import { loggingSender } from "./sender.ts";

let h: Harness;
const ids: Record<string, string> = {};
const staff = (code: string): Actor => scanStaff(ids[code]!, code);

beforeAll(async () => {
  h = await createHarness();
  Object.assign(ids, (await importScanNetwork(h)).ids);
}, scaled(60_000));
afterAll(async () => h?.close());

const scan = (actor: Actor, code: string, action: string, node: string, extra: object = {}) =>
  h
    .callerAs(actor)
    .scan.record({ clientScanId: randomUUID(), code, action: action as never, nodeId: ids[node]!, at: new Date().toISOString(), ...extra });

async function newParcel(phone: string) {
  const s = await h.callerAs(SCAN_MANAGER).shipments.create({
    countyCode: SCAN_COUNTY,
    direction: "DOWN",
    fromCode: "HUB",
    to: "P200",
    recipientName: "王",
    recipientPhone: phone,
    weightG: 500,
    contentsCategory: "日用品",
  });
  return s.waybillNo;
}

const outboxOf = (name: string) => h.deps.db.outboxEvent.findMany({ where: { name } });

describe("scan notices", () => {
  it("PICKUP enqueues notify.delivered, EXCEPTION notify.exception, and the worker sends each once", async () => {
    const picked = await newParcel("13811110001");
    for (const [node, action] of [
      ["HUB", "DEPART"],
      ["S102", "ARRIVE"],
      ["S102", "HANDOVER"],
      ["P200", "ARRIVE"],
    ] as const) {
      expect(await scan(staff(node), picked, action, node)).toMatchObject({ outcome: "OK" });
    }
    expect(await outboxOf("notify.delivered")).toHaveLength(0);
    const { pickupCode } = await h.deps.db.shipment.findUniqueOrThrow({ where: { waybillNo: picked } });
    expect(await scan(staff("P200"), picked, "PICKUP", "P200", { pickupCode })).toMatchObject({
      outcome: "OK",
      shipment: { status: "DELIVERED" },
    });

    const broken = await newParcel("13811110002");
    expect(await scan(staff("HUB"), broken, "EXCEPTION", "HUB", { exceptionReason: "外包装破损" })).toMatchObject({ outcome: "OK" });
    // A repeated exception scan changes nothing and asks for no second notice.
    await scan(staff("HUB"), broken, "EXCEPTION", "HUB", { exceptionReason: "外包装破损" });

    const delivered = await outboxOf("notify.delivered");
    const exception = await outboxOf("notify.exception");
    expect(delivered).toHaveLength(1);
    expect(exception).toHaveLength(1);
    const [pickedRow, brokenRow] = await Promise.all(
      [picked, broken].map((w) => h.deps.db.shipment.findUniqueOrThrow({ where: { waybillNo: w }, select: { id: true } })),
    );
    expect(delivered[0]!.payload).toMatchObject({ shipmentId: pickedRow!.id });
    expect(exception[0]!.payload).toMatchObject({ shipmentId: brokenRow!.id });

    await relayOnce(h.deps.db, h.deps.queues);
    const connection = createWorkerConnection(process.env.REDIS_URL ?? "redis://127.0.0.1:56379");
    const quiet = { info() {}, warn() {}, error() {} };
    const handle = startWorkers(
      { db: h.deps.db, queues: h.deps.queues, sender: loggingSender(h.deps.db, () => {}), log: quiet },
      { connection, prefix: h.deps.redisPrefix, queues: ["notify"], relay: false },
    );
    try {
      const notes = await waitFor(
        async () => {
          const n = await h.deps.db.notification.findMany({ where: { template: { in: ["shipment.delivered", "shipment.exception"] } } });
          return n.length >= 2 ? n : null;
        },
        { what: "the two notices" },
      );
      expect(notes.map((n) => [n.template, n.recipient]).sort()).toEqual([
        ["shipment.delivered", "13811110001"],
        ["shipment.exception", "13811110002"],
      ]);
      expect(notes.find((n) => n.template === "shipment.exception")?.payload).toMatchObject({ reason: "外包装破损" });
    } finally {
      await handle.close();
      connection.disconnect();
    }
  });
});
