// The catalog's enumerations for the form kit's EnumSelect: a domain list each, labelled from the counters
// namespace's `enums.*` (the one place their names are written).
import { CERTIFICATION_KINDS, LISTING_STATUSES, MERCHANT_TYPES, PRODUCT_CATEGORIES, PRODUCT_TEMPS, VENUE_TYPES } from "@xiangda/domain";
import { tOf } from "../../i18n/use-t.ts";
import { defineEnum } from "../form/index.ts";

const tc = tOf("counters");

export const CATALOG_ENUMS = {
  category: defineEnum(PRODUCT_CATEGORIES, (v) => tc(`enums.categories.${v}`)),
  temp: defineEnum(PRODUCT_TEMPS, (v) => tc(`enums.temps.${v}`)),
  certKind: defineEnum(CERTIFICATION_KINDS, (v) => tc(`enums.certKinds.${v}`)),
  venueType: defineEnum(VENUE_TYPES, (v) => tc(`enums.venueTypes.${v}`)),
  merchantType: defineEnum(MERCHANT_TYPES, (v) => tc(`enums.merchantTypes.${v}`)),
  listingStatus: defineEnum(LISTING_STATUSES, (v) => tc(`enums.listingStatus.${v}`)),
};
