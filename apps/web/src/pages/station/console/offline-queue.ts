// The offline scan queue: scans the API could not take wait in IndexedDB, in the order they were made, and are sent
// with scan.recordBatch (at most 500 a call) when the API answers again. A scan leaves the queue only once its result
// has arrived; resending is safe because the server replays the stored result of a clientScanId.
import { openDB, type DBSchema, type IDBPDatabase } from "idb";

/** What the scan API takes (scan.record / scan.recordBatch input). */
export interface TQueuedScan {
  clientScanId: string;
  code: string;
  /** Absent: the server infers it (AUTO mode). */
  action?: string;
  nodeId: string;
  at: string;
  vehicleId?: string;
  /** A vehicle's id, number or plate (the server resolves it within the node's county). */
  vehicle?: string;
  exceptionReason?: string;
  pickupCode?: string;
  phoneLast4?: string;
}

interface QueueDb extends DBSchema {
  scans: { key: number; value: { seq?: number; scan: TQueuedScan }; indexes: { clientScanId: string } };
}

export const MAX_BATCH = 500;
const STORE = "scans";

export class OfflineScanQueue {
  private constructor(private readonly db: IDBPDatabase<QueueDb>) {}

  static async open(name = "xd-scan-queue"): Promise<OfflineScanQueue> {
    const db = await openDB<QueueDb>(name, 1, {
      upgrade(database) {
        const store = database.createObjectStore(STORE, { keyPath: "seq", autoIncrement: true });
        store.createIndex("clientScanId", "scan.clientScanId", { unique: true });
      },
    });
    return new OfflineScanQueue(db);
  }

  /** Appends a scan; adding the same clientScanId twice keeps the first (and its place). */
  async add(scan: TQueuedScan): Promise<void> {
    const tx = this.db.transaction(STORE, "readwrite");
    const existing = await tx.store.index("clientScanId").getKey(scan.clientScanId);
    if (existing === undefined) await tx.store.add({ scan });
    await tx.done;
  }

  /** The oldest `limit` scans, in the order they were added. */
  async peek(limit = MAX_BATCH): Promise<TQueuedScan[]> {
    const rows = await this.db.getAll(STORE, null, limit);
    return rows.map((r) => r.scan);
  }

  async count(): Promise<number> {
    return this.db.count(STORE);
  }

  /** Removes the scans with these ids (those whose results arrived). */
  async remove(clientScanIds: readonly string[]): Promise<void> {
    const tx = this.db.transaction(STORE, "readwrite");
    const index = tx.store.index("clientScanId");
    for (const id of clientScanIds) {
      const key = await index.getKey(id);
      if (key !== undefined) await tx.store.delete(key);
    }
    await tx.done;
  }

  close(): void {
    this.db.close();
  }
}

export interface TSyncOutcome<R> {
  /** Results that arrived, in the order the scans were queued. */
  results: R[];
  /** The error that stopped the sync (API still unreachable), or null when the queue was emptied. */
  error: unknown;
}

/**
 * Sends the queue in order, batch by batch, until it is empty or a send fails. Each batch is removed only after its
 * results arrive; a failed batch stays queued, whole, for the next attempt.
 */
export async function drainQueue<R extends { clientScanId: string }>(
  queue: OfflineScanQueue,
  send: (scans: TQueuedScan[]) => Promise<R[]>,
  onBatch?: (results: R[]) => void,
  batchSize = MAX_BATCH,
): Promise<TSyncOutcome<R>> {
  const all: R[] = [];
  for (;;) {
    const batch = await queue.peek(Math.min(batchSize, MAX_BATCH));
    if (batch.length === 0) return { results: all, error: null };
    let results: R[];
    try {
      results = await send(batch);
    } catch (error) {
      return { results: all, error };
    }
    // Only scans the server answered for leave the queue.
    const answered = new Set(results.map((r) => r.clientScanId));
    await queue.remove(batch.filter((s) => answered.has(s.clientScanId)).map((s) => s.clientScanId));
    all.push(...results);
    onBatch?.(results);
    if (answered.size === 0) return { results: all, error: new Error("the server returned no results") };
  }
}
