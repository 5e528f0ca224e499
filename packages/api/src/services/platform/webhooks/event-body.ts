// The public form of a feed event, the same in a webhook's body and in the feed (`GET /api/v1/events`): its id is the
// event's sequence number as a string.
import type { Db } from "@xiangda/db";
import { STANDARD_EVENTS } from "@xiangda/domain";

export interface EventNode {
  code: string;
  name: string;
  tier: string;
}

export interface EventBody {
  id: string;
  type: string;
  createdAt: string;
  data: {
    waybillNo: string;
    xdWaybillNo: string;
    status: string;
    event: {
      code: string;
      at: string;
      node: EventNode | null;
      description: { zh: string; en: string };
      details?: Record<string, unknown>;
    };
  };
}

interface Row {
  seq: bigint;
  type: string;
  code: string;
  status: string;
  at: Date;
  createdAt: Date;
  details: Record<string, unknown> | null;
  waybillNo: string;
  carrierWaybillNo: string | null;
  nodeCode: string | null;
  nodeName: string | null;
  nodeTier: string | null;
}

const WORDS = new Map<string, { zh: string; en: string }>(STANDARD_EVENTS.map((e) => [e.code, { zh: e.zh, en: e.en }]));

function toBody(r: Row): EventBody {
  const node = r.nodeCode !== null ? { code: r.nodeCode, name: r.nodeName ?? "", tier: r.nodeTier ?? "" } : null;
  const details = r.details && Object.keys(r.details).length > 0 ? { details: r.details } : {};
  return {
    id: String(r.seq),
    type: r.type,
    createdAt: r.createdAt.toISOString(),
    data: {
      waybillNo: r.carrierWaybillNo ?? r.waybillNo,
      xdWaybillNo: r.waybillNo,
      status: r.status,
      event: { code: r.code, at: r.at.toISOString(), node, description: WORDS.get(r.code) ?? { zh: r.code, en: r.code }, ...details },
    },
  };
}

/// The bodies of the given sequenced events (those with a type), by sequence number.
export async function eventBodies(db: Db, seqs: readonly bigint[]): Promise<Map<bigint, EventBody>> {
  if (seqs.length === 0) return new Map();
  const rows = await db.$queryRaw<Row[]>`
    SELECT e.seq, e.type, e.code, e.status, e.at, e."createdAt", e.details, s."waybillNo", s."carrierWaybillNo",
           n.code AS "nodeCode", n.name AS "nodeName", n.tier::text AS "nodeTier"
    FROM "ApiEvent" e JOIN "Shipment" s ON s.id = e."shipmentId" LEFT JOIN "Node" n ON n.id = e."nodeId"
    WHERE e.seq = ANY(${seqs.map(String)}::bigint[]) AND e.type IS NOT NULL`;
  return new Map(rows.map((r) => [BigInt(r.seq), toBody(r)]));
}
