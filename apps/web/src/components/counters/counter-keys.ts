// Keys of the counters namespace built from values the server sends.
import type { TKey } from "../../i18n/use-t.ts";

type TEnumSection =
  "categories" | "certKinds" | "venueTypes" | "merchantTypes" | "listingStatus" | "restockStatus" | "sides" | "saleSources";

/** A key of one of the enum sections, for values the server sends ("FRUIT" → "enums.categories.FRUIT"). */
export function enumKey(section: TEnumSection, value: string): TKey<"counters"> {
  return `enums.${section}.${value}` as TKey<"counters">;
}
