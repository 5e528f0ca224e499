// @xiangda/db: Prisma client factory, generated types and data helpers.
export { createDb, pgPool, type Db, type CreateDbOptions, type PgPool } from "./client.ts";
export { inPgTransaction, withPgClient, withPgTransaction, type PgClient } from "./pg-client.ts";
export { isDbUnavailable } from "./unavailable.ts";
export { pgConfigFromUrl } from "./pg-config.ts";
export { Prisma, PrismaClient } from "./generated/prisma/client.ts";
export * from "./generated/prisma/enums.ts";
export type * from "./generated/prisma/client.ts";
export { migrateDeploy } from "./migrate.ts";
export { writeOutbox, type OutboxInput, type PgQueryable } from "./outbox.ts";
export type { Tx } from "./tx.ts";
export { qb, runQuery, selectList, sql, type DB, type PgRunner, type Row, type RowOf, type Selectable, type SelectList } from "./sql.ts";
