// Weekly time arithmetic: the Monday base in Shanghai, rounding up to minutes, clock parsing.
import { describe, expect, it } from "vitest";
import { dateFromMinutes, lowerBound, minutesCeil, parseClock, splitWeek, WEEK_BASE_MS } from "./week-time.ts";

describe("week time", () => {
  it("counts from Monday 00:00 in Shanghai, which is Sunday 16:00 UTC", () => {
    expect(new Date(WEEK_BASE_MS).toISOString()).toBe("1970-01-04T16:00:00.000Z");
    expect(splitWeek(minutesCeil(new Date("2024-06-03T00:00:00+08:00")))).toMatchObject({ minuteOfWeek: 0 });
    expect(splitWeek(minutesCeil(new Date("2024-06-09T23:59:00+08:00")))).toMatchObject({ minuteOfWeek: 10_079 });
    expect(splitWeek(minutesCeil(new Date("2024-06-05T08:30:00+08:00")))).toMatchObject({ minuteOfWeek: 2 * 1440 + 510 });
  });

  it("rounds ready times up to the minute and converts back", () => {
    const m = minutesCeil(new Date("2024-06-03T08:29:00.001+08:00"));
    expect(dateFromMinutes(m).toISOString()).toBe("2024-06-03T00:30:00.000Z");
    expect(minutesCeil(new Date("2024-06-03T08:30:00+08:00"))).toBe(m);
  });

  it("splits minutes before the base into negative weeks", () => {
    expect(splitWeek(-1)).toEqual({ week: -1, minuteOfWeek: 10_079 });
    expect(splitWeek(10_080)).toEqual({ week: 1, minuteOfWeek: 0 });
  });

  it("parses HH:MM and refuses what is not a time of day", () => {
    expect(parseClock("07:05")).toBe(425);
    expect(parseClock("7:05")).toBe(425);
    expect(parseClock("23:59")).toBe(1439);
    for (const bad of ["24:00", "12:60", "1200", "", "ab:cd"]) expect(parseClock(bad)).toBeNull();
  });

  it("finds the first element not below x", () => {
    const xs = Int32Array.from([1, 3, 3, 7]);
    expect([0, 1, 2, 3, 4, 8].map((x) => lowerBound(xs, 0, xs.length, x))).toEqual([0, 0, 1, 1, 3, 4]);
  });
});
