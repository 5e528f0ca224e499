// A worker's polling loop (the outbox relay, the feed's sequencer): `once` again at once while it finds work, every
// `idleMs` when it finds none, backing off up to 5 s while it fails (Redis or PostgreSQL down), logging the 1st and
// every 20th failure in a row.
export interface PollHandle {
  stop(): Promise<void>;
}

export function startPollLoop(
  once: () => Promise<number>,
  opts: { idleMs: number; log: { warn(o: object, m?: string): void }; failed: string },
): PollHandle {
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
        const n = await once();
        failures = 0;
        if (n === 0) await sleep(opts.idleMs);
      } catch (e) {
        failures++;
        if (failures === 1 || failures % 20 === 0) opts.log.warn({ err: String(e), failures }, opts.failed);
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
