// Shapes of the `shipments` and `tracking` APIs used by the shipment pages, the acceptance desk and /track.
import type { TRouterInputs, TRouterOutputs } from "./trpc.ts";

type TOut = TRouterOutputs["shipments"];
type TIn = TRouterInputs["shipments"];

export type TShipmentFilter = TIn["list"];
export type TShipmentPage = TOut["list"];
export type TShipmentRow = TShipmentPage["items"][number];
export type TShipmentStatus = TShipmentRow["status"];
export type TLight = TShipmentRow["light"];
export type TDirection = TShipmentRow["direction"];
export type TShipment = TOut["get"];
export type TTemp = TShipment["temp"];
export type TLeg = TShipment["legs"][number];
export type TLegStatus = TLeg["status"];
export type TShipmentEvent = TShipment["events"][number];
export type TOverdueGroup = TOut["overdue"][number];
export type TManifestResult = TOut["importManifest"];
export type TManifestRowError = TManifestResult["errors"][number];
export type TUnresolved = TManifestResult["unresolved"][number];
export type TRecomputeResult = TOut["recomputeLights"];
export type TAcceptInput = TIn["accept"];
export type TProhibitedItem = keyof TAcceptInput["inspection"]["prohibitedAbsent"];
export type TTracking = TRouterOutputs["tracking"]["lookup"];
export type TTrackingLeg = TTracking["legs"][number];
export type TTrackingEvent = TTracking["events"][number];
