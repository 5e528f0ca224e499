// Parsing of the values people type into network imports and forms; each returns a value or an error message.

import { errorText, type ErrorParamsArg, type TErrorKey, type TErrorParamValue } from "../error-messages.ts";

/// A failure carries its message as a catalog key with parameters (ERROR_MESSAGES) and the English sentence.
export type Parsed<T> =
  | { ok: true; value: T }
  | { ok: false; message: string; key?: TErrorKey | undefined; params?: Record<string, TErrorParamValue> | undefined };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const err = <K extends TErrorKey>(
  key: K,
  ...[params]: ErrorParamsArg<K>
): { ok: false; message: string; key: K; params: Record<string, TErrorParamValue> } => {
  const p = (params ?? {}) as Record<string, TErrorParamValue>;
  return { ok: false, message: errorText(key, p), key, params: p };
};

const TRUE = new Set(["true", "1", "yes", "y", "是", "有", "t"]);
const FALSE = new Set(["false", "0", "no", "n", "否", "无", "f", ""]);

export function parseBool(raw: string | undefined): Parsed<boolean> {
  const v = (raw ?? "").trim().toLowerCase();
  if (TRUE.has(v)) return ok(true);
  if (FALSE.has(v)) return ok(false);
  return err("NOT_YES_NO", { value: raw ?? "" });
}

function enumParser<T extends string>(name: string, values: readonly T[], aliases: Record<string, T> = {}) {
  return (raw: string | undefined, fallback?: T): Parsed<T> => {
    const v = (raw ?? "").trim();
    if (!v) return fallback !== undefined ? ok(fallback) : err("REQUIRED");
    const upper = v.toUpperCase().replace(/[\s-]+/g, "_");
    if ((values as readonly string[]).includes(upper)) return ok(upper as T);
    const alias = aliases[v] ?? aliases[v.toLowerCase()];
    if (alias) return ok(alias);
    return err("NOT_ONE_OF", { value: v, name, values: values.join(", ") });
  };
}

export const NODE_TIERS = ["COUNTY_HUB", "TOWNSHIP_STATION", "VILLAGE_POINT"] as const;
export type TNodeTier = (typeof NODE_TIERS)[number];
export const parseTier = enumParser("tier", NODE_TIERS, {
  hub: "COUNTY_HUB",
  county: "COUNTY_HUB",
  县级物流配送中心: "COUNTY_HUB",
  县级: "COUNTY_HUB",
  station: "TOWNSHIP_STATION",
  township: "TOWNSHIP_STATION",
  乡镇服务站: "TOWNSHIP_STATION",
  乡镇: "TOWNSHIP_STATION",
  point: "VILLAGE_POINT",
  village: "VILLAGE_POINT",
  村级服务点: "VILLAGE_POINT",
  村级: "VILLAGE_POINT",
});

export const NODE_STATUSES = ["ACTIVE", "SUSPENDED", "CLOSED"] as const;
export type TNodeStatus = (typeof NODE_STATUSES)[number];
export const parseNodeStatus = enumParser("status", NODE_STATUSES, { 正常: "ACTIVE", 运营中: "ACTIVE", 暂停: "SUSPENDED", 关闭: "CLOSED" });

/// Who runs a node (Node.operator).
export const NODE_OPERATORS = ["POST", "CARRIER", "COOPERATIVE", "SHOP_AGENT", "GOVERNMENT", "OTHER"] as const;
export type TNodeOperator = (typeof NODE_OPERATORS)[number];

export const LANE_MODES = ["TRUNK", "MILK_RUN", "BUS", "DIRECT"] as const;
export type TLaneMode = (typeof LANE_MODES)[number];
export const parseLaneMode = enumParser("mode", LANE_MODES, {
  milkrun: "MILK_RUN",
  干线: "TRUNK",
  循环取送: "MILK_RUN",
  客货邮: "BUS",
  直达: "DIRECT",
});

export const ENERGY_TYPES = ["NEW_ENERGY", "FUEL"] as const;
export type TEnergy = (typeof ENERGY_TYPES)[number];
export const parseEnergy = enumParser("energy", ENERGY_TYPES, {
  ev: "NEW_ENERGY",
  electric: "NEW_ENERGY",
  new: "NEW_ENERGY",
  新能源: "NEW_ENERGY",
  diesel: "FUEL",
  petrol: "FUEL",
  gasoline: "FUEL",
  燃油: "FUEL",
});

export const VEHICLE_STATUSES = ["ACTIVE", "MAINTENANCE", "RETIRED"] as const;
export type TVehicleStatus = (typeof VEHICLE_STATUSES)[number];

/// A carrier's credit grade, A best.
export const CREDIT_GRADES = ["A", "B", "C", "D"] as const;
export type TCreditGrade = (typeof CREDIT_GRADES)[number];

/// The days of a lane's timetable, 1 Monday … 7 Sunday.
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export const COLD_CLASSES = ["NONE", "CHILLED", "FROZEN", "BOTH"] as const;
export type TColdClass = (typeof COLD_CLASSES)[number];

