// The platform's own waybill numbers from one PostgreSQL sequence, shared by every process.
import type { Tx } from "@xiangda/db";
import { makeWaybill } from "@xiangda/domain";

export async function nextWaybills(db: Tx, count: number): Promise<string[]> {
  if (count <= 0) return [];
  const rows = await db.$queryRaw<{ v: bigint }[]>`SELECT nextval('waybill_serial') AS v FROM generate_series(1, ${count})`;
  return rows.map((r) => makeWaybill(r.v));
}
