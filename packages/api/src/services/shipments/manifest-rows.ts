// The rows of an arrival manifest checked one by one: each bad cell an issue; a good row either names its village (by
// code, or by an address the county's matcher resolves) or is listed as unresolved, never guessed.
import {
  issueAt,
  matchesCarrierPattern,
  parseAreaCode,
  parseIntField,
  type ErrorParamsArg,
  type TErrorKey,
  type TErrorParamValue,
  PHONE_PATTERN,
} from "@xiangda/domain";
import type { ImportIssue } from "../imports/import-types.ts";
import type { Table } from "../imports/read-table.ts";
import type { AddressMatcher } from "./match-address.ts";

const TEMPS = new Map([
  ["", "AMBIENT"],
  ["ambient", "AMBIENT"],
  ["常温", "AMBIENT"],
  ["chilled", "CHILLED"],
  ["冷藏", "CHILLED"],
  ["frozen", "FROZEN"],
  ["冷冻", "FROZEN"],
]);

export interface ManifestRow {
  row: number;
  waybillNo: string;
  name: string;
  phone: string;
  address: string | null;
  areaCode: string;
  weightG: number;
  temp: "AMBIENT" | "CHILLED" | "FROZEN";
  contents: string;
  valueFen: number;
}

/// A type, not an interface: it is stored as JSON (ArrivalManifest.unresolved).
export type UnresolvedRow = {
  row: number;
  waybillNo: string;
  address: string;
  /// In English; `reasonKey` with `reasonParams` is what the web app translates (ERROR_MESSAGES).
  reason: string;
  reasonKey: TErrorKey;
  reasonParams: Record<string, TErrorParamValue>;
};

export interface ManifestScope {
  countyCode: string;
  carrier: { name: string; waybillPattern: string | null };
  /// The county's areas by code.
  areaSet: Map<string, { code: string; name: string; level: string; parentCode: string | null }>;
  /// The receiving township station (its villages only), or null at the hub.
  station: { name: string; areaCode: string } | null;
  township: { name: string } | undefined;
  matcher: AddressMatcher;
}

/// Checks every row; pushes each bad cell onto `errors` and returns the good rows and the unresolved addresses.
export function checkManifestRows(table: Table, scope: ManifestScope, errors: ImportIssue[]) {
  const { carrier, areaSet, station, township, matcher } = scope;
  const good: ManifestRow[] = [];
  const unresolved: UnresolvedRow[] = [];
  const seen = new Map<string, number>();
  for (const { row, values: v } of table.rows) {
    const before = errors.length;
    const at = (
      column: string,
      issue: { message: string; key?: TErrorKey | undefined; params?: Record<string, TErrorParamValue> | undefined },
    ) => errors.push({ row, column, message: issue.message, key: issue.key, params: issue.params });
    const msg = <K extends TErrorKey>(key: K, ...[params]: ErrorParamsArg<K>) => issueAt("", key, ...([params] as ErrorParamsArg<K>));
    const wb = (v.waybillNo ?? "").replace(/\s+/g, "");
    if (!wb) at("waybillNo", msg("REQUIRED"));
    else if (!matchesCarrierPattern(wb, carrier.waybillPattern)) at("waybillNo", msg("NOT_CARRIER_WAYBILL", { carrier: carrier.name }));
    else if (seen.has(wb)) at("waybillNo", msg("APPEARS_TWICE", { row: seen.get(wb)! }));
    seen.set(wb, row);
    if (!v.recipientName) at("recipientName", msg("REQUIRED"));
    const phone = (v.recipientPhone ?? "").replace(/\s+/g, "");
    if (!PHONE_PATTERN.test(phone)) at("recipientPhone", msg("NOT_A_PHONE"));
    const w = parseIntField(v.weightG, { min: 1, max: 1_000_000, required: true });
    if (!w.ok) at("weightG", w);
    const temp = TEMPS.get((v.temp ?? "").trim().toLowerCase());
    if (!temp) at("temp", msg("NOT_A_TEMP", { value: v.temp ?? "" }));
    const val = parseIntField(v.declaredValueFen, { min: 0, max: 100_000_000, fallback: 0 });
    if (!val.ok) at("declaredValueFen", val);
    let areaCode: string | null = null;
    if (v.villageCode) {
      const c = parseAreaCode(v.villageCode);
      if (!c.ok) at("villageCode", c);
      else if (areaSet.get(c.value)?.level !== "VILLAGE")
        at("villageCode", msg("NOT_VILLAGE_OF_COUNTY", { area: c.value, county: scope.countyCode }));
      else if (station && areaSet.get(c.value)!.parentCode !== station.areaCode)
        at(
          "villageCode",
          msg("NOT_IN_STATION_TOWNSHIP", { area: c.value, township: township?.name ?? station.areaCode, station: station.name }),
        );
      else areaCode = c.value;
    }
    if (errors.length > before) continue;
    if (!areaCode) {
      const m = matcher.match(v.address ?? "");
      if ("unresolved" in m) {
        unresolved.push({
          row,
          waybillNo: wb,
          address: v.address ?? "",
          reason: m.unresolved.message,
          reasonKey: m.unresolved.key,
          reasonParams: m.unresolved.params,
        });
        continue;
      }
      areaCode = m.code;
    }
    good.push({
      row,
      waybillNo: wb,
      name: v.recipientName!,
      phone,
      address: v.address || null,
      areaCode,
      weightG: (w as { value: number }).value,
      temp: temp as ManifestRow["temp"],
      contents: v.contentsCategory || "日用品",
      valueFen: (val as { value: number }).value,
    });
  }

  return { good, unresolved };
}
