// The one place that constructs a Prisma client; everything else receives `db`.
// Prisma and the hot paths that need raw SQL (scans) share one pg pool per process.
import pg from "pg";
import { PrismaClient } from "./generated/prisma/client.ts";
import { pgConfigFromUrl } from "./pg-config.ts";
import { prismaPgAdapter } from "./prisma-pg.ts";

export type Db = PrismaClient;

/// The pool as services see it: queries only. A client of their own (a session advisory lock, a raw transaction)
/// comes from `withPgClient` / `withPgTransaction`, which watch it for a dropped connection.
export type PgPool = Pick<pg.Pool, "query">;

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
  const db = new PrismaClient({ adapter: prismaPgAdapter(pool) });
  const disconnect = db.$disconnect.bind(db);
  db.$disconnect = async () => {
    await disconnect();
    if (!pool.ended) await pool.end();
  };
  pools.set(db, pool);
  return db;
}

/// The whole pg pool behind a client, for `pg-client.ts` (not exported by the package).
export function rawPool(db: Db): pg.Pool {
  const pool = pools.get(db);
  if (!pool) throw new Error("this Db was not made by createDb");
  return pool;
}

/// The pg pool behind a client, for set-based raw SQL on hot paths.
export function pgPool(db: Db): PgPool {
  return rawPool(db);
}
