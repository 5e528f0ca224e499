// A pg client of one's own (a session advisory lock, a raw transaction): the only place that checks one out of the
// pool. A checked-out client has no listener of the pool's: when the server drops its connection (a restart,
// pg_terminate_backend) pg emits 'error' on it, and with nobody listening that kills the process.
import type pg from "pg";
import { rawPool, type Db } from "./client.ts";
import { isDbUnavailable } from "./unavailable.ts";

export type PgClient = pg.PoolClient;

/// Runs `fn` with a client checked out of the pool, then returns it (or, when its connection was lost, discards it).
/// A dropped connection rejects the query running on it, or the next one, and nothing else.
export async function withPgClient<T>(db: Db, fn: (c: PgClient) => Promise<T>): Promise<T> {
  const client = await rawPool(db).connect();
  let lost: Error | undefined;
  const onError = (err: Error) => {
    lost ??= err;
  };
  client.on("error", onError);
  try {
    return await fn(client);
  } catch (e) {
    // A FATAL (57P01) reaches the running query before the socket closes: the client must not go back as healthy.
    if (isDbUnavailable(e)) lost ??= e as Error;
    throw e;
  } finally {
    client.release(lost);
    // After release: the pool's own idle listener is attached again by then, so the client is never unwatched.
    client.removeListener("error", onError);
  }
}

/// `fn` inside BEGIN … COMMIT on a client of its own; ROLLBACK when it throws.
export async function withPgTransaction<T>(db: Db, fn: (c: PgClient) => Promise<T>): Promise<T> {
  return withPgClient(db, (c) => inPgTransaction(c, fn));
}

/// `fn` inside BEGIN … COMMIT on a client already checked out, for work that runs several transactions on one
/// connection (assign's chunks, the demo's days); ROLLBACK when it throws, and the error goes on to the caller.
export async function inPgTransaction<T>(c: PgClient, fn: (c: PgClient) => Promise<T>): Promise<T> {
  await c.query("BEGIN");
  try {
    const r = await fn(c);
    await c.query("COMMIT");
    return r;
  } catch (e) {
    // On a lost connection the ROLLBACK fails too; the server has ended the transaction anyway.
    await c.query("ROLLBACK").catch(() => undefined);
    throw e;
  }
}
