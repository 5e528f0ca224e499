// Network imports and coverage from the command line.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { AppError } from "@xiangda/domain";
import type { Command, CliIO } from "./types.ts";
import { withDb } from "./with-db.ts";

type Kind = "nodes" | "lanes" | "vehicles" | "poor";

function importCommand(kind: Kind, what: string, headers: string): Command {
  return {
    summary: `import ${what} from CSV or XLSX: <file> [--county CODE] [--dry-run]`,
    usage: `Accepted headers at least: ${headers}\nRows are checked first; a file with any bad row changes nothing (errors name row and column).`,
    options: { county: { type: "string" }, "dry-run": { type: "boolean" } },
    async run({ values, positionals }, io: CliIO) {
      const file = positionals[0];
      if (!file) throw AppError.field("file", "give the file to import");
      let data: Buffer;
      try {
        data = await readFile(file);
      } catch {
        throw AppError.field("file", `cannot read ${file}`);
      }
      const county = typeof values.county === "string" ? values.county : undefined;
      if (county !== undefined && !/^\d{6}$/.test(county)) throw AppError.field("county", "must be a 6-digit county code");
      const { runFileImport } = await import("@xiangda/api");
      const dryRun = values["dry-run"] === true;
      const r = await withDb((db) => runFileImport(db, { kind, file: { name: path.basename(file), data }, countyCode: county, dryRun, onProgress: (d, t) => io.progress(`  ${d}/${t}`) }));
      const out = { kind, dryRun, ...r };
      if (r.errors.length) {
        const lines = r.errors.slice(0, 50).map((e) => `  row ${e.row}, ${e.column}: ${e.message}`);
        if (io.json) io.out(out);
        throw new AppError("INVALID_INPUT", `${r.errors.length} error(s); nothing was imported\n${lines.join("\n")}${r.errors.length > 50 ? "\n  …" : ""}`, {
          issues: r.errors.map((e) => ({ path: `row ${e.row}.${e.column}`, message: e.message })),
          details: { printed: io.json },
        });
      }
      io.out(
        out,
        dryRun
          ? `${r.rows} rows OK (dry run): ${r.toCreate} to create, ${r.toUpdate} to update — nothing written`
          : `${r.rows} rows imported into ${r.countyCode}: ${r.written?.created ?? 0} created, ${r.written?.updated ?? 0} updated`,
      );
    },
  };
}

export const nodesImport = importCommand("nodes", "nodes", "code,name,tier,areaCode,parentCode,cold,selfPickup,status");
export const lanesImport = importCommand("lanes", "lanes", "code,from,to,mode,departures,weekdays,cutoffMinutes,transitMinutes,cold");
export const vehiclesImport = importCommand("vehicles", "vehicles", "number,plate,homeNode,capacityKg,capacityM3,cold,energy");
export const poorImport = { ...importCommand("poor", "poor villages (贫困村): a list of 12-digit codes", "code"), summary: "flag poor villages (贫困村) from a list of village codes: <file> --county CODE [--dry-run]" };

export const coverage: Command = {
  summary: "a county's coverage of villages: --county CODE",
  options: { county: { type: "string" } },
  async run({ values }, io) {
    const county = typeof values.county === "string" ? values.county : "";
    if (!/^\d{6}$/.test(county)) throw AppError.field("county", "must be a 6-digit county code");
    const { findCoverage } = await import("@xiangda/api");
    const { coveredBy: _c, ...c } = await withDb((db) => findCoverage(db, { countyCode: county }));
    io.out(
      c,
      [
        `${c.county.name} (${c.county.code})`,
        `  townships ${c.townships}, with an active station ${c.townshipsWithStation}`,
        `  village-level units ${c.villageUnits}, covered ${c.villageUnitsCovered} (${(c.coverageRate * 100).toFixed(1)}%), 村委会 ${c.villageCommittees}`,
        `  poor villages ${c.poorVillages}, covered ${c.poorVillagesCovered}`,
        `  uncovered (${c.uncovered.length}): ${c.uncovered.length ? c.uncovered.slice(0, 30).map((u) => u.name).join("、") + (c.uncovered.length > 30 ? " …" : "") : "none"}`,
      ].join("\n"),
    );
  },
};
