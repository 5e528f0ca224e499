// The API's error messages, English (namespace "errors"): the server's own sentences (ERROR_MESSAGES in the domain
// package, `{name}` as `{{name}}`), a few reworded; `generic` for a message without a key. Same keys as errors.zh.ts.
import { ERROR_MESSAGES, type TErrorKey } from "@xiangda/domain";

const fromServer = Object.fromEntries(
  Object.entries(ERROR_MESSAGES).map(([k, v]) => [k, v.replace(/\{(\w+)\}/g, "{{$1}}")]),
) as Record<TErrorKey, string>;

export const errorsEn = {
  ...fromServer,
  ALREADY_EXISTS_FIELDS: "A record like this already exists",
  NOT_A_TEMP: '"{{value}}" is not a temperature: ambient, chilled or frozen',
  FILE_NOT_CSV: "not a readable CSV file",
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
