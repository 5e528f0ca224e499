// The one place that constructs a Prisma client; everything else receives `db`.
// Prisma and the hot paths that need raw SQL (scans) share one pg pool per process.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/prisma/client.ts";
import { pgConfigFromUrl } from "./pg-config.ts";

export type Db = PrismaClient;

export interface CreateDbOptions {
  /// Connection pool size for this process.
  poolSize?: number;
}

const pools = new WeakMap<Db, pg.Pool>();

export function createDb(url: string, options: CreateDbOptions = {}): Db {
  const pool = new pg.Pool({
    ...pgConfigFromUrl(url, options.poolSize ?? 10),
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle connection dropped by the server (restart, DROP DATABASE … FORCE) must not crash the process.
  pool.on("error", () => {});
  const db = new PrismaClient({ adapter: new PrismaPg(pool) });
  const disconnect = db.$disconnect.bind(db);
  db.$disconnect = async () => {
    await disconnect();
    if (!pool.ended) await pool.end();
  };
  pools.set(db, pool);
  return db;
}

/// The pg pool behind a client, for set-based raw SQL on hot paths.
export function pgPool(db: Db): pg.Pool {
  const pool = pools.get(db);
  if (!pool) throw new Error("this Db was not made by createDb");
  return pool;
}
