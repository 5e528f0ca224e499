import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { drainQueue, OfflineScanQueue, type TQueuedScan } from "./offline-queue.ts";

let dbCounter = 0;
const open = () => OfflineScanQueue.open(`test-queue-${++dbCounter}`);

function scan(i: number): TQueuedScan {
  return {
    clientScanId: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
    code: `XD${i}`,
    action: "ARRIVE",
    nodeId: "11111111-1111-4111-8111-111111111111",
    at: new Date(1_700_000_000_000 + i * 1000).toISOString(),
  };
}

describe("offline scan queue", () => {
  it("keeps scans in order and ignores a repeated clientScanId", async () => {
    const q = await open();
    for (let i = 1; i <= 5; i++) await q.add(scan(i));
    await q.add(scan(2));
    expect(await q.count()).toBe(5);
    expect((await q.peek()).map((s) => s.code)).toEqual(["XD1", "XD2", "XD3", "XD4", "XD5"]);
    expect((await q.peek(2)).map((s) => s.code)).toEqual(["XD1", "XD2"]);
    await q.remove([scan(1).clientScanId, scan(4).clientScanId]);
    expect((await q.peek()).map((s) => s.code)).toEqual(["XD2", "XD3", "XD5"]);
    q.close();
  });

  it("survives a reopen (IndexedDB, not memory)", async () => {
    const name = `test-queue-persist-${++dbCounter}`;
    const a = await OfflineScanQueue.open(name);
    await a.add(scan(7));
    a.close();
    const b = await OfflineScanQueue.open(name);
    expect(await b.peek()).toEqual([scan(7)]);
    b.close();
  });

  it("drains in order, in batches, each scan sent once when the API answers", async () => {
    const q = await open();
    for (let i = 1; i <= 12; i++) await q.add(scan(i));
    const sent: string[][] = [];
    const { results, error } = await drainQueue(
      q,
      async (batch) => {
        sent.push(batch.map((s) => s.code));
        return batch.map((s) => ({ clientScanId: s.clientScanId, outcome: "OK" }));
      },
      undefined,
      5,
    );
    expect(error).toBeNull();
    expect(sent.map((b) => b.length)).toEqual([5, 5, 2]);
    expect(sent.flat()).toEqual(Array.from({ length: 12 }, (_, i) => `XD${i + 1}`));
    expect(results).toHaveLength(12);
    expect(await q.count()).toBe(0);
    q.close();
  });

  it("keeps a batch whose send failed, and sends it again next time (none lost, none doubled)", async () => {
    const q = await open();
    for (let i = 1; i <= 7; i++) await q.add(scan(i));
    let calls = 0;
    const received = new Map<string, number>();
    const flaky = async (batch: TQueuedScan[]) => {
      calls++;
      if (calls === 2) throw new TypeError("Failed to fetch");
      for (const s of batch) received.set(s.clientScanId, (received.get(s.clientScanId) ?? 0) + 1);
      return batch.map((s) => ({ clientScanId: s.clientScanId }));
    };
    const first = await drainQueue(q, flaky, undefined, 3);
    expect(first.error).toBeInstanceOf(TypeError);
    expect(first.results).toHaveLength(3);
    expect((await q.peek()).map((s) => s.code)).toEqual(["XD4", "XD5", "XD6", "XD7"]);
    const second = await drainQueue(q, flaky, undefined, 3);
    expect(second.error).toBeNull();
    expect(await q.count()).toBe(0);
    expect([...received.values()].every((n) => n === 1)).toBe(true);
    expect(received.size).toBe(7);
    q.close();
  });

  it("removes only the scans the server answered for", async () => {
    const q = await open();
    for (let i = 1; i <= 3; i++) await q.add(scan(i));
    const { error } = await drainQueue(q, async (batch) => [{ clientScanId: batch[0]!.clientScanId }]);
    // The first call answers one; the second answers one more; the loop continues until empty.
    expect(error).toBeNull();
    expect(await q.count()).toBe(0);
    q.close();
  });
});
