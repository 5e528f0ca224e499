// Opens a database client for one CLI command and always closes it.
import { loadEnv } from "@xiangda/config";
import { createDb, type Db } from "@xiangda/db";

export async function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const env = loadEnv();
  const db = createDb(env.DATABASE_URL, { poolSize: 4 });
  try {
    return await fn(db);
  } finally {
    await db.$disconnect();
  }
}