/// Cold capability: none, chilled, frozen or both. A plain yes means both (a general cold store or reefer).
export function parseCold(raw: string | undefined): Parsed<TColdClass> {
  const v = (raw ?? "").trim().toLowerCase();
  if (FALSE.has(v) || v === "none" || v === "ambient" || v === "常温") return ok("NONE");
  if (
    TRUE.has(v) ||
    v === "both" ||
    v === "cold" ||
    v === "冷链" ||
    /^(chilled|冷藏)[;,+/ ]+(frozen|冷冻)$|^(frozen|冷冻)[;,+/ ]+(chilled|冷藏)$/.test(v)
  )
    return ok("BOTH");
  if (v === "chilled" || v === "冷藏") return ok("CHILLED");
  if (v === "frozen" || v === "冷冻") return ok("FROZEN");
  return err("NOT_COLD_CLASS", { value: raw ?? "" });
}

export function coldFlags(c: TColdClass): { coldChilled: boolean; coldFrozen: boolean } {
  return { coldChilled: c === "CHILLED" || c === "BOTH", coldFrozen: c === "FROZEN" || c === "BOTH" };
}

/// Departure times as typed, one list: "08:00; 14:30" (also "," "、" "，" "；" or spaces between) → ["08:00", "14:30"].
/// No checking: the lane form sends these as they are, parseDepartures checks each.
export function splitDepartures(raw: string | undefined): string[] {
  return (raw ?? "")
    .split(/[;,、，；\s]+/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/// "08:00;14:30" (also "," "、" "，" "；" or spaces) → ["08:00", "14:30"], sorted, without duplicates.
export function parseDepartures(raw: string | undefined): Parsed<string[]> {
  const parts = splitDepartures(raw);
  if (parts.length === 0) return err("DEPARTURES_NEEDED");
  const out = new Set<string>();
  for (const p of parts) {
    const m = /^(\d{1,2})[:：](\d{2})$/.exec(p);
    if (!m) return err("NOT_A_TIME", { value: p });
    const h = Number(m[1]);
    const min = Number(m[2]);
    if (h > 23 || min > 59) return err("NOT_TIME_OF_DAY", { value: p });
    out.add(`${String(h).padStart(2, "0")}:${m[2]}`);
  }
  return ok([...out].sort());
}

/// "1-5", "1,3,5", "1-5,7", "daily"/"每天" → ISO weekdays (1 = Monday … 7 = Sunday).
export function parseWeekdays(raw: string | undefined): Parsed<number[]> {
  const v = (raw ?? "").trim().toLowerCase();
  if (!v || v === "daily" || v === "every day" || v === "每天" || v === "*") return ok([1, 2, 3, 4, 5, 6, 7]);
  const days = new Set<number>();
  for (const part of v.split(/[;,、\s]+/).filter(Boolean)) {
    const range = /^([1-7])\s*[-~–]\s*([1-7])$/.exec(part);
    if (range) {
      const a = Number(range[1]);
      const b = Number(range[2]);
      if (a > b) return err("WEEKDAYS_BACKWARDS", { value: part, a, b });
      for (let d = a; d <= b; d++) days.add(d);
    } else if (/^[1-7]$/.test(part)) days.add(Number(part));
    else return err("NOT_A_WEEKDAY", { value: part });
  }
  return ok([...days].sort((a, b) => a - b));
}

export function parseIntField(
  raw: string | undefined,
  opts: { min?: number; max?: number; required?: boolean; fallback?: number } = {},
): Parsed<number | null> {
  const v = (raw ?? "").trim();
  if (!v) {
    if (opts.fallback !== undefined) return ok(opts.fallback);
    return opts.required ? err("REQUIRED") : ok(null);
  }
  if (!/^-?\d+$/.test(v)) return err("NOT_WHOLE_NUMBER", { value: v });
  const n = Number(v);
  if (opts.min !== undefined && n < opts.min) return err("NUMBER_MIN", { min: opts.min });
  if (opts.max !== undefined && n > opts.max) return err("NUMBER_MAX", { max: opts.max });
  return ok(n);
}

export function parseDecimal(
  raw: string | undefined,
  opts: { min?: number; max?: number; required?: boolean } = {},
): Parsed<number | null> {
  const v = (raw ?? "").trim();
  if (!v) return opts.required ? err("REQUIRED") : ok(null);
  if (!/^\d+(\.\d+)?$/.test(v)) return err("NOT_A_NUMBER", { value: v });
  const n = Number(v);
  if (opts.min !== undefined && n < opts.min) return err("NUMBER_MIN", { min: opts.min });
  if (opts.max !== undefined && n > opts.max) return err("NUMBER_MAX", { max: opts.max });
  return ok(n);
}

/// A 12-digit statistical code; a 9-digit township code is completed with 000.
export function parseAreaCode(raw: string | undefined): Parsed<string> {
  const v = (raw ?? "").trim();
  if (/^\d{12}$/.test(v)) return ok(v);
  if (/^\d{9}$/.test(v)) return ok(`${v}000`);
  if (/^\d{6}$/.test(v)) return ok(`${v}000000`);
  return err("NOT_AREA_CODE", { value: v });
}
