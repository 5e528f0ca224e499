// `xd merchants list` and `xd counters list`: a county's catalog for operators (contacts masked).
import { AppError } from "@xiangda/domain";
import type { Command } from "./types.ts";
import { withDb } from "./with-db.ts";

function county(values: Record<string, string | boolean | undefined>): string {
  const c = typeof values.county === "string" ? values.county : "";
  if (!/^\d{6}$/.test(c)) throw AppError.field("county", "must be a 6-digit county code");
  return c;
}

export const merchantsList: Command = {
  summary: "a county's merchants: --county CODE [--all for inactive ones too]",
  options: { county: { type: "string" }, all: { type: "boolean" } },
  async run({ values }, io) {
    const countyCode = county(values);
    const { listMerchants } = await import("@xiangda/api/rest");
    const rows = await withDb((db) => listMerchants(db, { countyCode, includeInactive: values.all === true }));
    io.out(
      rows,
      rows.length
        ? rows.map((m) => `${m.name}  ${m.type}  ${m.originAreaName ?? m.originAreaCode ?? "-"}  ${m.contactPhone ?? ""}`).join("\n")
        : `no merchants in county ${countyCode}`,
    );
  },
};

export const countersList: Command = {
  summary: "a county's poverty-alleviation counters: --county CODE [--all for inactive ones too]",
  options: { county: { type: "string" }, all: { type: "boolean" } },
  async run({ values }, io) {
    const countyCode = county(values);
    const { listCounters } = await import("@xiangda/api/rest");
    // The CLI runs with the database's own rights: as ADMIN, limited to the county asked for.
    const operator = { userId: "cli", username: "cli", role: "ADMIN" as const, countyCode: null, nodeId: null, merchantId: null };
    const rows = await withDb((db) => listCounters(db, { actor: operator, countyCode, includeInactive: values.all === true }));
    io.out(
      rows,
      rows.length
        ? rows.map((c) => `${c.code}  ${c.name}  ${c.venueType}  → ${c.node.code}  operators ${c.operators.length}`).join("\n")
        : `no counters in county ${countyCode}`,
    );
  },
};
