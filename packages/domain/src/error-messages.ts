// The catalog of error messages the API sends: each a key with its English sentence (`{name}` a parameter). The web
// app translates the key with its parameters (apps/web/src/i18n/errors.*.ts, one entry per key, type-checked); the
// English sentence stays in `message` for API clients and logs.
export const ERROR_MESSAGES = {
  // Generic ones (also the zod and database mappings of packages/api/src/errors.ts).
  REQUIRED: "required",
  INVALID: "invalid value",
  INVALID_JSON: "not valid JSON",
  NUL_CHARACTERS: "must not contain NUL characters",
  ALREADY_EXISTS: "already exists",
  ALREADY_EXISTS_FIELDS: "Already exists: {fields}",
  ALREADY_TAKEN: "already taken",
  NOT_FOUND: "Not found",
  NO_ACCESS: "No access",
  DB_UNAVAILABLE: "The database is unavailable; try again shortly",
  ZOD_TYPE: "invalid value",
  ZOD_TOO_SHORT: "at least {minimum} characters",
  ZOD_TOO_LONG: "at most {maximum} characters",
  ZOD_TOO_SMALL: "must be at least {minimum}",
  ZOD_TOO_BIG: "must be at most {maximum}",
  ZOD_TOO_FEW: "at least {minimum} items",
  ZOD_TOO_MANY: "at most {maximum} items",
  ZOD_FORMAT: "wrong format",
  ZOD_CHOICE: "not one of the choices",
  ZOD_MULTIPLE_OF: "must be a multiple of {divisor}",
  ZOD_UNKNOWN_KEYS: "unknown fields: {keys}",
  // Manifests, imports and shipments.
  NO_CARRIER: "no carrier {carrier}",
  CARRIER_BLACKLISTED: "carrier {carrier} is blacklisted",
  CARRIER_NEEDED: "a carrier waybill number needs its carrier",
  NOT_CARRIER_WAYBILL: "not a {carrier} waybill number",
  MISSING_COLUMN: 'missing column "{column}"',
  NEED_ADDRESS_COLUMN: 'need an "address" or a "villageCode" column',
  APPEARS_TWICE: "appears twice (row {row})",
  NOT_A_PHONE: "not a mobile (11 digits) or landline number",
  NOT_A_TEMP: '"{value}" is not AMBIENT, CHILLED or FROZEN',
  NOT_VILLAGE_OF_COUNTY: "{area} is not a village of county {county}",
  NOT_IN_STATION_TOWNSHIP: "{area} is not in {township}, the township {station} serves",
  FILE_NOT_XLSX: "not a readable XLSX workbook",
  FILE_NO_SHEET: "the workbook has no sheet",
  FILE_NOT_CSV: "not a readable CSV file: {detail}",
  FILE_EMPTY: "the file is empty",
  FILE_TOO_BIG: "the file is larger than {mb} MB",
  FILE_NO_HEADER: "the first row must be a header row",
  FILE_NUL: "row {row}, column {column}: contains a NUL character",
  FILE_TOO_MANY_ROWS: "at most {max} rows per import",
  POOR_LIST_NEEDS_COUNTY: "a poor-village list needs the county",
  FILE_FOR_OTHER_COUNTY: "the file is for county {county}",
  NO_NODE_IN_COUNTY: "no node {node} in county {county}",
  NODE_IS_VILLAGE_POINT: "{node} is a village point: carriers' manifests arrive at the county hub or a township station",
  NODE_NOT_ACTIVE: "{node} is not active: it cannot receive parcels",
  ADDRESS_EMPTY: "empty address",
  ADDRESS_NO_VILLAGE: "no village of {scope} is named in the address",
  ADDRESS_NO_VILLAGE_COUNTY: "no village of the county is named in the address",
  ADDRESS_AMBIGUOUS: "the address matches {n} villages ({names}); give the village code",
  NOT_AN_AREA: "{area} is not an area of county {county}",
  NOT_VILLAGE_OR_TOWNSHIP: "{area} is not a village or township",
  VILLAGE_UNSERVED: "village {area} has no active point and its township has no station",
  COUNTY_NO_HUB: "county {county} has no county hub",
  NO_SUCH_SHIPMENT: "No such shipment",
  NO_SHIPMENT_FOR_PHONE: "No shipment matches that waybill number and phone",
  // Numbers and dates (parseIntField and friends).
  NOT_WHOLE_NUMBER: '"{value}" is not a whole number',
  NUMBER_MIN: "must be at least {min}",
  NUMBER_MAX: "must be at most {max}",
  NOT_IN_FUTURE: "must not be in the future",
  NOT_A_NUMBER: '"{value}" is not a number',
  NOT_YES_NO: '"{value}" is not a yes/no value (true/false, 1/0, yes/no, 是/否)',
  NOT_ONE_OF: '"{value}" is not a {name} (one of {values})',
  NOT_COLD_CLASS: '"{value}" is not a cold class (none, chilled, frozen, both, or yes/no)',
  DEPARTURES_NEEDED: "at least one departure time is needed, like 08:00;14:30",
  NOT_A_TIME: '"{value}" is not a time HH:MM',
  NOT_TIME_OF_DAY: '"{value}" is not a time of day',
  WEEKDAYS_BACKWARDS: '"{value}" runs backwards; write it as {b}-{a}',
  NOT_A_WEEKDAY: '"{value}" is not a weekday 1-7 (1 = Monday) or a range like 1-5',
  NOT_AREA_CODE: '"{value}" is not a 12-digit statistical code',
  // Catalogue, stock, images.
  ONLY_IN_STOCK: "only {stock} in stock",
  ONLY_IN_STOCK_REMOVE: "only {stock} in stock; cannot remove {remove}",
  IMAGE_TOO_BIG: "larger than {mb} MB",
  IMAGE_NOT_BASE64: "not base64-encoded",
  IMAGE_EMPTY: "an empty file",
  IMAGE_NOT_IMAGE: "not a JPEG, PNG or WebP image",
  IMAGE_DAMAGED: "a damaged {kind} image",
  IMAGE_NO_SIZE: "an image without a size",
  IMAGE_TOO_LARGE_SIDE: "at most {max} pixels a side (this one is {width}×{height})",
  IMAGE_TOO_MANY: "at most {max} images per product",
  PRODUCT_DEACTIVATED: "the product is deactivated",
  BATCH_TAKEN: "already used for this product",
  MERCHANT_NO_ORIGIN: "required: the merchant has no origin village",
  // Users.
  COUNTY_NOT_IMPORTED: "county {county} is not imported",
  NO_SUCH_NODE: "no such node",
  NO_SUCH_MERCHANT: "no such merchant",
  NO_SUCH_COUNTER: "no such counter",
  COUNTERS_ONE_COUNTY: "all counters must be in one county",
  USERNAME_TAKEN: "Username {username} is taken",
} as const;

export type TErrorKey = keyof typeof ERROR_MESSAGES;

/// The `{name}` parameters of a catalog sentence, as a type: `ErrorParams<"NO_CARRIER">` is `{ carrier: ... }`.
type PlaceholdersOf<S extends string> = S extends `${string}{${infer P}}${infer R}` ? P | PlaceholdersOf<R> : never;
export type TErrorParamValue = string | number;
export type ErrorParams<K extends TErrorKey> = { [P in PlaceholdersOf<(typeof ERROR_MESSAGES)[K]>]: TErrorParamValue };
/// The params argument: omitted for a sentence without parameters.
export type ErrorParamsArg<K extends TErrorKey> = [PlaceholdersOf<(typeof ERROR_MESSAGES)[K]>] extends [never] ? [params?: Record<string, never>] : [params: ErrorParams<K>];

export function isErrorKey(value: unknown): value is TErrorKey {
  return typeof value === "string" && Object.prototype.hasOwnProperty.call(ERROR_MESSAGES, value);
}

/// The English sentence of a key with its parameters filled in.
export function errorText(key: TErrorKey, params: Record<string, TErrorParamValue> = {}): string {
  return ERROR_MESSAGES[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
