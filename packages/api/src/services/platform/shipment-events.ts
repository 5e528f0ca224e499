// One parcel's timeline as standard events (the feed's rows: ApiEvent), in the feed's order, those not yet placed by
// the sequencer (committed moments ago) last in the order written. What the REST API and the carrier portal show.
import type { Db } from "@xiangda/db";
import { standardEventOf } from "@xiangda/domain";

export async function shipmentStandardEvents(db: Db, { shipmentId }: { shipmentId: string }) {
  const rows = await db.apiEvent.findMany({
    where: { shipmentId },
    orderBy: [{ seq: { sort: "asc", nulls: "last" } }, { id: "asc" }],
    take: 500,
  });
  const nodeIds = [...new Set(rows.map((r) => r.nodeId).filter((x): x is string => !!x))];
  const nodes = new Map(
    (await db.node.findMany({ where: { id: { in: nodeIds } }, select: { id: true, code: true, name: true, tier: true } })).map((n) => [
      n.id,
      n,
    ]),
  );
  return rows.flatMap((r) => {
    const std = standardEventOf(r.kind, r.status);
    if (!std) return [];
    const n = r.nodeId ? nodes.get(r.nodeId) : undefined;
    return [
      {
        /// The event's id in the feed; null until the sequencer has placed it.
        seq: r.seq === null ? null : String(r.seq),
        code: std.code,
        type: std.type,
        zh: std.zh,
        en: std.en,
        status: r.status,
        at: r.at.toISOString(),
        node: n ? { code: n.code, name: n.name, tier: n.tier } : null,
        details: (r.details as Record<string, unknown> | null) ?? null,
      },
    ];
  });
}
export type TShipmentStandardEvent = Awaited<ReturnType<typeof shipmentStandardEvents>>[number];
