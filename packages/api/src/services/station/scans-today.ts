// Today's scans at a node (Asia/Shanghai day), newest first, with counts per action and outcome.
import type { Db } from "@xiangda/db";
import { warmScanPath } from "../scan/record-scan.ts";

const SHANGHAI_OFFSET_MS = 8 * 3600_000;

export async function listScansToday(db: Db, input: { nodeId: string; now: Date }) {
  const now = input.now.getTime();
  const start = new Date(Math.floor((now + SHANGHAI_OFFSET_MS) / 86_400_000) * 86_400_000 - SHANGHAI_OFFSET_MS);
  const where = { nodeId: input.nodeId, receivedAt: { gte: start } };
  // A console opening (and polling) is about to scan: have the scan's connections and statements ready (issue #17:
  // the first scan after sign-in paid for a new connection and for planning them). Not awaited; a failure is harmless.
  warmScanPath(db).catch(() => undefined);
  const [rows, counts] = await Promise.all([
    db.scanEvent.findMany({ where, orderBy: { id: "desc" }, take: 200 }),
    db.scanEvent.groupBy({ by: ["action", "outcome"], where, _count: { _all: true } }),
  ]);
  return {
    since: start.toISOString(),
    counts: counts.map((c) => ({ action: c.action, outcome: c.outcome, count: c._count._all })),
    scans: rows.map((r) => ({
      clientScanId: r.clientScanId,
      code: r.code,
      action: r.action,
      outcome: r.outcome,
      reason: (r.result as { reason?: string | null } | null)?.reason ?? null,
      params: (r.result as { params?: Record<string, string | number> | null } | null)?.params ?? null,
      message: r.message,
      deviceAt: r.deviceAt.toISOString(),
      receivedAt: r.receivedAt.toISOString(),
    })),
  };
}
