// Area checks of the catalog: a merchant's or batch's origin must be a village of the county.
import type { Tx } from "@xiangda/db";
import { AppError } from "@xiangda/domain";

export async function assertVillageOfCounty(db: Tx, countyCode: string, code: string, field: string) {
  const area = await db.adminArea.findUnique({
    where: { code },
    select: { code: true, name: true, level: true, countyCode: true, removedAt: true },
  });
  if (!area || area.countyCode !== countyCode || area.removedAt) throw AppError.at(field, "NO_VILLAGE_IN_COUNTY", { area: code, county: countyCode });
  if (area.level !== "VILLAGE") throw AppError.at(field, "AREA_NOT_VILLAGE", { area: code, name: area.name });
  return area;
}

/// Township or village of the county (where a counter sits).
export async function assertAreaOfCounty(db: Tx, countyCode: string, code: string, field: string) {
  const area = await db.adminArea.findUnique({
    where: { code },
    select: { code: true, name: true, level: true, countyCode: true, removedAt: true },
  });
  if (!area || area.countyCode !== countyCode || area.removedAt || area.level === "COUNTY")
    throw AppError.at(field, "NO_AREA_IN_COUNTY", { area: code, county: countyCode });
  return area;
}

/// Names of areas by code, for views.
export async function areaNames(db: Tx, codes: Iterable<string | null>): Promise<Map<string, string>> {
  const list = [...new Set([...codes].filter((c): c is string => !!c))];
  if (list.length === 0) return new Map();
  const rows = await db.adminArea.findMany({ where: { code: { in: list } }, select: { code: true, name: true } });
  return new Map(rows.map((r) => [r.code, r.name]));
}

/// Omitted (undefined) keeps a stored value; null or blank text clears it.
export function optional<T>(v: T | null | undefined): T | null | undefined {
  if (v === undefined) return undefined;
  if (v === null || (typeof v === "string" && v.trim() === "")) return null;
  return v;
}
