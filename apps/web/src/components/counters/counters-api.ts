// Shapes of the catalog, listings and restock APIs used by the merchant, counter and county counter pages (issue #7).
import type { TRouterInputs, TRouterOutputs } from "../../lib/trpc.ts";

type TCatalog = TRouterOutputs["catalog"];
type TCatalogIn = TRouterInputs["catalog"];
type TListings = TRouterOutputs["listings"];

export type TProduct = TCatalog["products"]["get"];
export type TProductInput = TCatalogIn["products"]["upsert"];
export type TCertification = TProduct["certifications"][number];
export type TCertKind = TCertification["kind"];
export type TProductImage = TProduct["images"][number];
export type TProductRow = TCatalog["products"]["list"][number];
export type TCategory = TProduct["category"];
export type TProductTemp = TProduct["temp"];
export type TBatch = TCatalog["batches"]["list"][number];
export type TMerchant = TCatalog["merchants"]["get"];
export type TMerchantRow = TCatalog["merchants"]["list"][number];
export type TMerchantInput = TCatalogIn["merchants"]["upsert"];
export type TMerchantType = TMerchant["type"];
export type TCounter = TCatalog["counters"]["list"][number];
export type TCounterInput = TCatalogIn["counters"]["upsert"];
export type TVenueType = TCounter["venueType"];
export type TListing = TListings["list"][number];
export type TListingStatus = TListing["status"];
export type TShelfListing = TListings["forCounter"][number];
export type TReviewQueue = TListings["reviewQueue"];
export type TReviewItem = TReviewQueue["pending"][number];
export type TSalesPage = TListings["sales"]["list"];
export type TSale = TSalesPage["sales"][number];
export type TUploadResult = TListings["sales"]["upload"];
export type TSalesReport = TListings["reports"]["sales"];
export type TRestockOrder = TRouterOutputs["restock"]["list"]["items"][number];
export type TRestockStatus = TRestockOrder["status"];
export type TRestockParcel = TRestockOrder["shipments"][number];
