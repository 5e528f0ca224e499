// Why a scan came out as it did, English (namespace "scanWhy"): the server's own sentences (SCAN_REASONS in the
// domain package, `{name}` as `{{name}}`), a few reworded for the console. Same keys as scan-why.zh.ts.
import { SCAN_REASONS, SCAN_WARNINGS, type TScanReason, type TScanWarningCode } from "@xiangda/domain";

const fromServer = Object.fromEntries(
  Object.entries({ ...SCAN_REASONS, ...SCAN_WARNINGS }).map(([k, v]) => [k, v.replace(/\{(\w+)\}/g, "{{$1}}")]),
) as Record<TScanReason | TScanWarningCode, string>;

export const scanWhyEn = {
  ...fromServer,
  OFF_ROUTE: "misrouted: the route does not come here; a new route is being planned",
  VEHICLE_REQUIRED: "set the vehicle before loading",
  LOAD_ACTION: "a load can be scanned to load, depart, hand over or arrive; scan parcel by parcel",
  LOAD_SUMMARY: "load {{load}}: {{n}} parcels, {{ok}} OK",
  loadDup: ", {{dup}} already",
  loadRefused: ", {{refused}} refused ({{first}}: {{why}})",
};
