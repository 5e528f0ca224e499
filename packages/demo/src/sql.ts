// Bulk writes of the demo generator: rows travel as one JSON array per statement (json_to_recordset), which costs
// far less to build and parse than one array parameter per column; times travel as epoch milliseconds.
import type { PgClient } from "@xiangda/db";

/// `ts(col)` in a statement stands for the timestamptz of epoch milliseconds in `col`.
export const withTimes = (sql: string): string => sql.replace(/\bts\((\w+)\)/g, "to_timestamp($1 / 1000.0)");

/// Inserts `rows` in chunks: $1 is the chunk as JSON, `extra` are $2, $3 …
export async function insertJson(c: PgClient, sql: string, rows: readonly object[], chunk: number, extra: unknown[] = []): Promise<number> {
  let n = 0;
  for (let i = 0; i < rows.length; i += chunk) {
    const r = await c.query(sql, [JSON.stringify(rows.slice(i, i + chunk)), ...extra]);
    n += r.rowCount ?? 0;
  }
  return n;
}
