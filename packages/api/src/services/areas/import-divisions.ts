// Imports (or re-imports) a county's administrative areas; idempotent, reports what changed.
import type { Db } from "@xiangda/db";
import { diffDivisions } from "@xiangda/domain";
import { readCountyDivisions } from "./china-division.ts";
import { positionsFor } from "./positions.ts";

export interface ImportDivisionsResult {
  county: { code: string; name: string };
  townships: number;
  villageUnits: number;
  villageCommittees: number;
  added: number;
  renamed: { code: string; from: string; to: string }[];
  removed: { code: string; name: string }[];
  restored: number;
  unchanged: number;
}

export async function importDivisions(
  db: Db,
  countyCode: string,
  onProgress?: (done: number, total: number) => void,
): Promise<ImportDivisionsResult> {
  const { county, units } = await readCountyDivisions(countyCode);
  const positions = positionsFor(countyCode, units);
  const existing = await db.adminArea.findMany({
    where: { countyCode, level: { in: ["TOWNSHIP", "VILLAGE"] } },
    select: { code: true, name: true, kind: true, removedAt: true },
  });
  const diff = diffDivisions(
    existing.map((e) => ({ code: e.code, name: e.name, kind: e.kind, removed: e.removedAt !== null })),
    units,
  );
  const now = new Date();
  await db.$transaction(
    async (tx) => {
      await tx.county.upsert({
        where: { code: county.code },
        update: { name: county.name, cityName: county.cityName, provinceName: county.provinceName, importedAt: now },
        create: { ...county, importedAt: now },
      });
      // The county itself as an area, for nodes (a hub) that sit on the county as a whole.
      const seat = positions.get("county-seat");
      await tx.adminArea.upsert({
        where: { code: `${countyCode}000000` },
        update: { name: county.name },
        create: {
          code: `${countyCode}000000`,
          countyCode,
          level: "COUNTY",
          kind: "县级",
          name: county.name,
          lng: seat?.lng ?? null,
          lat: seat?.lat ?? null,
          datum: seat?.datum ?? null,
          synthetic: false,
        },
      });
      // Townships first so villages can point at them.
      const toCreate = [...diff.added].sort((a, b) => (a.level === b.level ? 0 : a.level === "TOWNSHIP" ? -1 : 1));
      const total = toCreate.length + diff.renamed.length + diff.restored.length + diff.removed.length;
      let done = 0;
      for (const level of ["TOWNSHIP", "VILLAGE"] as const) {
        const batch = toCreate.filter((u) => u.level === level);
        if (batch.length === 0) continue;
        await tx.adminArea.createMany({
          data: batch.map((u) => {
            const p = positions.get(u.code);
            return {
              code: u.code,
              countyCode,
              level: u.level,
              kind: u.kind,
              name: u.name,
              parentCode: u.parentCode,
              lng: p?.lng ?? null,
              lat: p?.lat ?? null,
              datum: p?.datum ?? null,
              synthetic: p?.synthetic ?? false,
            };
          }),
        });
        done += batch.length;
        onProgress?.(done, total);
      }
      const byCode = new Map(units.map((u) => [u.code, u]));
      for (const r of [...diff.renamed, ...diff.restored.map((u) => ({ code: u.code }))]) {
        const u = byCode.get(r.code)!;
        await tx.adminArea.update({
          where: { code: u.code },
          data: { name: u.name, kind: u.kind, parentCode: u.parentCode, removedAt: null },
        });
        onProgress?.(++done, total);
      }
      if (diff.removed.length) {
        await tx.adminArea.updateMany({ where: { code: { in: diff.removed.map((r) => r.code) } }, data: { removedAt: now } });
        done += diff.removed.length;
        onProgress?.(done, total);
      }
    },
    { timeout: 60_000 },
  );
  return {
    county: { code: county.code, name: county.name },
    townships: units.filter((u) => u.level === "TOWNSHIP").length,
    villageUnits: units.filter((u) => u.level === "VILLAGE").length,
    villageCommittees: units.filter((u) => u.level === "VILLAGE" && u.kind === "村委会").length,
    added: diff.added.length,
    renamed: diff.renamed,
    removed: diff.removed,
    restored: diff.restored.length,
    unchanged: diff.unchanged,
  };
}
