import type { Command } from "./types.ts";
import { withDb } from "./with-db.ts";

export const divisionsImport: Command = {
  summary: "import a county's townships and villages from the 2023 statistical codes: --county CODE",
  options: { county: { type: "string" } },
  async run({ values }, io) {
    const county = typeof values.county === "string" ? values.county : "";
    const { importDivisions } = await import("@xiangda/api");
    const r = await withDb((db) => importDivisions(db, county, (d, t) => io.progress(`  ${d}/${t}`)));
    io.out(
      r,
      `${r.county.name} (${r.county.code}): ${r.townships} townships, ${r.villageUnits} village-level units (${r.villageCommittees} 村委会)\n` +
        `added ${r.added}, renamed ${r.renamed.length}, removed ${r.removed.length}, restored ${r.restored}, unchanged ${r.unchanged}`,
    );
  },
};
