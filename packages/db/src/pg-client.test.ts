// Connections the server drops (pg_terminate_backend, as a restart does) under a client checked out with withPgClient,
// a raw transaction and a Prisma transaction: the work in hand fails with an error isDbUnavailable recognises, the
// process lives on (pg emits 'error' on a checked-out client: with nobody listening that is an uncaught exception),
// and the pool gets its connection slot back.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { rawPool } from "./client.ts";
import { inPgTransaction, pgPool, withPgClient, withPgTransaction } from "./index.ts";
import { createTestDatabase, type TestDatabase } from "./testing/index.ts";
import { isDbUnavailable } from "./unavailable.ts";

let tdb: TestDatabase;
const uncaught: unknown[] = [];
const record = (e: unknown) => uncaught.push(e);

beforeAll(async () => {
  tdb = await createTestDatabase({ poolSize: 2 });
  process.on("uncaughtException", record);
});
afterAll(async () => {
  process.off("uncaughtException", record);
  await tdb?.drop();
});
afterEach(() => {
  expect(uncaught.map(String)).toEqual([]);
});

async function backendsOf(where: string): Promise<number[]> {
  // From a connection of the shared server's own database: never one of the sessions being ended.
  const r = await pgPool(tdb.db).query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND ${where}`,
  );
  return r.rows.map((x) => x.pid);
}

/// Ends the first session (other than the asker's) that matches `where`, once there is one.
async function terminate(where: string, n = 1): Promise<void> {
  const end = Date.now() + 20_000;
  for (;;) {
    const pids = await backendsOf(where);
    if (pids.length >= n) {
      await pgPool(tdb.db).query(`SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid`, [pids]);
      return;
    }
    if (Date.now() > end) throw new Error(`no session matching ${where} after 20 s`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error("expected a failure");
    },
    (e: unknown) => e,
  );

/// The pool holds no checked-out client.
function nothingCheckedOut() {
  const pool = rawPool(tdb.db);
  expect(pool.totalCount - pool.idleCount).toBe(0);
}

/// The pool has no connection checked out and serves a query.
async function poolRecovered() {
  await expect(pgPool(tdb.db).query("SELECT 1")).resolves.toBeTruthy();
  nothingCheckedOut();
}

describe("withPgClient", () => {
  it("survives the connection dropped while the client sits idle; the next query fails, the pool recovers", async () => {
    const err = await withPgClient(tdb.db, async (c) => {
      const pid = (await c.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid;
      // The server says FATAL and closes while nothing runs on the client: pg emits 'error' on it.
      const gone = new Promise((r) => c.once("error", r));
      await pgPool(tdb.db).query("SELECT pg_terminate_backend($1)", [pid]);
      await gone;
      return failure(c.query("SELECT 1"));
    });
    expect(isDbUnavailable(err), String(err)).toBe(true);
    await poolRecovered();
  });

  it("survives the connection dropped while a query runs on it", async () => {
    const running = failure(withPgClient(tdb.db, (c) => c.query("SELECT pg_sleep(30)")));
    await terminate(`query = 'SELECT pg_sleep(30)'`);
    const err = await running;
    expect(isDbUnavailable(err), String(err)).toBe(true);
    expect((err as { code?: string }).code).toBe("57P01");
    await poolRecovered();
  });
});

describe("withPgTransaction", () => {
  it("commits what the function did, rolls back and rethrows when it throws, and gives the client back both times", async () => {
    await pgPool(tdb.db).query(`CREATE TABLE tx_probe (v int)`);
    await expect(withPgTransaction(tdb.db, async (c) => (await c.query(`INSERT INTO tx_probe VALUES (1)`)).rowCount)).resolves.toBe(1);
    nothingCheckedOut();
    const thrown = new Error("no");
    await expect(
      withPgTransaction(tdb.db, async (c) => {
        await c.query(`INSERT INTO tx_probe VALUES (2)`);
        throw thrown;
      }),
    ).rejects.toBe(thrown);
    nothingCheckedOut();
    expect((await pgPool(tdb.db).query(`SELECT array_agg(v) AS v FROM tx_probe`)).rows[0]).toEqual({ v: [1] });
  });

  it("inPgTransaction runs one transaction after another on a client already checked out", async () => {
    await pgPool(tdb.db).query(`CREATE TABLE tx_probe2 (v int)`);
    await withPgClient(tdb.db, async (c) => {
      await inPgTransaction(c, (t) => t.query(`INSERT INTO tx_probe2 VALUES (1)`));
      await expect(
        inPgTransaction(c, async (t) => {
          await t.query(`INSERT INTO tx_probe2 VALUES (2)`);
          throw new Error("no");
        }),
      ).rejects.toThrow("no");
      // Rolled back, not left open: 2 is gone and 3 commits on its own.
      await inPgTransaction(c, (t) => t.query(`INSERT INTO tx_probe2 VALUES (3)`));
    });
    nothingCheckedOut();
    expect((await pgPool(tdb.db).query(`SELECT array_agg(v ORDER BY v) AS v FROM tx_probe2`)).rows[0]).toEqual({ v: [1, 3] });
  });

  it("survives the connection dropped inside the transaction (its ROLLBACK cannot be sent either)", async () => {
    const running = failure(withPgTransaction(tdb.db, (c) => c.query("SELECT pg_sleep(30)")));
    await terminate(`query = 'SELECT pg_sleep(30)'`);
    expect(isDbUnavailable(await running)).toBe(true);
    await poolRecovered();
  });
});

describe("a Prisma interactive transaction", () => {
  it("gives its connection back when the server drops it (three times over a pool of two)", async () => {
    for (let i = 0; i < 3; i++) {
      const running = failure(tdb.db.$transaction(async (tx) => tx.$queryRaw`SELECT pg_sleep(30)`, { timeout: 60_000 }));
      await terminate(`query LIKE 'SELECT pg_sleep(30)%'`);
      expect(isDbUnavailable(await running)).toBe(true);
    }
    await poolRecovered();
    await expect(tdb.db.$transaction(async (tx) => tx.$queryRaw`SELECT 1 AS one`)).resolves.toEqual([{ one: 1 }]);
  });
});
