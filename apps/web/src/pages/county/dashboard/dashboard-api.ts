// Shapes of the `dashboard` API used by the county dashboard.
import type { TRouterInputs, TRouterOutputs } from "../../../lib/trpc.ts";

type TOut = TRouterOutputs["dashboard"];
type TIn = TRouterInputs["dashboard"];

export type TDashboardInput = TIn["volumes"];
export type TFilterOptions = TOut["filters"];
export type TMapData = TOut["map"];
export type TMapTownship = TMapData["townships"][number];
export type TMapVillage = TMapData["villages"][number];
export type TMapNode = TMapData["nodes"][number];
export type TMapLane = TMapData["lanes"][number];
export type TMapLoad = TMapData["loadsToday"][number];
export type TNodeDetail = TOut["node"];
export type TLateParcel = TNodeDetail["late"][number];
export type TCoverage = TOut["coverage"];
export type TCoverageTownship = TCoverage["byTownship"][number];
export type TUncoveredVillage = TCoverage["uncovered"][number];
export type TLights = TOut["lights"];
export type TRedGroup = TLights["redByNode"][number];
export type TRedParcel = TRedGroup["parcels"][number];
export type TVolumes = TOut["volumes"];
export type TVolumeDay = TVolumes["days"][number];
export type TOnTime = TOut["onTime"];
export type TConsolidation = TOut["consolidation"];
export type TConsolidationDay = TConsolidation["days"][number];
export type TCounters = TOut["counters"];
export type TVenueRow = TCounters["byVenue"][number];
export type TTopProduct = TCounters["topProducts"][number];
export type THistory = TOut["history"];
export type TTier = TMapNode["tier"];
