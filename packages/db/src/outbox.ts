// Writes outbox rows inside the caller's transaction; the worker's relay delivers them.
import type { Prisma } from "./generated/prisma/client.ts";
import type { Tx } from "./tx.ts";

export interface OutboxInput {
  queue: string;
  name: string;
  jobId: string;
  payload: Prisma.InputJsonValue;
}

/// Idempotent: an event whose jobId is already in the outbox is not written again.
export async function writeOutbox(tx: Tx, events: OutboxInput | OutboxInput[]): Promise<void> {
  const list = Array.isArray(events) ? events : [events];
  if (list.length === 0) return;
  await tx.outboxEvent.createMany({ data: list, skipDuplicates: true });
}
