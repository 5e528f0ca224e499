// Typed raw SQL: row types come from the Prisma schema (prisma-kysely writes `DB`), never written by hand beside a
// column list. Queries are built with Kysely and run on the pg pool, client or transaction the caller already holds.
import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type Compilable,
  type Selectable,
} from "kysely";
import type { DB } from "./generated/kysely/types.ts";

export type { DB } from "./generated/kysely/types.ts";
export { sql, type Selectable } from "kysely";

/// Builds and compiles queries only (a dummy driver: it never connects); `runQuery` sends them on a pg client.
export const qb = new Kysely<DB>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

/// What a query can run on: a pool, a checked-out client or one inside a transaction.
export interface PgRunner {
  query<R extends object>(text: string, values?: unknown[]): Promise<{ rows: R[] }>;
}

/// Runs a query built with `qb`; its rows are typed by what it selects.
export async function runQuery<O>(c: PgRunner, query: Compilable<O>): Promise<O[]> {
  const { sql, parameters } = query.compile();
  return (await c.query<O & object>(sql, parameters as unknown[])).rows;
}

/// Columns of a table, as a row of it holds them when read.
export type Row<T extends keyof DB, K extends keyof Selectable<DB[T]>> = Pick<Selectable<DB[T]>, K>;

/// A select list for SQL kept as text (one prepared statement, CTEs, json_agg): the columns named once, typed
/// against the schema, so a renamed column breaks the build.
export interface SelectList<T extends keyof DB, K extends keyof Selectable<DB[T]> & string> {
  readonly table: T;
  readonly names: readonly K[];
  /// `id, "countyCode", status::text AS status`: quoted, enum columns as text.
  readonly sql: string;
}

/// The row a select list reads.
export type RowOf<L> = L extends SelectList<infer T, infer K> ? Row<T, K> : never;

/// `names` of `table`; those in `asText` are cast `::text` (enums, so they compare and serialize as plain strings).
export function selectList<T extends keyof DB, K extends keyof Selectable<DB[T]> & string>(
  table: T,
  names: readonly K[],
  asText: readonly K[] = [],
): SelectList<T, K> {
  const text = new Set<string>(asText);
  const sql = names.map((n) => (text.has(n) ? `"${n}"::text AS "${n}"` : `"${n}"`)).join(", ");
  return { table, names, sql };
}
