// Scans, exactly once, in two round trips whatever the batch size. A call (one scan or up to 500) reads every parcel
// it names with their legs, last scans, stored results and nodes in one statement (read-batch.ts); decides each scan
// in memory with the domain state machine, scans of one parcel in the order sent (decide-and-apply.ts; a load's code
// expands into its parcels first, load-scans.ts); and writes parcels, legs, timeline, outbox and the scan records in
// one statement (with the stock of listings whose restock parcels were delivered), which is atomic on its own
// (write-batch.ts). Concurrency is optimistic: the write names the row version (xmin) of every parcel it read and
// fails as a whole when another writer got there first (or a racing duplicate clientScanId hit the unique index);
// the call then runs again on fresh data, where a duplicate finds the stored first result.
import { randomUUID } from "node:crypto";
import type { Db, PgPool } from "@xiangda/db";
import { pgPool, withPgClient } from "@xiangda/db";
import type { Actor } from "@xiangda/domain";
import { consolidationAssign, outboxEvent } from "@xiangda/jobs";
import { mayScanAt } from "../auth/scope.ts";
import { releaseStaleItems } from "../consolidation/release.ts";
import { rollupOutboxEvents } from "../dashboard/rollup-event.ts";
import { nodeView } from "./batch-rows.ts";
import { decideAndApply, type Batch } from "./decide-and-apply.ts";
import { expandLoadScans, markLoads, summarizeLoadScan } from "./load-scans.ts";
import { nodeLoader, READ_SQL, readBatch, resolveVehicles, shelfSlots } from "./read-batch.ts";
import type { TScan } from "./schemas.ts";
import type { ScanResult } from "./scan-result.ts";
import { WRITE_SQL, writeAll, type ScanRow } from "./write-batch.ts";

export type { ScanResult } from "./scan-result.ts";

const RETRYABLE = new Set(["23505", "22012", "40P01", "40001"]); // unique violation, stale read (see WRITE_SQL), deadlock, serialization

export async function recordScan(db: Db, { actor, now, ...input }: { actor: Actor; now: Date } & TScan): Promise<ScanResult> {
  return (await recordScanBatch(db, { actor, scans: [input], now }))[0]!;
}

/// Results come back in the order sent, one per scan.
export async function recordScanBatch(db: Db, { actor, scans, now }: { actor: Actor; scans: TScan[]; now: Date }): Promise<ScanResult[]> {
  const pool = pgPool(db);
  for (let attempt = 0; ; attempt++) {
    try {
      return await runBatch(pool, actor, scans, now);
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (!code || !RETRYABLE.has(code) || attempt >= 9) throw e;
    }
  }
}

async function runBatch(c: PgPool, actor: Actor, sent: TScan[], now: Date): Promise<ScanResult[]> {
  // Station staff scan only at their own node; the county's managers only find their county's parcels.
  const mayTry = (s: TScan) => mayScanAt(actor, s.nodeId);
  const { scans: input, unknown: unknownVehicle } = await resolveVehicles(c, sent, mayTry);
  // A load's barcode stands for every parcel in it: each gets a scan of its own, right after it.
  const { scans, top, headers } = await expandLoadScans(c, actor, input, (s) => mayTry(s) && !unknownVehicle.has(s.clientScanId));
  const read = await readBatch(c, actor, scans, mayTry);
  const batch: Batch = {
    ...read,
    actor,
    now,
    unknownVehicle,
    loadNodes: nodeLoader(c, read.nodes),
    slotsAt: shelfSlots(c, read.parcels),
    changes: { legs: new Map(), events: [], outbox: [], finished: [], delivered: [] },
  };
  const { parcels, changes } = batch;

  const results = new Array<ScanResult | undefined>(scans.length);
  const fresh = new Map<string, ScanResult>();
  const scanRows: ScanRow[] = [];
  const record = (i: number, result: ScanResult, shipmentId: string | null) => {
    results[i] = result;
    fresh.set(scans[i]!.clientScanId, result);
    scanRows.push({ s: scans[i]!, result, shipmentId });
  };
  for (let i = 0; i < scans.length; i++) {
    const s = scans[i]!;
    const prior = read.done.get(s.clientScanId) ?? fresh.get(s.clientScanId);
    if (prior) {
      results[i] = prior;
      continue;
    }
    if (headers.has(i)) continue; // summed up once its parcels are done
    const { result, shipmentId } = await decideAndApply(batch, s);
    record(i, result, shipmentId);
  }

  // Each load scan: one record of its own summing up its parcels' outcomes.
  for (const [i, h] of headers) {
    if (results[i]) continue;
    record(i, summarizeLoadScan(scans[i]!, h, results.slice(i + 1, i + 1 + h.children), nodeView(read.nodes, h.toNodeId)), null);
  }
  // Parcels now waiting at a node for their next leg join that leg's load.
  const readyAt = new Set<string>();
  for (const p of parcels.values()) if (p.dirty && p.row.status === "AT_NODE" && p.row.currentNodeId) readyAt.add(p.row.currentNodeId);
  if (readyAt.size)
    changes.outbox.push(
      outboxEvent(consolidationAssign, { nodeIds: [...readyAt].sort(), key: `scan-${scanRows[0]?.s.clientScanId ?? randomUUID()}` }),
    );

  changes.outbox.push(...rollupOutboxEvents(changes.finished, now));
  await writeAll(c, actor, now, {
    versions: read.versions,
    parcels: [...parcels.values()].filter((p) => p.dirty).map((p) => p.row),
    legs: [...changes.legs.values()],
    events: changes.events,
    outbox: changes.outbox,
    scanRows,
    delivered: changes.delivered,
  });
  await markLoads(c, scans, headers, results);
  // Legs this batch completed (handed over, arrived, delivered, shelved, in exception) leave their open loads (#17).
  await releaseStaleItems(c, { shipmentIds: [...parcels.values()].filter((p) => p.dirty).map((p) => p.row.id) }, now);
  return top.map((i) => results[i]!);
}

/// The first scan on a fresh connection pays for the connection (TCP, SCRAM) and for parsing and planning the two
/// statements (READ_SQL, WRITE_SQL); the pool closes connections idle for 30 s. Warming opens `connections` connections at once and
/// prepares both statements on each (the write with nothing to write: it changes no row). Run at start-up and when a
/// station console opens (scan.today), so the first scan after sign-in finds them ready.
export async function warmScanPath(db: Db, connections = 2): Promise<void> {
  const emptyRead = [[], [], [], [], null, [], []];
  const emptyWrite = [new Date(0), "[]", "[]", "[]", "[]", null, "[]", "[]", []];
  // Asked for at once from the pool, each gets a connection of its own (an idle one, or a new one).
  await Promise.all(
    Array.from({ length: connections }, () =>
      withPgClient(db, async (client) => {
        await client.query({ name: "xd_scan_read", text: READ_SQL, values: emptyRead });
        await client.query({ name: "xd_scan_write", text: WRITE_SQL, values: emptyWrite });
      }),
    ),
  );
}
