// The catalog's enumerations for the form kit's EnumSelect: a domain list each, labelled from the counters
// namespace's `enums.*` (the one place their names are written).
import { CERTIFICATION_KINDS, LISTING_STATUSES, MERCHANT_TYPES, PRODUCT_CATEGORIES, PRODUCT_TEMPS, VENUE_TYPES } from "@xiangda/domain";
import type { TFunction } from "i18next";
import { defineEnum } from "../form/index.ts";

type TLooseT = (key: string, options: Record<string, unknown>) => string;

const countersLabel =
  (section: string) =>
  (t: TFunction, value: string): string =>
    (t as unknown as TLooseT)(`enums.${section}.${value}`, { ns: "counters" });

export const CATALOG_ENUMS = {
  category: defineEnum(PRODUCT_CATEGORIES, countersLabel("categories")),
  temp: defineEnum(PRODUCT_TEMPS, countersLabel("temps")),
  certKind: defineEnum(CERTIFICATION_KINDS, countersLabel("certKinds")),
  venueType: defineEnum(VENUE_TYPES, countersLabel("venueTypes")),
  merchantType: defineEnum(MERCHANT_TYPES, countersLabel("merchantTypes")),
  listingStatus: defineEnum(LISTING_STATUSES, countersLabel("listingStatus")),
};
