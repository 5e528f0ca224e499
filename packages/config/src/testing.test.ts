import { describe, expect, it } from "vitest";
import { measuredSlowdown, testSlowdown, waitFor } from "./testing.ts";

describe("test time limits", () => {
  it("grow with the load per core above 1, up to 8", () => {
    expect(measuredSlowdown(0.3)).toBe(1);
    expect(measuredSlowdown(1)).toBe(1);
    expect(measuredSlowdown(6)).toBe(6); // load 12 on 2 cores
    expect(measuredSlowdown(40)).toBe(8);
    expect(measuredSlowdown(Number.NaN)).toBe(1);
  });

  it("take XD_TEST_SLOWDOWN when it is a factor of at least 1", () => {
    expect(testSlowdown({ XD_TEST_SLOWDOWN: "3.5" })).toBe(3.5);
    expect(testSlowdown({ XD_TEST_SLOWDOWN: "0.5" })).toBe(1);
    expect(testSlowdown({ XD_TEST_SLOWDOWN: "fast" })).toBe(1);
    expect(testSlowdown({})).toBe(1);
    expect(testSlowdown({ XD_TEST_SLOWDOWN: "100" })).toBe(8);
  });
});

describe("waitFor", () => {
  it("returns the first truthy value, and names what it waited for when time runs out", async () => {
    let n = 0;
    expect(await waitFor(() => (++n >= 3 ? { n } : null), { everyMs: 1 })).toEqual({ n: 3 });
    await expect(waitFor(() => false, { timeoutMs: 20, everyMs: 5, what: "the moon" })).rejects.toThrow(/the moon/);
  });
});
