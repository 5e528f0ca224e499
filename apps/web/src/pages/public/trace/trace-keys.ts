// Keys of the trace namespace built from values the server sends.
import type { TKey } from "../../../i18n/use-t.ts";

/** A key of one of the enum sections, for values the server sends ("FRUIT" → "categories.FRUIT"). */
export function enumKey(
  section: "categories" | "certKinds" | "merchantTypes" | "temps" | "venueTypes" | "actions" | "statuses",
  value: string,
): TKey<"trace"> {
  return `${section}.${value}` as TKey<"trace">;
}
