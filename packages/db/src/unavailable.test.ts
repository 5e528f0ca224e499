// isDbUnavailable against the errors a real server gives while it is down, starting, stopping or dropping connections
// (a private cluster, stopped and started here), as pg, pg-pool and Prisma's pg adapter raise them; and never for an
// ordinary failed statement.
import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { createDb, pgPool, withPgClient, type Db } from "./index.ts";
import { startPrivatePostgres, type PrivatePostgres } from "./testing/index.ts";
import { isDbUnavailable } from "./unavailable.ts";

let server: PrivatePostgres;
const dbs: Db[] = [];

beforeAll(async () => {
  server = await startPrivatePostgres();
  const admin = new pg.Client({ connectionString: server.url("postgres") });
  await admin.connect();
  await admin.query("CREATE DATABASE xd");
  await admin.end();
}, 60_000);

afterAll(async () => {
  await closeAll();
  server?.destroy();
});

async function closeAll() {
  for (const db of dbs.splice(0)) await db.$disconnect().catch(() => undefined);
}

/// A client with no connection yet: what it meets is what a request arriving now would meet.
function freshDb(url = server.url("xd")): Db {
  const db = createDb(url, { poolSize: 3 });
  dbs.push(db);
  return db;
}

const failure = async (p: Promise<unknown>): Promise<unknown> =>
  p.then(
    () => {
      throw new Error("expected a failure");
    },
    (e: unknown) => e,
  );

/// Waits until `n` sessions of database xd run `pg_sleep(30)` (asked from another database, so never itself).
async function sleepersRunning(admin: Db, n: number): Promise<void> {
  const end = Date.now() + 30_000;
  for (;;) {
    const r = await pgPool(admin).query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = 'xd' AND state = 'active' AND query LIKE '%pg_sleep(30)%'`,
    );
    if (r.rows[0]!.n >= n) return;
    if (Date.now() > end) throw new Error(`${r.rows[0]!.n} of ${n} sleeping sessions after 30 s`);
    await new Promise((res) => setTimeout(res, 50));
  }
}

/// The same question asked the three ways the code asks: pg's pool, a Prisma query, a Prisma transaction.
async function threeWays(db: Db): Promise<Record<string, unknown>> {
  return {
    pool: await failure(pgPool(db).query("SELECT 1")),
    prisma: await failure(db.$queryRaw`SELECT 1`),
    transaction: await failure(db.$transaction(async (tx) => tx.$queryRaw`SELECT 1`)),
  };
}

function expectAllUnavailable(errors: Record<string, unknown>, code?: string) {
  for (const [way, e] of Object.entries(errors)) {
    expect(isDbUnavailable(e), `${way}: ${String(e)}`).toBe(true);
    if (code) expect(inspect(e, { depth: 6 }), way).toMatch(code);
  }
}

describe("isDbUnavailable", () => {
  it("a refused connection (nothing listens on the port)", async () => {
    const closed = createDb("postgresql://postgres@127.0.0.1:1/none", { poolSize: 1 });
    dbs.push(closed);
    expectAllUnavailable(await threeWays(closed));
  });

  it("a session terminated by the server (57P01, as a fast shutdown or pg_terminate_backend does)", async () => {
    const db = freshDb();
    await db.$queryRaw`SELECT 1`;
    const running = {
      pool: failure(pgPool(db).query("SELECT pg_sleep(30)")),
      prisma: failure(db.$queryRaw`SELECT pg_sleep(30)`),
      transaction: failure(db.$transaction(async (tx) => tx.$queryRaw`SELECT pg_sleep(30)`, { timeout: 60_000 })),
    };
    const admin = freshDb(server.url("postgres"));
    await sleepersRunning(admin, 3);
    await pgPool(admin).query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'xd' AND query LIKE '%pg_sleep(30)%'`);
    const errors = { pool: await running.pool, prisma: await running.prisma, transaction: await running.transaction };
    expectAllUnavailable(errors, "57P01");
  });

  it("a server shutting down (57P03 'the database system is shutting down')", async () => {
    // A smart shutdown waits for the sessions it has (ours alone: the pools of the tests before are closed);
    // meanwhile it refuses new ones.
    await closeAll();
    const holder = new pg.Client({ connectionString: server.url("xd") });
    holder.on("error", () => {});
    await holder.connect();
    server.stop("smart", { wait: false });
    try {
      const errors = await threeWays(freshDb());
      expectAllUnavailable(errors, "57P03");
      expect(String(errors.pool)).toMatch(/shutting down/);
    } finally {
      await holder.end();
    }
    await closeAll();
    for (let i = 0; server.running() && i < 1200; i++) await new Promise((r) => setTimeout(r, 50));
    server.start();
  }, 60_000);

  it("a server in recovery, not yet accepting connections (57P03)", async () => {
    server.stop();
    server.startInRecovery();
    try {
      const errors = await threeWays(freshDb());
      expectAllUnavailable(errors, "57P03");
      expect(String(errors.pool)).toMatch(/not accepting connections/);
    } finally {
      server.stop();
      server.start();
    }
  }, 60_000);

  it("connections dropped by an immediate shutdown, and a checked-out client used after its connection went", async () => {
    const db = freshDb();
    await db.$queryRaw`SELECT 1`;
    const errors = await withPgClient(db, async (idle) => {
      const running = { pool: failure(pgPool(db).query("SELECT pg_sleep(30)")), prisma: failure(db.$queryRaw`SELECT pg_sleep(30)`) };
      await sleepersRunning(freshDb(server.url("postgres")), 2);
      server.stop("immediate");
      return { pool: await running.pool, prisma: await running.prisma, idle: await failure(idle.query("SELECT 1")) };
    });
    expectAllUnavailable(errors);
    expect(String(errors.pool)).toMatch(/Connection terminated unexpectedly/);
    server.start();
  }, 60_000);

  it("not for a statement that failed on a working server", async () => {
    const db = freshDb();
    await pgPool(db).query(`CREATE TABLE IF NOT EXISTS t (id int PRIMARY KEY)`);
    await pgPool(db).query(`INSERT INTO t VALUES (1) ON CONFLICT DO NOTHING`);
    const errors = [
      await failure(pgPool(db).query("SELEC 1")),
      await failure(pgPool(db).query("INSERT INTO t VALUES (1)")),
      await failure(db.$queryRaw`SELECT 1 / 0`),
      await failure(db.$queryRaw`SELECT * FROM missing_table`),
      await failure(db.$transaction(async (tx) => tx.$executeRaw`INSERT INTO t VALUES (1)`)),
      new Error("boom"),
      null,
      "a string",
    ];
    for (const e of errors) expect(isDbUnavailable(e), String(e)).toBe(false);
  });
});
