// Writes outbox rows inside the caller's transaction, a Prisma one or a raw one on a pg client; the worker's relay
// delivers them. The only writer of "OutboxEvent" (record-scan's single-statement batch aside).
import type { Prisma } from "./generated/prisma/client.ts";
import type { Tx } from "./tx.ts";

export interface OutboxInput {
  queue: string;
  name: string;
  jobId: string;
  payload: Prisma.InputJsonValue;
}

/// A pg client or pool: what services holding a client of their own (withPgTransaction) pass.
export interface PgQueryable {
  query(text: string, values?: unknown[]): Promise<unknown>;
}

// One multi-row INSERT whatever the number of rows; a jobId already in the outbox is skipped, not an error.
const INSERT_OUTBOX = `INSERT INTO "OutboxEvent" (queue, name, "jobId", payload)
  SELECT a, b, c, d FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[]) AS u(a, b, c, d)
  ON CONFLICT ("jobId") DO NOTHING`;

/// Idempotent: an event whose jobId is already in the outbox is not written again.
export async function writeOutbox(tx: Tx | PgQueryable, events: OutboxInput | OutboxInput[]): Promise<void> {
  const list = Array.isArray(events) ? events : [events];
  if (list.length === 0) return;
  const params = [list.map((e) => e.queue), list.map((e) => e.name), list.map((e) => e.jobId), list.map((e) => JSON.stringify(e.payload))];
  if ("$executeRawUnsafe" in tx) await tx.$executeRawUnsafe(INSERT_OUTBOX, ...params);
  else await tx.query(INSERT_OUTBOX, params);
}
