// `pnpm xd demo generate` on the seeded Gaizhou demo: a few small days, checked against the network and the
// platform's rules, then generated again (replaced, not duplicated).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pgPool } from "@xiangda/db";
import { createTestDatabase, type TestDatabase } from "@xiangda/db/testing";
import { isValidWaybill, matchesCarrierPattern, parseLoadCode } from "@xiangda/domain";
import { seedDemo } from "../seed/seed-demo.ts";
import { xd } from "./test-cli.ts";
import { scaled } from "@xiangda/config/testing";

const PER_DAY = 300;
const END = "2026-06-10";
let tdb: TestDatabase;

beforeAll(async () => {
  tdb = await createTestDatabase();
  process.env.DATABASE_URL = tdb.url;
  await seedDemo(tdb.db);
}, scaled(120_000));
afterAll(async () => tdb?.drop());


interface Result {
  from: string;
  to: string;
  days: { day: string; parcels: number; legs: number; scans: number }[];
  totals: { parcels: number; legs: number; scans: number };
}

const q = async <T extends object>(sql: string, values: unknown[] = []) => (await pgPool(tdb.db).query<T>(sql, values)).rows;
const DEMO = `s."manifestId" IN (SELECT id FROM "ImportRun" WHERE kind = 'demo-generate')`;

async function counts() {
  const [r] = await q<Record<string, string>>(`
    SELECT (SELECT count(*) FROM "Shipment" s WHERE ${DEMO}) AS parcels,
           (SELECT count(*) FROM "ShipmentLeg" l JOIN "Shipment" s ON s.id = l."shipmentId" WHERE ${DEMO}) AS legs,
           (SELECT count(*) FROM "ScanEvent" e JOIN "Shipment" s ON s.id = e."shipmentId" WHERE ${DEMO}) AS scans,
           (SELECT count(*) FROM "Load" WHERE key LIKE 'demo:%') AS loads,
           (SELECT count(*) FROM "LoadItem" i JOIN "Shipment" s ON s.id = i."shipmentId" WHERE ${DEMO}) AS items,
           (SELECT count(*) FROM "ImportRun" WHERE kind = 'demo-generate') AS runs,
           (SELECT count(*) FROM "CounterSale" WHERE "clientRef" LIKE 'demo-%') AS sales`);
  return r!;
}

