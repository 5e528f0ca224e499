// Builds the long-lived dependencies of an API process from the environment.
import { loadEnv, type TEnv } from "@xiangda/config";
import { createDb } from "@xiangda/db";
import { createProducerConnection, Queues } from "@xiangda/jobs";
import { dataKeyFrom, type Deps, type Logger } from "@xiangda/api";
import { createLocalStorage, defaultStorageDir } from "@xiangda/api/rest";

export function buildDeps(env: TEnv, log: Logger): Deps & { close(): Promise<void> } {
  const db = createDb(env.DATABASE_URL, { poolSize: 20 });
  const redis = createProducerConnection(env.REDIS_URL);
  const queues = new Queues(redis, env.REDIS_PREFIX);
  return {
    db,
    redis,
    redisPrefix: env.REDIS_PREFIX,
    queues,
    log,
    sessionTtlHours: env.SESSION_TTL_HOURS,
    dataKey: dataKeyFrom(env.XD_DATA_KEY, env.NODE_ENV),
    now: () => new Date(),
    storage: createLocalStorage(defaultStorageDir({ XD_STORAGE_DIR: env.XD_STORAGE_DIR })),
    async close() {
      await queues.close().catch(() => undefined);
      redis.disconnect();
      await db.$disconnect();
    },
  };
}

export { loadEnv };
