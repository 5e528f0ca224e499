// Redis connections: producers fail fast inside a request; workers wait for Redis forever.
import { Redis, type RedisOptions } from "ioredis";

export function createProducerConnection(url: string, extra: RedisOptions = {}): Redis {
  const r = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    lazyConnect: false,
    retryStrategy: (times) => Math.min(times * 200, 2_000),
    ...extra,
  });
  r.on("error", () => {
    /* reported by health checks and callers; keep the process alive */
  });
  return r;
}

export function createWorkerConnection(url: string, extra: RedisOptions = {}): Redis {
  const r = new Redis(url, {
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    retryStrategy: (times) => Math.min(times * 200, 2_000),
    ...extra,
  });
  r.on("error", () => {
    /* BullMQ reconnects; the worker logs through its own listeners */
  });
  return r;
}
