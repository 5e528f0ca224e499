// The one place that constructs a Prisma client; everything else receives `db`.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client.ts";
import { pgConfigFromUrl } from "./pg-config.ts";

export type Db = PrismaClient;

export interface CreateDbOptions {
  /// Connection pool size for this process.
  poolSize?: number;
}

export function createDb(url: string, options: CreateDbOptions = {}): Db {
  const adapter = new PrismaPg({
    ...pgConfigFromUrl(url, options.poolSize ?? 10),
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  return new PrismaClient({ adapter });
}
