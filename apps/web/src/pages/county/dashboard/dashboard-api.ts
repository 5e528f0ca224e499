// Shapes of the `dashboard` API used by the county dashboard.
import type { TRouterOutputs } from "../../../lib/trpc.ts";

type TOut = TRouterOutputs["dashboard"];

export type TMapData = TOut["map"];
export type TMapNode = TMapData["nodes"][number];
export type TNodeDetail = TOut["node"];
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
export type TTier = TMapNode["tier"];
