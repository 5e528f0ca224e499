// Shapes of the `network` API used by the county network pages.
import type { TRouterInputs, TRouterOutputs } from "./trpc.ts";

type TOut = TRouterOutputs["network"];
type TIn = TRouterInputs["network"];

export type TCoverage = TOut["coverage"];
export type TTree = TOut["tree"];
export type TTownship = TTree["townships"][number];
export type TVillage = TTownship["villages"][number];
export type TNode = TOut["nodes"]["list"][number];
export type TTier = TNode["tier"];
export type TNodeStatus = TNode["status"];
export type TOperator = TNode["operator"];
export type TNodeInput = TIn["nodes"]["upsert"];
export type TLane = TOut["lanes"]["list"][number];
export type TLaneMode = TLane["mode"];
export type TLaneInput = TIn["lanes"]["upsert"];
export type TVehicle = TOut["vehicles"]["list"][number];
export type TVehicleInput = TIn["vehicles"]["upsert"];
export type TCarrier = TOut["carriers"]["list"][number];
export type TCarrierInput = TIn["carriers"]["upsert"];
export type TImportPreview = TOut["imports"]["preview"];
export type TImportJob = TOut["imports"]["get"];
export type TImportKind = TIn["imports"]["start"]["kind"];
export type TRowError = TImportPreview["errors"][number];
