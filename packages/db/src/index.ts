// @xiangda/db: Prisma client factory, generated types and data helpers.
export { createDb, pgPool, type Db, type CreateDbOptions } from "./client.ts";
export { pgConfigFromUrl } from "./pg-config.ts";
export { Prisma, PrismaClient } from "./generated/prisma/client.ts";
export * from "./generated/prisma/enums.ts";
export type * from "./generated/prisma/client.ts";
export { migrateDeploy } from "./migrate.ts";
export { writeOutbox, type OutboxInput } from "./outbox.ts";
export type { Tx } from "./tx.ts";
export type { Pool as PgPool, PoolClient as PgClient } from "pg";
