// Runs the feed's sequencer beside the outbox relay: again at once while there is work, every `idleMs` when idle,
// backing off up to 5 s while PostgreSQL is down. Any number of processes may run it: one sequences at a time.
import type { Db } from "@xiangda/db";
import { sequenceApiEvents } from "@xiangda/api";
import { startPollLoop, type PollHandle } from "../relay/poll-loop.ts";

export type SequencerHandle = PollHandle;

export function startSequencer(
  db: Db,
  log: { warn(o: object, m?: string): void },
  opts: { idleMs?: number; now?: () => Date } = {},
): SequencerHandle {
  const now = opts.now ?? (() => new Date());
  return startPollLoop(() => sequenceApiEvents(db, { now: now() }), {
    idleMs: opts.idleMs ?? 200,
    log,
    failed: "event sequencer failed; will retry",
  });
}
