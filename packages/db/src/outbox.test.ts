// The one outbox writer, through a Prisma transaction and a raw one on a pg client: rows and payloads as given, a
// jobId already there skipped, nothing left when the caller's transaction rolls back.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { pgPool, withPgTransaction, writeOutbox, type OutboxInput } from "./index.ts";
import { createTestDatabase, type TestDatabase } from "./testing/index.ts";

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase();
});
afterAll(async () => {
  await tdb?.drop();
});
beforeEach(async () => {
  await pgPool(tdb.db).query(`DELETE FROM "OutboxEvent"`);
});

const event = (jobId: string, payload: OutboxInput["payload"] = { jobId, n: 1, nested: { at: "2026-06-08T00:00:00.000Z" } }) => ({
  queue: "q",
  name: "test.event",
  jobId,
  payload,
});

async function stored() {
  return tdb.db.outboxEvent.findMany({
    orderBy: { id: "asc" },
    select: { queue: true, name: true, jobId: true, payload: true, sentAt: true },
  });
}

describe("writeOutbox", () => {
  it("writes one or many rows in a Prisma transaction; a jobId already there is skipped", async () => {
    await tdb.db.$transaction((tx) => writeOutbox(tx, event("a")));
    await tdb.db.$transaction((tx) => writeOutbox(tx, [event("a", { other: true }), event("b"), event("c", ["x", 2, null, "引号\"'"])]));
    await writeOutbox(tdb.db, []);
    expect(await stored()).toEqual([
      { ...event("a"), sentAt: null },
      { ...event("b"), sentAt: null },
      { ...event("c", ["x", 2, null, "引号\"'"]), sentAt: null },
    ]);
  });

  it("writes the same rows through a pg client, and none when the transaction rolls back", async () => {
    await withPgTransaction(tdb.db, (c) => writeOutbox(c, [event("a"), event("b")]));
    await withPgTransaction(tdb.db, (c) => writeOutbox(c, event("b", { other: true })));
    await expect(
      withPgTransaction(tdb.db, async (c) => {
        await writeOutbox(c, event("c"));
        throw new Error("no");
      }),
    ).rejects.toThrow("no");
    await expect(
      tdb.db.$transaction(async (tx) => {
        await writeOutbox(tx, event("d"));
        throw new Error("no");
      }),
    ).rejects.toThrow("no");
    expect(await stored()).toEqual([
      { ...event("a"), sentAt: null },
      { ...event("b"), sentAt: null },
    ]);
  });
});
