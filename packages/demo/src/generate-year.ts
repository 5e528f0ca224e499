// `generateDemoYear`: a realistic run of days on a county's real network (parcels down and up, their legs on the
// timetable, scans, consolidated loads, counter sales), one day per transaction, then the dashboard's roll-ups.
// Re-running replaces the generated days; the same seed, end day and volume give the same data.
import { pgPool, withPgClient, type Db } from "@xiangda/db";
import { AppError, yellowFraction } from "@xiangda/domain";
import { rebuildRollups, watchSla } from "@xiangda/api";
import type { Busy } from "./build-loads.ts";
import { addDays, dayStartMs, shanghaiDayOf } from "./calendar.ts";
import { loadDemoContext } from "./context.ts";
import { finishRun } from "./finish-run.ts";
import { loadSaleListings } from "./sales.ts";
import { demoRuns, prepareDay, writeDay, type DaySummary, type PreparedDay } from "./write-day.ts";

export interface GenerateDemoYearOptions {
  countyCode: string;
  days: number;
  /// Last day, Asia/Shanghai "YYYY-MM-DD"; default today. Today stops at the clock (parcels still on their way).
  endDay?: string;
  /// Mean parcels a day over a year (65 % down, 35 % up before the seasons); default 10,000.
  perDay?: number;
  seed?: number;
  onProgress?: (day: DaySummary, index: number, of: number) => void;
  /// The clock (tests).
  now?: Date;
}

export interface GenerateDemoYearResult {
  countyCode: string;
  from: string;
  to: string;
  /// The generator's clock: the state of every parcel is as of this instant.
  asOf: string;
  seed: number;
  perDay: number;
  days: DaySummary[];
  totals: { parcels: number; legs: number; scans: number; loads: number; loadItems: number; sales: number; unrouted: number };
  futureLoads: number;
  shelved: number;
  generateMs: number;
  rollupMs: number;
  analyzeMs: number;
}

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
const realDay = (d: string) => DAY_RE.test(d) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);

/// The tables the generator writes, analysed at the end so the planner sees a year of data.
const BASE_TABLES = ["Shipment", "ShipmentLeg", "ScanEvent", "Load", "LoadItem", "LoadVehicle", "CounterSale", "ImportRun"];
const ROLLUP_TABLES = ["RedAlert", "DailyShipmentStat", "DailyLegStat", "DailyConsolidationStat", "DailySalesStat", "DailyLightSnapshot"];

function check(o: GenerateDemoYearOptions, today: string) {
  if (!/^\d{6}$/.test(o.countyCode)) throw AppError.field("countyCode", "must be a 6-digit county code");
  if (!Number.isInteger(o.days) || o.days < 1 || o.days > 3660) throw AppError.field("days", "must be a whole number of days, 1 to 3660");
  if (o.perDay !== undefined && (!Number.isInteger(o.perDay) || o.perDay < 1 || o.perDay > 200_000))
    throw AppError.field("perDay", "must be a whole number of parcels a day, 1 to 200000");
  if (o.seed !== undefined && (!Number.isInteger(o.seed) || o.seed < 0 || o.seed > 2 ** 31))
    throw AppError.field("seed", "must be a whole number, 0 to 2147483648");
  if (o.endDay !== undefined) {
    if (!realDay(o.endDay)) throw AppError.field("endDay", "must be a date YYYY-MM-DD");
    if (o.endDay > today) throw AppError.field("endDay", `must not be after today (${today}, Asia/Shanghai)`);
  }
}

export async function generateDemoYear(db: Db, o: GenerateDemoYearOptions): Promise<GenerateDemoYearResult> {
  const now = o.now ?? new Date();
  const today = shanghaiDayOf(now.getTime());
  check(o, today);
  const t0 = performance.now();
  const seed = o.seed ?? 1;
  const perDay = o.perDay ?? 10_000;
  const endDay = o.endDay ?? today;
  const from = addDays(endDay, -(o.days - 1));
  // Today runs up to the clock; a past end day runs to its last millisecond.
  const asOf = endDay === today ? now.getTime() : dayStartMs(addDays(endDay, 1)) - 1;
  const ctx = await loadDemoContext(db, { countyCode: o.countyCode, seed, perDay, endDay });
  const fraction = yellowFraction();
  const busy: Busy = new Map();
  const days: DaySummary[] = [];
  const finished = await withPgClient(db, async (client) => {
    const runs = await demoRuns(client, o.countyCode);
    const listings = await loadSaleListings(client, o.countyCode);
    // Day i+1 is simulated and numbered (on another connection) while day i is written: JavaScript and PostgreSQL
    // work at the same time. Numbers are checked against every parcel but this county's demo days.
    const demoIds = () => [...runs.values()].flat();
    const pool = pgPool(db);
    let next: Promise<PreparedDay> | null = prepareDay(pool, ctx, from, asOf, demoIds());
    for (let i = 0; i < o.days; i++) {
      const prep: PreparedDay = await next!;
      next = i + 1 < o.days ? prepareDay(pool, ctx, addDays(from, i + 1), asOf, demoIds()) : null;
      // A rejected prepare must not go unhandled while this day is written; it is awaited (and thrown) next turn.
      next?.catch(() => undefined);
      const summary = await writeDay(client, ctx, prep, { asOf, busy, listings, runs, fraction });
      days.push(summary);
      o.onProgress?.(summary, i + 1, o.days);
    }
    return finishRun(client, ctx, { endDay, asOf, busy, runs });
  });
  const generateMs = Math.round(performance.now() - t0);
  // Statistics first: the roll-up's plans over a year of rows depend on them.
  const t1 = performance.now();
  await pgPool(db).query(`ANALYZE ${BASE_TABLES.map((t) => `"${t}"`).join(", ")}`);
  let analyzeMs = performance.now() - t1;
  const rollup = await rebuildRollups(db, { countyCode: o.countyCode, from, to: endDay });
  // Alerts for the parcels RED at the clock, as the SLA watcher would have recorded them.
  await watchSla(db, { countyCode: o.countyCode, now: new Date(asOf) });
  const t2 = performance.now();
  await pgPool(db).query(`ANALYZE ${ROLLUP_TABLES.map((t) => `"${t}"`).join(", ")}`);
  analyzeMs += performance.now() - t2;
  const sum = (k: keyof DaySummary) => days.reduce((s, d) => s + (d[k] as number), 0);
  return {
    countyCode: o.countyCode,
    from,
    to: endDay,
    asOf: new Date(asOf).toISOString(),
    seed,
    perDay,
    days,
    totals: {
      parcels: sum("parcels"),
      legs: sum("legs"),
      scans: sum("scans"),
      loads: sum("loads"),
      loadItems: sum("loadItems"),
      sales: sum("sales"),
      unrouted: sum("unrouted"),
    },
    futureLoads: finished.loads.loads,
    shelved: finished.shelved,
    generateMs,
    rollupMs: rollup.ms,
    analyzeMs: Math.round(analyzeMs),
  };
}
