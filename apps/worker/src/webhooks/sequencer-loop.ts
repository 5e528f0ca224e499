// Runs the feed's sequencer beside the outbox relay: again at once while there is work, every `idleMs` when idle,
// backing off up to 5 s while PostgreSQL is down. Any number of processes may run it: one sequences at a time.
import type { Db } from "@xiangda/db";
import { sequenceApiEvents } from "@xiangda/api";

export interface SequencerHandle {
  stop(): Promise<void>;
}

export function startSequencer(
  db: Db,
  log: { warn(o: object, m?: string): void },
  opts: { idleMs?: number; now?: () => Date } = {},
): SequencerHandle {
  const idleMs = opts.idleMs ?? 200;
  const now = opts.now ?? (() => new Date());
  let stopped = false;
  let failures = 0;
  let wake: (() => void) | null = null;
  const sleep = (ms: number) =>
    new Promise<void>((r) => {
      const t = setTimeout(r, ms);
      wake = () => {
        clearTimeout(t);
        r();
      };
    });
  const loop = (async () => {
    while (!stopped) {
      try {
        const n = await sequenceApiEvents(db, { now: now() });
        failures = 0;
        if (n === 0) await sleep(idleMs);
      } catch (e) {
        failures++;
        if (failures === 1 || failures % 20 === 0) log.warn({ err: String(e), failures }, "event sequencer failed; will retry");
        await sleep(Math.min(200 * 2 ** Math.min(failures, 5), 5_000));
      }
    }
  })();
  return {
    async stop() {
      stopped = true;
      wake?.();
      await loop;
    },
  };
}
