// The manifest PDF's key figures (issue #17, defect 7): labelled in the request's language, Chinese by default;
// internal figures such as the solver's cost never printed by their key.
import { describe, expect, it } from "vitest";
import { reportFigures } from "./load-views.ts";
import { figureLine } from "./render-manifest.ts";

const report = { mode: "MILK_RUN", vehicles: 2, fillWeight: 0.41, kmSaved: 12.345, tripsSaved: 3, baseline: { km: 40, trips: 5 }, solver: { cost: 123, iterations: 900 }, demo: true, rolledReasons: ["no vehicle free at X"] };

describe("figureLine", () => {
  it("labels the figures people read in Chinese, and leaves internal keys out", () => {
    const zh = figureLine(reportFigures(report), "zh");
    expect(zh).toBe("车辆数: 2  ·  载重率: 41%  ·  节省里程 (km): 12.35  ·  节省车次: 3  ·  分送基准里程 (km): 40  ·  分送基准车次: 5");
    expect(zh).not.toMatch(/solver|cost|kmSaved|tripsSaved|demo|rolledReasons|no vehicle/);
  });

  it("in English when asked", () => {
    expect(figureLine(reportFigures(report), "en")).toContain("Distance saved (km): 12.35");
  });
});
