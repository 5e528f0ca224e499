// The catalog's enumerations for the form kit's EnumSelect: a domain list each, labelled from the counters
// namespace's `enums.*` (the one place their names are written); a product's temperature class is the form kit's
// ENUMS.temp (the database enum TempClass, labelled from the enums namespace).
import { CERTIFICATION_KINDS, LISTING_STATUSES, MERCHANT_TYPES, PRODUCT_CATEGORIES, VENUE_TYPES } from "@xiangda/domain";
import { tOf } from "../../i18n/use-t.ts";
import { ENUMS, defineEnum } from "../form/index.ts";

const tc = tOf("counters");

export const CATALOG_ENUMS = {
  category: defineEnum(PRODUCT_CATEGORIES, (v) => tc(`enums.categories.${v}`)),
  temp: ENUMS.temp,
  certKind: defineEnum(CERTIFICATION_KINDS, (v) => tc(`enums.certKinds.${v}`)),
  venueType: defineEnum(VENUE_TYPES, (v) => tc(`enums.venueTypes.${v}`)),
  merchantType: defineEnum(MERCHANT_TYPES, (v) => tc(`enums.merchantTypes.${v}`)),
  listingStatus: defineEnum(LISTING_STATUSES, (v) => tc(`enums.listingStatus.${v}`)),
};
