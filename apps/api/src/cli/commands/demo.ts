// `xd demo generate`: a realistic stretch of days on a county's network for the dashboard (see docs/demo-data.md).
import { AppError, isAppError } from "@xiangda/domain";
import type { Command } from "./types.ts";
import { withDb } from "./with-db.ts";

/// The service's field names as the flags that set them.
const FLAGS: Record<string, string> = { countyCode: "county", days: "days", perDay: "per-day", endDay: "end", seed: "seed" };

function whole(values: Record<string, string | boolean | undefined>, flag: string): number | undefined {
  const v = values[flag];
  if (v === undefined) return undefined;
  if (typeof v !== "string" || !/^\d+$/.test(v)) throw AppError.field(flag, "must be a whole number");
  return Number(v);
}

export const demoGenerate: Command = {
  summary: "generate demo days on a county's network: --county CODE --days N [--per-day N] [--end YYYY-MM-DD] [--seed N]",
  usage:
    "Parcels down and up with their legs on the timetable, scans, loads and counter sales, one day per transaction, then the dashboard roll-ups.\n" +
    "Re-running replaces the generated days. Progress goes to stderr, one line per day.",
  options: {
    county: { type: "string" },
    days: { type: "string" },
    "per-day": { type: "string" },
    end: { type: "string" },
    seed: { type: "string" },
  },
  async run({ values }, io) {
    const county = typeof values.county === "string" ? values.county : "";
    if (!/^\d{6}$/.test(county)) throw AppError.field("county", "must be a 6-digit county code");
    const days = whole(values, "days");
    if (days === undefined) throw AppError.field("days", "give the number of days to generate");
    const end = values.end;
    if (end !== undefined && (typeof end !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(end)))
      throw AppError.field("end", "must be a date YYYY-MM-DD");
    const perDay = whole(values, "per-day");
    const seed = whole(values, "seed");
    const { generateDemoYear } = await import("@xiangda/demo");
    const result = await withDb((db) =>
      generateDemoYear(db, {
        countyCode: county,
        days,
        ...(typeof end === "string" ? { endDay: end } : {}),
        ...(perDay !== undefined ? { perDay } : {}),
        ...(seed !== undefined ? { seed } : {}),
        // Progress goes to stderr even with --json: stdout carries only the result.
        onProgress: (d, i, of) =>
          io.log(
            `[${i}/${of}] ${d.day}: ${d.parcels} parcels (${d.down} down, ${d.up} up), ${d.scans} scans, ${d.loads} loads, ${d.ms} ms`,
          ),
      }),
    ).catch((e: unknown) => {
      // Name the flag, not the service's field.
      if (isAppError(e) && e.issues.length)
        throw new AppError(
          e.code,
          e.message.replace(/^(\w+):/, (m, f: string) => `${FLAGS[f] ?? f}:`),
          {
            issues: e.issues.map((x) => ({ ...x, path: FLAGS[x.path] ?? x.path })),
          },
        );
      throw e;
    });
    const { days: perDayRows, ...summary } = result;
    io.out(
      { ...summary, days: perDayRows },
      [
        `county ${result.countyCode}: ${result.from} … ${result.to} (as of ${result.asOf}), seed ${result.seed}, ${result.perDay} a day`,
        `  ${result.totals.parcels} parcels, ${result.totals.legs} legs, ${result.totals.scans} scans, ${result.totals.loads + result.futureLoads} loads (${result.totals.loadItems} items), ${result.totals.sales} sales`,
        `  generated in ${(result.generateMs / 1000).toFixed(1)} s; roll-ups ${(result.rollupMs / 1000).toFixed(1)} s; ANALYZE ${(result.analyzeMs / 1000).toFixed(1)} s`,
      ].join("\n"),
    );
  },
};
