// The API's error messages, English (namespace "errors"): the server's own sentences (ERROR_MESSAGES in the domain
// package, `{name}` as `{{name}}`), a few reworded; `generic` for a message without a key. Same keys as errors.zh.ts.
import { ERROR_MESSAGES, type TErrorKey } from "@xiangda/domain";

const fromServer = Object.fromEntries(
  Object.entries(ERROR_MESSAGES).map(([k, v]) => [k, v.replace(/\{(\w+)\}/g, "{{$1}}")]),
) as Record<TErrorKey, string>;

export const errorsEn = {
  ...fromServer,
  // Without the tiers' internal names (the zh text says the same).
  LANE_MODE_TIERS: "This lane type cannot link these two tiers of node; use a DIRECT lane with a reason to skip a tier",
  ALREADY_EXISTS_FIELDS: "A record like this already exists",
  NOT_A_TEMP: '"{{value}}" is not a temperature: ambient, chilled or frozen',
  FILE_NOT_CSV: "not a readable CSV file",
  LISTING_NOT_ON_SALE: "the listing is not on sale",
  ACCEPT_ALREADY: "{{waybill}} is past acceptance already: nothing to accept",
  NOT_ONE_OF: '"{{value}}" is not one of {{values}}',
  MERCHANT_NAME_TAKEN: "another merchant of the county is called {{name}}",
  ROUTE_NO_ROUTE: "no route ({{from}} → {{to}} within {{days}} days)",
  ROUTE_COLD_CHAIN: "no cold-chain route ({{from}} → {{to}} within {{days}} days)",
  ROUTE_ORIGIN_DOWN: "origin {{node}} is not active",
  ROUTE_DEST_DOWN: "destination {{node}} is not active",
  ROUTE_UNKNOWN_NODE: "a node is not in the network",
  ROUTE_NO_STATION: "the village's township has no station",
  ROUTE_NO_ROUTE_GENERIC: "no route",
  generic: {
    field: "This value is not valid",
    INVALID_INPUT: "Some input is not valid; check it and try again",
    UNAUTHENTICATED: "Please sign in",
    FORBIDDEN: "You may not do this",
    NOT_FOUND: "Not found",
    CONFLICT: "This conflicts with existing data",
    INVALID_TRANSITION: "This cannot be done in the current state",
    RATE_LIMITED: "Too many attempts; try again later",
    UNAVAILABLE: "The service is unavailable; try again shortly",
    internal: "Server error; try again later",
    network: "Network error; check the connection and try again",
    unknown: "The operation failed; try again",
  },
};
