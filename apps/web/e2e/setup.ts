// Every browser test: no page it opened reported a Content-Security-Policy violation (the API's policy,
// apps/api/src/security-headers.ts, must let the app, the map and the camera scanner work).
import { afterEach, expect } from "vitest";
import { cspViolations } from "./harness.ts";

afterEach(() => {
  expect(cspViolations.splice(0), "CSP violations").toEqual([]);
});
