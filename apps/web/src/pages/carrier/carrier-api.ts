// Shapes of the `carrier` API the carrier portal's pages use.
import type { TRouterInputs, TRouterOutputs } from "../../lib/trpc.ts";

type TOut = TRouterOutputs["carrier"];
export type TParcelFilter = TRouterInputs["carrier"]["parcels"];
export type TParcelRow = TOut["parcels"]["items"][number];
export type TParcel = TOut["parcel"];
export type TParcelEvent = TParcel["events"][number];
export type TParcelLoad = TParcel["loads"][number];
export type TLoadRow = TOut["loads"][number];
export type TWebhook = TOut["webhooks"]["list"][number];
export type TDelivery = TOut["webhooks"]["deliveries"]["deliveries"][number];
export type TApiKey = TOut["keys"]["list"][number];
