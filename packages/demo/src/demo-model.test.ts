// The demo's year and its random numbers, as pure functions: the curves have their peaks where docs/demo-data.md
// says, and the same seed gives the same numbers.
import { describe, expect, it } from "vitest";
import {
  addDays,
  dayStartMs,
  downShape,
  isoWeekday,
  isSnowDay,
  shanghaiDayOf,
  upProductWeights,
  upShape,
  UP_PRODUCTS,
} from "./calendar.ts";
import { Rng, WeightedPicker } from "./random.ts";

const mean = (from: string, days: number, f: (d: string) => number) =>
  Array.from({ length: days }, (_, i) => f(addDays(from, i))).reduce((a, b) => a + b, 0) / days;

describe("the demo's calendar", () => {
  it("days are Asia/Shanghai days", () => {
    expect(new Date(dayStartMs("2026-11-11")).toISOString()).toBe("2026-11-10T16:00:00.000Z");
    expect(shanghaiDayOf(Date.parse("2026-11-10T16:00:00Z"))).toBe("2026-11-11");
    expect(shanghaiDayOf(Date.parse("2026-11-10T15:59:59Z"))).toBe("2026-11-10");
    expect(isoWeekday("2026-11-23")).toBe(1);
    expect(isoWeekday("2026-11-22")).toBe(7);
  });

  it("brings goods down in shopping-festival waves and stops for the Spring Festival", () => {
    const ordinary = mean("2026-10-12", 14, downShape);
    expect(mean("2026-11-13", 5, downShape)).toBeGreaterThan(ordinary * 1.8); // 双11 parcels arrive
    expect(mean("2026-06-20", 4, downShape)).toBeGreaterThan(ordinary * 1.3); // 618
    expect(mean("2026-02-01", 10, downShape)).toBeGreaterThan(ordinary * 1.1); // 年货节 before 2026-02-17
    expect(mean("2026-02-15", 7, downShape)).toBeLessThan(ordinary * 0.5); // couriers' New Year break
    expect(downShape("2026-10-12")).toBeGreaterThan(downShape("2026-10-18")); // Monday over Sunday
  });

  it("sends fruit up in Gaizhou's harvests: cherries in June, apples in October", () => {
    const spring = mean("2026-04-01", 30, upShape);
    expect(mean("2026-09-20", 40, upShape)).toBeGreaterThan(spring * 2.5);
    const top = (day: string) => UP_PRODUCTS[upProductWeights(day).reduce((best, w, i, ws) => (w > ws[best]! ? i : best), 0)]!.name;
    expect(top("2026-06-08")).toBe("大樱桃");
    expect(top("2026-08-15")).toBe("桃");
    expect(top("2026-10-15")).toBe("苹果");
    expect(top("2026-04-15")).toBe("鸡蛋");
  });

  it("snows only in winter, the same days for the same seed", () => {
    const year = Array.from({ length: 365 }, (_, i) => addDays("2026-01-01", i));
    const snow = year.filter((d) => isSnowDay(d, 1));
    expect(snow.length).toBeGreaterThan(0);
    expect(snow.every((d) => ["12", "01", "02"].includes(d.slice(5, 7)))).toBe(true);
    expect(year.filter((d) => isSnowDay(d, 1))).toEqual(snow);
  });
});

describe("the demo's random numbers", () => {
  it("repeat for the same seed and differ for another", () => {
    const a = new Rng(1, "210881", "day", "2026-06-08");
    const b = new Rng(1, "210881", "day", "2026-06-08");
    const c = new Rng(2, "210881", "day", "2026-06-08");
    const xs = Array.from({ length: 5 }, () => a.u32());
    expect(Array.from({ length: 5 }, () => b.u32())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.u32())).not.toEqual(xs);
  });

  it("make version-7 UUIDs that sort by time", () => {
    const r = new Rng(1);
    const t = Date.parse("2026-06-08T01:02:03.004Z");
    const ids = [t, t + 1, t + 60_000].map((ms) => r.uuid7(ms));
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
    expect(parseInt(ids[0]!.replace(/-/g, "").slice(0, 12), 16)).toBe(t);
  });

  it("pick by weight and draw Poisson counts around their mean", () => {
    const r = new Rng(7);
    const p = new WeightedPicker([1, 0, 3]);
    const counts = [0, 0, 0];
    for (let i = 0; i < 40_000; i++) counts[p.pick(r)]!++;
    expect(counts[1]).toBe(0);
    expect(counts[2]! / counts[0]!).toBeGreaterThan(2.8);
    expect(counts[2]! / counts[0]!).toBeLessThan(3.2);
    const draws = Array.from({ length: 5000 }, () => r.poisson(6.5));
    expect(draws.reduce((a, b) => a + b, 0) / draws.length).toBeCloseTo(6.5, 0);
  });
});
