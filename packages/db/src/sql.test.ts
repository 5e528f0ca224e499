// Typed raw SQL against the real server: a Kysely-built query runs on the pool and on a client inside a transaction,
// and a select list reads enums as text with the columns it names.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createArea, createCounty } from "./factories/index.ts";
import { pgPool, qb, runQuery, selectList, withPgTransaction, type RowOf } from "./index.ts";
import { createTestDatabase, type TestDatabase } from "./testing/index.ts";

let tdb: TestDatabase;

beforeAll(async () => {
  tdb = await createTestDatabase({ poolSize: 2 });
  await createCounty(tdb.db, { code: "210881" });
});
afterAll(async () => {
  await tdb?.drop();
});

describe("typed raw SQL", () => {
  it("compiles to parameterised SQL for Postgres", () => {
    const q = qb.selectFrom("County").select(["code", "name"]).where("code", "=", "210881").compile();
    expect(q.sql).toBe(`select "code", "name" from "County" where "code" = $1`);
    expect(q.parameters).toEqual(["210881"]);
  });

  it("runs on the pool and inside a transaction", async () => {
    const q = qb.selectFrom("County").select(["code", "name", "createdAt"]).where("code", "=", "210881");
    const [a] = await runQuery(pgPool(tdb.db), q);
    expect(a).toMatchObject({ code: "210881", name: "盖州市" });
    expect(a!.createdAt).toBeInstanceOf(Date);
    const b = await withPgTransaction(tdb.db, (c) => runQuery(c, q));
    expect(b).toEqual([a]);
  });

  it("builds a quoted select list with enums as text", async () => {
    const cols = selectList("AdminArea", ["code", "countyCode", "level"], ["level"]);
    expect(cols.sql).toBe(`"code", "countyCode", "level"::text AS "level"`);
    await createArea(tdb.db, { code: "210881001", countyCode: "210881", level: "TOWNSHIP" });
    const r = await pgPool(tdb.db).query<RowOf<typeof cols>>(`SELECT ${cols.sql} FROM "AdminArea" WHERE "countyCode" = $1`, ["210881"]);
    expect(r.rows).toEqual([{ code: "210881001", countyCode: "210881", level: "TOWNSHIP" }]);
  });
});
