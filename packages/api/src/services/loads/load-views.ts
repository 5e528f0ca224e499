// Pure helpers of the load views: the worker-written JSON (vehicle stops, the load's report) read
// defensively, Asia/Shanghai days and times, and the per-carrier totals.

const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/// The instants of one Asia/Shanghai calendar day ("2026-11-23"): [start, end).
export function shanghaiDayRange(date: string): { start: Date; end: Date } {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const start = new Date(Date.UTC(y, m - 1, d) - SHANGHAI_OFFSET_MS);
  return { start, end: new Date(start.getTime() + 86_400_000) };
}

/// "2026-11-23 08:30" in Asia/Shanghai (UTC+8, no daylight saving).
export function shanghaiDateTime(iso: string | Date | null | undefined): string {
  if (!iso) return "";
  const t = (iso instanceof Date ? iso : new Date(iso)).getTime();
  if (Number.isNaN(t)) return "";
  return new Date(t + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16).replace("T", " ");
}

/// "08:30" in Asia/Shanghai.
export const shanghaiTime = (iso: string | Date | null | undefined): string => shanghaiDateTime(iso).slice(11);

/// A planned stop as the planner wrote it; every field may be missing.
export interface TPlannedStop {
  nodeId: string | null;
  code: string | null;
  name: string | null;
  arriveAt: string | null;
  drops: number | null;
  pickups: number | null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function firstString(rec: Record<string, unknown>, keys: readonly string[]): string | null {
  for (const k of keys) {
    const v = rec[k];
    if (typeof v === "string" && v.trim()) return v.trim();
  }
  return null;
}

function count(rec: Record<string, unknown>, keys: readonly string[]): number | null {
  for (const k of keys) {
    const v = rec[k];
    if (typeof v === "number" && Number.isFinite(v)) return v;
    if (Array.isArray(v)) return v.length;
  }
  return null;
}

function instant(rec: Record<string, unknown>, keys: readonly string[]): string | null {
  for (const k of keys) {
    const v = rec[k];
    if (typeof v !== "string" && typeof v !== "number") continue;
    const d = new Date(v);
    if (!Number.isNaN(d.getTime())) return d.toISOString();
  }
  return null;
}

/// The stops of a vehicle's plan in visiting order; anything that is not a stop is skipped.
export function parseStops(json: unknown): TPlannedStop[] {
  const list = Array.isArray(json) ? json : isRecord(json) && Array.isArray(json.stops) ? json.stops : [];
  return list.filter(isRecord).map((s) => {
    const node = isRecord(s.node) ? s.node : {};
    return {
      nodeId: firstString(s, ["nodeId", "node_id", "stopNodeId"]) ?? firstString(node, ["id"]),
      code: firstString(s, ["code", "nodeCode"]) ?? firstString(node, ["code"]),
      name: firstString(s, ["name", "nodeName"]) ?? firstString(node, ["name"]),
      arriveAt: instant(s, ["arriveAt", "arrivalAt", "arrive", "arrival", "eta", "at"]),
      drops: count(s, ["drops", "dropCount", "deliveries"]),
      pickups: count(s, ["pickups", "pickupCount", "collections"]),
    };
  });
}

export interface TFigure {
  key: string;
  value: string | number | boolean;
}

/// The load's report as flat key figures: nested objects become "a.b" keys (two levels), lists their length.
export function reportFigures(json: unknown): TFigure[] {
  if (!isRecord(json)) return [];
  const out: TFigure[] = [];
  const walk = (rec: Record<string, unknown>, prefix: string, depth: number) => {
    for (const [k, v] of Object.entries(rec)) {
      const key = prefix ? `${prefix}.${k}` : k;
      if (typeof v === "number") {
        if (Number.isFinite(v)) out.push({ key, value: v });
      } else if (typeof v === "string" || typeof v === "boolean") out.push({ key, value: v });
      else if (Array.isArray(v)) {
        const primitive = v.every((x) => typeof x === "string" || typeof x === "number");
        out.push({ key, value: primitive && v.length > 0 && v.length <= 8 ? v.join(", ") : v.length });
      } else if (isRecord(v) && depth < 2) walk(v, key, depth + 1);
    }
  };
  walk(json, "", 0);
  return out.slice(0, 60);
}

/// "fillWeight: 41%", "plannedKm: 23.4": shares (keys about fill, rate or share, 0–1.5) as percentages.
export function figureText(f: TFigure): string {
  const v = f.value;
  if (typeof v === "number" && /fill|rate|share|ratio/i.test(f.key) && v >= 0 && v <= 1.5) return `${f.key}: ${Math.round(v * 100)}%`;
  if (typeof v === "number" && !Number.isInteger(v)) return `${f.key}: ${Number(v.toFixed(2))}`;
  return `${f.key}: ${String(v)}`;
}

export interface TCarrierTotal {
  code: string | null;
  name: string | null;
  parcels: number;
  weightG: number;
  rolled: number;
}

/// Parcels and weight per carrier (assigned items), with how many of each carrier's parcels were rolled; biggest first.
export function carrierTotals(
  items: ReadonlyArray<{ carrier: { code: string; name: string } | null; weightG: number; status: "ASSIGNED" | "ROLLED" | "REMOVED" }>,
): TCarrierTotal[] {
  const by = new Map<string, TCarrierTotal>();
  for (const it of items) {
    if (it.status === "REMOVED") continue;
    const key = it.carrier?.code ?? "";
    const row = by.get(key) ?? { code: it.carrier?.code ?? null, name: it.carrier?.name ?? null, parcels: 0, weightG: 0, rolled: 0 };
    if (it.status === "ROLLED") row.rolled += 1;
    else {
      row.parcels += 1;
      row.weightG += it.weightG;
    }
    by.set(key, row);
  }
  return [...by.values()].sort((a, b) => b.parcels - a.parcels || b.weightG - a.weightG || (a.code ?? "~").localeCompare(b.code ?? "~"));
}

/// How late the load was sealed: seconds past its cut-off (0 when on time, null while open) and whether that was
/// past the allowed grace when it was sealed (the late-seal alert, XD_SEAL_GRACE_SECONDS).
export function sealLateness(load: { cutoffAt: Date; sealedAt: Date | null; sealLateSeconds: number | null }): {
  sealedLateSeconds: number | null;
  lateSeal: boolean;
} {
  if (!load.sealedAt) return { sealedLateSeconds: null, lateSeal: false };
  return {
    sealedLateSeconds: Math.max(0, Math.round((load.sealedAt.getTime() - load.cutoffAt.getTime()) / 1000)),
    lateSeal: load.sealLateSeconds !== null,
  };
}
