// Readiness: PostgreSQL and Redis must both answer, each within a short timeout.
import type { Deps } from "@xiangda/api";

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return Promise.race([p, new Promise<T>((_, rej) => setTimeout(() => rej(new Error(`timeout after ${ms} ms`)), ms).unref())]);
}

/// The producer connection does not queue commands while (re)connecting: wait briefly for it.
async function redisPing(redis: Deps["redis"]): Promise<string> {
  if (redis.status !== "ready") {
    await new Promise<void>((resolve) => {
      const done = () => {
        redis.off("ready", done);
        resolve();
      };
      redis.on("ready", done);
      setTimeout(done, 1_000).unref();
    });
  }
  return redis.ping();
}

export interface ReadyReport {
  ok: boolean;
  postgres: "up" | "down";
  redis: "up" | "down";
  errors: { postgres?: string; redis?: string };
}

export async function checkReady(deps: Pick<Deps, "db" | "redis">): Promise<ReadyReport> {
  const [pg, rd] = await Promise.allSettled([
    withTimeout(deps.db.$queryRaw`SELECT 1`, 2_000),
    withTimeout(redisPing(deps.redis), 1_500),
  ]);
  const errors: ReadyReport["errors"] = {};
  if (pg.status === "rejected") errors.postgres = "PostgreSQL is not reachable";
  if (rd.status === "rejected") errors.redis = "Redis is not reachable";
  return {
    ok: pg.status === "fulfilled" && rd.status === "fulfilled",
    postgres: pg.status === "fulfilled" ? "up" : "down",
    redis: rd.status === "fulfilled" ? "up" : "down",
    errors,
  };
}
