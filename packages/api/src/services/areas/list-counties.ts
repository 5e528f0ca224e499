// Counties the caller may open: ADMIN all imported ones, a manager their own.
import type { Db } from "@xiangda/db";
import type { Actor } from "@xiangda/domain";

export async function listCounties(db: Db, input: { actor: Actor }) {
  const where = input.actor.role === "ADMIN" ? {} : { code: input.actor.countyCode ?? "" };
  const rows = await db.county.findMany({ where, orderBy: { code: "asc" } });
  return rows.map((c) => ({ code: c.code, name: c.name }));
}
