// What the benchmarks share: a test database with the API's dependencies around it, and a carrier manifest of
// parcels at the Gaizhou hub (the demo seed's network), imported the way a real manifest is.
import { dataKeyFrom, importManifest, silentLogger, type Deps } from "@xiangda/api";
import type { Db } from "@xiangda/db";
import { createTestDatabase } from "@xiangda/db/testing";
import { createProducerConnection, Queues } from "@xiangda/jobs";

export async function benchWorld(poolSize: number) {
  const tdb = await createTestDatabase({ poolSize });
  const redis = createProducerConnection(process.env.REDIS_URL ?? "redis://127.0.0.1:56379");
  const prefix = `xdbench${Date.now()}`;
  const deps: Deps = {
    db: tdb.db,
    redis,
    redisPrefix: prefix,
    queues: new Queues(redis, prefix),
    log: silentLogger,
    sessionTtlHours: 12,
    dataKey: dataKeyFrom(undefined, "development"),
    now: () => new Date(),
  };
  return { tdb, redis, deps };
}

/// `count` ZTO parcels for the county's active village points, numbered from `firstNo` (distinct per benchmark);
/// returns how many were created.
export async function importHubParcels(db: Db, opts: { count: number; firstNo: number; fileName: string }): Promise<number> {
  const villages = (await db.node.findMany({ where: { tier: "VILLAGE_POINT", status: "ACTIVE" }, select: { areaCode: true } })).map(
    (n) => n.areaCode,
  );
  const rows = ["waybillNo,recipientName,recipientPhone,villageCode,weightG"];
  for (let i = 0; i < opts.count; i++)
    rows.push(
      `7${String(opts.firstNo + i)},收件人,138${String(10_000_000 + i).slice(-8)},${villages[i % villages.length]},${500 + (i % 2000)}`,
    );
  const imported = await importManifest(db, {
    countyCode: "210881",
    carrierCode: "ZTO",
    fileName: opts.fileName,
    data: Buffer.from(rows.join("\n")),
    actor: null,
    now: new Date(),
  });
  return imported.created;
}
