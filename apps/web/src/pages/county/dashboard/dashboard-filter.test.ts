import { describe, expect, it } from "vitest";
import { apiFilter, dayCount, defaultFilter, isDay, quickRange, readCounty, readFilter, writeFilter } from "./dashboard-filter.ts";

const TODAY = "2026-11-23";
const CARRIER = "0b8e2a52-6c1f-4d8e-9d7a-1f2e3d4c5b6a";

describe("dashboard filter", () => {
  it("defaults to the last 30 days including today", () => {
    const f = defaultFilter(TODAY);
    expect(f).toEqual({ from: "2026-10-25", to: TODAY, days: 30, townshipCode: null, carrierId: null, direction: null });
    expect(dayCount(f.from, f.to)).toBe(30);
    expect(readFilter(new URLSearchParams(), TODAY)).toEqual(f);
    expect(writeFilter(f).toString()).toBe("");
  });

  it("quick ranges count back from today", () => {
    expect(quickRange(TODAY, 90)).toEqual({ from: "2026-08-26", to: TODAY });
    const f = readFilter(new URLSearchParams("days=365"), TODAY);
    expect(f.days).toBe(365);
    expect(dayCount(f.from, f.to)).toBe(365);
    expect(writeFilter(f).toString()).toBe("days=365");
  });

  it("round-trips a fixed range and every filter through the URL, keeping other keys", () => {
    const f = {
      from: "2026-01-01",
      to: "2026-01-31",
      days: null,
      townshipCode: "210881102000",
      carrierId: CARRIER,
      direction: "UP" as const,
    };
    const params = writeFilter(f, new URLSearchParams("county=210881&days=90"));
    expect(params.get("county")).toBe("210881");
    expect(params.has("days")).toBe(false);
    expect(readFilter(params, TODAY)).toEqual(f);
    expect(apiFilter("210881", f)).toEqual({
      countyCode: "210881",
      from: "2026-01-01",
      to: "2026-01-31",
      townshipCode: "210881102000",
      carrierId: CARRIER,
      direction: "UP",
    });
    expect(apiFilter("210881", defaultFilter(TODAY))).toEqual({ countyCode: "210881", from: "2026-10-25", to: TODAY });
  });

  it("ignores malformed values, swaps a reversed range and cuts one longer than a year", () => {
    const bad = readFilter(new URLSearchParams("days=7&from=2026-02-30&to=x&township=210881102&carrier=1&direction=SIDEWAYS"), TODAY);
    expect(bad).toEqual(defaultFilter(TODAY));
    const reversed = readFilter(new URLSearchParams("from=2026-03-10&to=2026-03-01"), TODAY);
    expect([reversed.from, reversed.to]).toEqual(["2026-03-01", "2026-03-10"]);
    const long = readFilter(new URLSearchParams("from=2020-01-01&to=2026-11-23"), TODAY);
    expect(dayCount(long.from, long.to)).toBe(366);
    expect(long.to).toBe(TODAY);
  });

  it("checks days and county codes", () => {
    expect(isDay("2024-02-29")).toBe(true);
    expect(isDay("2026-02-29")).toBe(false);
    expect(isDay("2026-1-01")).toBe(false);
    expect(readCounty(new URLSearchParams("county=210881"))).toBe("210881");
    expect(readCounty(new URLSearchParams("county=21088"))).toBeNull();
    expect(readCounty(new URLSearchParams())).toBeNull();
  });
});
