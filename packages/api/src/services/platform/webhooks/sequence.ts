// The feed's sequencer: gives committed ApiEvent rows their place in the feed (seq) and fans the typed ones out to the
// webhook subscriptions that see them. One at a time across every process (an advisory lock), in one transaction, so
// seq only grows in commit order: a reader paging by seq never skips an event whose writer committed late.
import type { Db } from "@xiangda/db";
import { writeOutbox } from "@xiangda/db";
import { standardEventOf } from "@xiangda/domain";
import { outboxEvent, webhooksDeliver } from "@xiangda/jobs";

export const SEQUENCER_BATCH = 1_000;

interface Unsequenced {
  id: bigint;
  kind: string;
  status: string;
}

/// Sequences up to `limit` of the oldest unsequenced events; returns how many (0 when another process holds the turn).
export async function sequenceApiEvents(db: Db, opts: { limit?: number; now: Date }): Promise<number> {
  const limit = opts.limit ?? SEQUENCER_BATCH;
  return db.$transaction(
    async (tx) => {
      const [lock] = await tx.$queryRaw<{ got: boolean }[]>`SELECT pg_try_advisory_xact_lock(hashtext('xd.platform.sequencer')) AS got`;
      if (!lock?.got) return 0;
      // A statement of its own after the lock: its snapshot sees every batch the previous holder committed.
      const rows = await tx.$queryRaw<Unsequenced[]>`
        SELECT id, kind, status FROM "ApiEvent" WHERE seq IS NULL ORDER BY id LIMIT ${limit}`;
      if (rows.length === 0) return 0;
      const ids = rows.map((r) => String(r.id));
      const types = rows.map((r) => standardEventOf(r.kind, r.status)?.type ?? null);
      const codes = rows.map((r) => standardEventOf(r.kind, r.status)?.code ?? null);
      const sequenced = await tx.$queryRaw<{ seq: bigint; type: string | null }[]>`
        WITH base AS (SELECT COALESCE(max(seq), 0) AS m FROM "ApiEvent"),
             batch AS (SELECT u.id, u.type, u.code, row_number() OVER (ORDER BY u.id) AS rn
                       FROM unnest(${ids}::bigint[], ${types}::text[], ${codes}::text[]) AS u(id, type, code))
        UPDATE "ApiEvent" e SET seq = base.m + batch.rn, type = batch.type, code = batch.code, "sequencedAt" = ${opts.now}
        FROM batch, base WHERE e.id = batch.id
        RETURNING e.seq, e.type`;
      const seqs = sequenced.filter((s) => s.type !== null).map((s) => String(s.seq));
      if (seqs.length > 0) {
        // Delivery ids follow seq within each subscription: the deliverer sends in id order.
        const fanned = await tx.$queryRaw<{ subscriptionId: string; last: bigint }[]>`
          WITH made AS (
            INSERT INTO "WebhookDelivery" ("subscriptionId", "eventSeq", "nextAttemptAt", "createdAt")
            SELECT s.id, e.seq, ${opts.now}, ${opts.now}
            FROM "ApiEvent" e
            JOIN "ApiClient" c ON c.active AND (
                   (c.kind = 'CARRIER' AND c."countyCode" = e."countyCode" AND c."carrierId" = e."carrierId")
                OR (c.kind = 'PLATFORM' AND c.id = e."clientId"))
            JOIN "WebhookSubscription" s ON s."clientId" = c.id AND s.status = 'ACTIVE' AND s."deletedAt" IS NULL
                                        AND e.type = ANY(s.events)
            WHERE e.seq = ANY(${seqs}::bigint[])
            ORDER BY e.seq, s.id
            RETURNING "subscriptionId", "eventSeq")
          SELECT "subscriptionId", max("eventSeq") AS last FROM made GROUP BY "subscriptionId"`;
        await writeOutbox(
          tx,
          fanned.map((f) => outboxEvent(webhooksDeliver, { subscriptionId: f.subscriptionId, wake: `seq-${String(f.last)}` })),
        );
      }
      return rows.length;
    },
    { timeout: 30_000, maxWait: 10_000 },
  );
}
