// Known positions shipped with the project (GCJ-02), and deterministic synthetic ones for the rest.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { syntheticPosition, type DivisionUnit } from "@xiangda/domain";

const dataDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../data/positions");

interface PositionFile {
  datum: string;
  countySeat: [number, number];
  points: Record<string, [number, number]>;
}

export interface Position {
  lng: number;
  lat: number;
  datum: string;
  synthetic: boolean;
}

function loadFile(countyCode: string): PositionFile | null {
  const p = path.join(dataDir, `${countyCode}.json`);
  return existsSync(p) ? (JSON.parse(readFileSync(p, "utf8")) as PositionFile) : null;
}

/// Real where known; otherwise invented near the township (villages) or county seat (townships), flagged synthetic.
export function positionsFor(countyCode: string, units: DivisionUnit[]): Map<string, Position> {
  const file = loadFile(countyCode);
  const out = new Map<string, Position>();
  if (!file) return out; // No reference points: positions stay unknown rather than invented from nothing.
  const datum = file.datum;
  out.set("county-seat", { lng: file.countySeat[0], lat: file.countySeat[1], datum, synthetic: false });
  for (const u of units.filter((x) => x.level === "TOWNSHIP")) {
    const real = file.points[u.code];
    const [lng, lat] = real ?? syntheticPosition(u.code, file.countySeat, 4, 25);
    out.set(u.code, { lng, lat, datum, synthetic: !real });
  }
  for (const u of units.filter((x) => x.level === "VILLAGE")) {
    const real = file.points[u.code];
    const parent = u.parentCode ? out.get(u.parentCode) : undefined;
    const center: [number, number] = parent ? [parent.lng, parent.lat] : file.countySeat;
    const [lng, lat] = real ?? syntheticPosition(u.code, center, 1.5, 6);
    out.set(u.code, { lng, lat, datum, synthetic: !real });
  }
  return out;
}
