// The organisation's event feed (`GET /api/v1/events?after=&limit=`): its parcels' standard events in the order the
// sequencer placed them, so a client that missed webhooks catches up by paging with `next` and loses nothing.
import type { Db } from "@xiangda/db";
import { AppError } from "@xiangda/domain";
import type { ApiCaller } from "./api-keys.ts";
import { eventBodies } from "./webhooks/event-body.ts";

export const MAX_FEED_PAGE = 500;

/// The feed rows an organisation sees: a carrier's parcels in its county, or the parcels a platform pre-advised.
export const feedScope = (caller: Pick<ApiCaller, "countyCode" | "carrierId" | "clientId">) =>
  caller.carrierId ? { countyCode: caller.countyCode, carrierId: caller.carrierId } : { clientId: caller.clientId };

export async function listApiEvents(db: Db, input: { caller: ApiCaller; after?: string | undefined; limit?: number | undefined }) {
  const after = input.after === undefined || input.after === "" ? 0n : /^\d{1,18}$/.test(input.after) ? BigInt(input.after) : null;
  if (after === null) throw AppError.at("after", "ZOD_FORMAT");
  const limit = Math.min(Math.max(input.limit ?? 100, 1), MAX_FEED_PAGE);
  const rows = await db.apiEvent.findMany({
    where: { ...feedScope(input.caller), seq: { gt: after }, type: { not: null } },
    orderBy: { seq: "asc" },
    take: limit,
    select: { seq: true },
  });
  const seqs = rows.map((r) => r.seq!);
  // The same bodies the webhooks send.
  const bodies = await eventBodies(db, seqs);
  return { events: seqs.map((s) => bodies.get(s)!), next: String(seqs.at(-1) ?? after) };
}