describe("pnpm xd demo generate", () => {
  let first: Record<string, string>;
  let result: Result;

  it("generates days of parcels on the real lanes, with scans, loads and valid numbers", async () => {
    const run = await xd("demo", "generate", "--county", "210881", "--days", "3", "--per-day", String(PER_DAY), "--end", END, "--json");
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/\[3\/3\] 2026-06-10/);
    result = run.json as unknown as Result;
    expect(result.days.map((d) => d.day)).toEqual(["2026-06-08", "2026-06-09", "2026-06-10"]);

    // Each day near the volume asked for (the season moves it: June is cherry time) and as stored.
    const perDay = await q<{ day: string; n: number }>(
      `SELECT r.params->>'day' AS day, count(*)::int AS n FROM "Shipment" s JOIN "ImportRun" r ON r.id = s."manifestId" GROUP BY 1 ORDER BY 1`,
    );
    expect(perDay).toEqual(result.days.map((d) => ({ day: d.day, n: d.parcels })));
    for (const d of result.days) {
      expect(d.parcels).toBeGreaterThan(PER_DAY * 0.6);
      expect(d.parcels).toBeLessThan(PER_DAY * 2);
    }
    // Created on its day (Asia/Shanghai).
    const wrongDay = await q(
      `SELECT 1 FROM "Shipment" s JOIN "ImportRun" r ON r.id = s."manifestId" WHERE to_char(s."createdAt" AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') <> r.params->>'day'`,
    );
    expect(wrongDay).toHaveLength(0);

    // Every parcel has legs, each on a real lane between that lane's nodes, in sequence from origin to destination.
    const offLane = await q(`
      SELECT l.id FROM "ShipmentLeg" l JOIN "Shipment" s ON s.id = l."shipmentId" LEFT JOIN "Lane" ln ON ln.id = l."laneId"
       WHERE ${DEMO} AND (ln.id IS NULL OR ln."fromNodeId" <> l."fromNodeId" OR ln."toNodeId" <> l."toNodeId" OR ln.code <> l."laneCode")`);
    expect(offLane).toHaveLength(0);
    const noLegs = await q(
      `SELECT s.id FROM "Shipment" s WHERE ${DEMO} AND NOT EXISTS (SELECT 1 FROM "ShipmentLeg" l WHERE l."shipmentId" = s.id)`,
    );
    expect(noLegs).toHaveLength(0);
    const broken = await q(`
      SELECT s.id FROM "Shipment" s
        JOIN LATERAL (SELECT min(seq) AS a, max(seq) AS b FROM "ShipmentLeg" WHERE "shipmentId" = s.id) m ON true
        JOIN "ShipmentLeg" f ON f."shipmentId" = s.id AND f.seq = m.a JOIN "ShipmentLeg" t ON t."shipmentId" = s.id AND t.seq = m.b
       WHERE ${DEMO} AND (f."fromNodeId" <> s."originNodeId" OR t."toNodeId" <> s."destNodeId" OR s."promisedAt" <> t."plannedArrive")`);
    expect(broken).toHaveLength(0);

    // Finished parcels: finishedAt, and the final leg ARRIVED then (or returned on the way); the rest are open.
    const finished = await q<{ status: string; n: number; bad: number }>(`
      SELECT s.status::text AS status, count(*)::int AS n,
             count(*) FILTER (WHERE s."finishedAt" IS NULL OR (s.status <> 'RETURNED' AND (t.status <> 'ARRIVED' OR t."actualArrive" <> s."finishedAt")))::int AS bad
        FROM "Shipment" s JOIN "ShipmentLeg" t ON t."shipmentId" = s.id AND t.seq = (SELECT max(seq) FROM "ShipmentLeg" WHERE "shipmentId" = s.id)
       WHERE ${DEMO} AND s.status IN ('DELIVERED', 'AWAITING_PICKUP', 'RETURNED') GROUP BY 1`);
    expect(finished.find((f) => f.status === "DELIVERED")!.n).toBeGreaterThan(result.totals.parcels * 0.5);
    expect(finished.every((f) => f.bad === 0)).toBe(true);
    const open = await q<{
      n: number;
    }>(`SELECT count(*)::int AS n FROM "Shipment" s WHERE ${DEMO} AND s.status IN ('CREATED', 'ACCEPTED', 'AT_NODE', 'IN_TRANSIT')
         AND s."finishedAt" IS NOT NULL AND NOT (s.status = 'AT_NODE' AND s."currentNodeId" = s."destNodeId")`);
    expect(open[0]!.n).toBe(0);

    // A scan per leg end: DEPART/HANDOVER where a leg left, ARRIVE where it arrived, at the leg's times.
    const unscanned = await q(`
      SELECT l.id FROM "ShipmentLeg" l JOIN "Shipment" s ON s.id = l."shipmentId"
       WHERE ${DEMO} AND l.status IN ('DEPARTED', 'ARRIVED') AND (
         NOT EXISTS (SELECT 1 FROM "ScanEvent" e WHERE e."shipmentId" = s.id AND e."nodeId" = l."fromNodeId" AND e.action IN ('DEPART', 'HANDOVER') AND e."deviceAt" = l."actualDepart")
         OR (l.status = 'ARRIVED' AND NOT EXISTS (SELECT 1 FROM "ScanEvent" e WHERE e."shipmentId" = s.id AND e."nodeId" = l."toNodeId" AND e.action = 'ARRIVE' AND e."deviceAt" = l."actualArrive")))`);
    expect(unscanned).toHaveLength(0);
    const scans = await q<{ outcome: string; code: string; waybillNo: string }>(
      `SELECT e.outcome, e.code, s."waybillNo" FROM "ScanEvent" e JOIN "Shipment" s ON s.id = e."shipmentId" WHERE ${DEMO}`,
    );
    expect(scans.length).toBe(result.totals.scans);
    expect(scans.every((x) => x.outcome === "OK" && x.code === x.waybillNo)).toBe(true);

    // Every leg still to travel or travelled is in exactly one load; loads have valid codes.
    const [legs] = await q<{ legs: number; items: number; distinct: number }>(`
      SELECT (SELECT count(*)::int FROM "ShipmentLeg" l JOIN "Shipment" s ON s.id = l."shipmentId" WHERE ${DEMO} AND l.status <> 'CANCELLED') AS legs,
             (SELECT count(*)::int FROM "LoadItem" i JOIN "Shipment" s ON s.id = i."shipmentId" WHERE ${DEMO}) AS items,
             (SELECT count(DISTINCT i."legId")::int FROM "LoadItem" i JOIN "Shipment" s ON s.id = i."shipmentId" WHERE ${DEMO}) AS distinct`);
    expect(legs!.items).toBe(legs!.legs);
    expect(legs!.distinct).toBe(legs!.legs);
    const loads = await q<{ code: string; report: { vehicles: number; baseline?: { trips: number } } | null; status: string }>(
      `SELECT code, report, status::text AS status FROM "Load" WHERE key LIKE 'demo:%'`,
    );
    expect(loads.every((l) => parseLoadCode(l.code).ok)).toBe(true);
    expect(loads.filter((l) => l.status === "ARRIVED").every((l) => l.report !== null)).toBe(true);

    // Waybills valid and unique; carrier numbers match their carrier's pattern.
    const nos = await q<{ waybillNo: string; carrierWaybillNo: string | null; waybillPattern: string | null }>(
      `SELECT s."waybillNo", s."carrierWaybillNo", c."waybillPattern" FROM "Shipment" s LEFT JOIN "Carrier" c ON c.id = s."carrierId" WHERE ${DEMO}`,
    );
    expect(nos.every((n) => isValidWaybill(n.waybillNo))).toBe(true);
    expect(new Set(nos.map((n) => n.waybillNo)).size).toBe(nos.length);
    expect(nos.filter((n) => n.carrierWaybillNo).every((n) => matchesCarrierPattern(n.carrierWaybillNo!, n.waybillPattern))).toBe(true);

    // The dashboard's roll-ups were rebuilt for the days.
    const [stats] = await q<{ created: number }>(
      `SELECT coalesce(sum(created), 0)::int AS created FROM "DailyShipmentStat" WHERE day BETWEEN $1::date AND $2::date AND "townshipCode" = '*' AND "carrierId" = '*'`,
      [result.from, result.to],
    );
    expect(stats!.created).toBeGreaterThanOrEqual(result.totals.parcels);
    first = await counts();
    expect(Number(first.runs)).toBe(3);
  }, scaled(180_000));

  it("replaces the days when run again (same data, nothing twice)", async () => {
    const again = await xd("demo", "generate", "--county", "210881", "--days", "3", "--per-day", String(PER_DAY), "--end", END, "--json");
    expect(again.code, again.stderr).toBe(0);
    expect((again.json as unknown as Result).days.map((d) => [d.day, d.parcels, d.legs])).toEqual(result.days.map((d) => [d.day, d.parcels, d.legs]));
    expect(await counts()).toEqual(first);
  }, scaled(180_000));

  it("names the bad flag, and what a county without a network lacks", async () => {
    const bad = await xd("demo", "generate", "--county", "21", "--days", "3", "--json");
    expect(bad.code).toBe(1);
    expect(bad.json).toMatchObject({ code: "INVALID_INPUT", issues: [{ path: "county" }] });
    expect((await xd("demo", "generate", "--county", "210881", "--days", "x", "--json")).json).toMatchObject({ issues: [{ path: "days" }] });
    expect((await xd("demo", "generate", "--county", "210881", "--days", "2", "--end", "2999-01-01", "--json")).json).toMatchObject({
      issues: [{ path: "end" }],
    });
    const none = await xd("demo", "generate", "--county", "210882", "--days", "1", "--json");
    expect(none.code).toBe(1);
    expect(none.json).toMatchObject({ code: "NOT_FOUND", issues: [{ path: "county" }] });
    expect((none.json as { error: string }).error).toMatch(/divisions.*county hub.*lanes.*vehicles/);
  }, scaled(60_000));
});
