// Prisma's pg adapter with one repair. Prisma ends an interactive transaction by sending ROLLBACK (or COMMIT) and only
// then hands the connection back to the pool; when the server has dropped the connection (a restart,
// pg_terminate_backend) that statement throws and the hand-back never happens, so every transaction cut that way
// would cost the pool a connection for good (a process with 10 would stop after a few restarts). Here a transaction's
// connection goes back to the pool, as broken, as soon as pg reports it lost.
import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";

/// What @prisma/adapter-pg's PgTransaction keeps (dist/index.mjs): its pool client and the cleanup of its listener.
interface PgTransactionParts {
  client?: pg.PoolClient;
  cleanup?: () => void;
  commit(): Promise<void>;
  rollback(): Promise<void>;
}

function releaseOnConnectionLoss<T>(transaction: T): T {
  const tx = transaction as T & PgTransactionParts;
  const client = tx.client;
  if (!client || typeof client.release !== "function") return transaction;
  let released = false;
  const onLost = (err: Error) => {
    if (released) return;
    released = true;
    client.release(err);
  };
  client.on("error", onLost);
  const ending = (end: () => Promise<void>) => async () => {
    client.removeListener("error", onLost);
    if (!released) {
      released = true;
      return end();
    }
    tx.cleanup?.();
  };
  tx.commit = ending(tx.commit.bind(tx));
  tx.rollback = ending(tx.rollback.bind(tx));
  return transaction;
}

export function prismaPgAdapter(pool: pg.Pool): PrismaPg {
  const factory = new PrismaPg(pool);
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const start = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => releaseOnConnectionLoss(await start(isolationLevel));
    return adapter;
  };
  return factory;
}
