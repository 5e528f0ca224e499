// A parcel's scans as timeline events. Accepted scans are not copied into ShipmentEvent: the scan record
// (ScanEvent, written once per attempt) is the timeline entry, which keeps the scan write path short.
import { pgPool, type Db, type Row } from "@xiangda/db";

/// Device clocks drift: an event time more than 5 minutes ahead of the server is taken as the server's.
export function eventTime(deviceAt: Date, receivedAt: Date): Date {
  return deviceAt.getTime() > receivedAt.getTime() + 5 * 60_000 ? receivedAt : deviceAt;
}

export interface TimelineEvent {
  at: Date;
  type: string;
  nodeId: string | null;
  actorId: string | null;
  details: unknown;
}

type ScanRow = Row<"ScanEvent", "clientScanId" | "action" | "outcome" | "nodeId" | "userId" | "deviceAt" | "receivedAt" | "message"> & {
  shipmentId: string;
  shelfSlot: string | null;
};

/// Timeline events of the scans that moved these parcels (accepted, or misrouted and re-planned), in scan order.
export async function scanTimeline(db: Db, shipmentIds: string[]): Promise<Map<string, TimelineEvent[]>> {
  const out = new Map<string, TimelineEvent[]>();
  if (!shipmentIds.length) return out;
  const r = await pgPool(db).query<ScanRow>(
    `SELECT "shipmentId", "clientScanId", action, outcome, "nodeId", "userId", "deviceAt", "receivedAt", message, result->>'shelfSlot' AS "shelfSlot"
     FROM "ScanEvent" WHERE "shipmentId" = ANY($1::uuid[]) AND outcome IN ('OK', 'MISROUTED') ORDER BY id`,
    [shipmentIds],
  );
  for (const x of r.rows) {
    const list = out.get(x.shipmentId) ?? [];
    list.push({
      at: eventTime(x.deviceAt, x.receivedAt),
      type: x.outcome === "MISROUTED" ? "MISROUTED" : x.action,
      nodeId: x.nodeId,
      actorId: x.userId,
      details: { clientScanId: x.clientScanId, message: x.message, ...(x.shelfSlot ? { shelfSlot: x.shelfSlot } : {}) },
    });
    out.set(x.shipmentId, list);
  }
  return out;
}

/// Stored events and scan events in one time order (stable: stored events first at equal times, as they were written first).
export function mergeTimeline<T extends { at: Date }>(stored: T[], scans: T[]): T[] {
  return [...stored.map((e, i) => ({ e, k: 0, i })), ...scans.map((e, i) => ({ e, k: 1, i }))]
    .sort((a, b) => a.e.at.getTime() - b.e.at.getTime() || a.k - b.k || a.i - b.i)
    .map((x) => x.e);
}
