// Shapes of the `loads` API used by the load pages.
import type { TRouterInputs, TRouterOutputs } from "../../../lib/trpc.ts";

type TOut = TRouterOutputs["loads"];

export type TLoadFilter = TRouterInputs["loads"]["list"];
export type TLoadRow = TOut["list"]["items"][number];
export type TLoadStatus = TLoadRow["status"];
export type TLoad = TOut["get"];
export type TLoadVehicle = TLoad["vehicles"][number];
export type TLoadStop = TLoadVehicle["stops"][number];
export type TLoadItem = TLoadStop["items"][number];
export type TLoadFigure = TLoad["figures"][number];
