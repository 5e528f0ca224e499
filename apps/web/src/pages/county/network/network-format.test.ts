import { describe, expect, it } from "vitest";
import type { TTownship } from "../../../lib/network-api.ts";
import { dataUrlPayload } from "../../../lib/files.ts";
import { dayStartIso, filterTree, formatWeekdays, parseDecimal, parseWholeNumber, percent, townshipCoverage } from "./network-format.ts";

function village(code: string, name: string, extra: Partial<TTownship["villages"][number]> = {}): TTownship["villages"][number] {
  return { code, name, kind: "村委会", isPoor: false, lat: null, lng: null, synthetic: true, coveredBy: null, point: null, ...extra };
}

function township(code: string, name: string, villages: TTownship["villages"]): TTownship {
  return { code, name, kind: "镇", lat: null, lng: null, synthetic: true, station: null, villages };
}

const TREE = [
  township("210881101000", "高屯镇", [village("210881101201", "高屯村委会"), village("210881101202", "西河村委会")]),
  township("210881102000", "西城街道", [village("210881102001", "西关社区居委会")]),
  township("210881103000", "东城街道", []),
];

describe("network form parsing", () => {
  it("reads whole numbers and decimals", () => {
    expect(parseWholeNumber("")).toBeNull();
    expect(parseWholeNumber(" 42 ")).toBe(42);
    expect(parseWholeNumber("4.2")).toBe("invalid");
    expect(parseWholeNumber("-1")).toBe("invalid");
    expect(parseDecimal("2.5")).toBe(2.5);
    expect(parseDecimal("abc")).toBe("invalid");
  });

  it("turns a picked date into the start of that day in China", () => {
    expect(dayStartIso("2026-12-01")).toBe("2026-11-30T16:00:00.000Z");
    expect(dayStartIso("")).toBeUndefined();
  });

  it("formats rates and weekdays", () => {
    expect(percent(0.81234)).toBe("81.2%");
    expect(percent(1)).toBe("100.0%");
    const labels = ["一", "二", "三", "四", "五", "六", "日"];
    expect(formatWeekdays([5, 1, 3, 3], labels, "每天")).toBe("一三五");
    expect(formatWeekdays([1, 2, 3, 4, 5, 6, 7], labels, "每天")).toBe("每天");
  });

  it("strips the data: URL prefix", () => {
    expect(dataUrlPayload("data:text/csv;base64,YWJj")).toBe("YWJj");
  });
});

describe("filterTree", () => {
  it("keeps everything for an empty search", () => {
    expect(filterTree(TREE, " ").map((m) => m.township.name)).toEqual(["高屯镇", "西城街道", "东城街道"]);
  });

  it("keeps a matching township with all its villages", () => {
    const [m] = filterTree(TREE, "西城");
    expect(m?.township.name).toBe("西城街道");
    expect(m?.villages).toHaveLength(1);
    expect(m?.villageHit).toBe(false);
  });

  it("keeps townships whose villages match, with only those villages", () => {
    const matches = filterTree(TREE, "西");
    expect(matches.map((m) => m.township.name)).toEqual(["高屯镇", "西城街道"]);
    expect(matches[0]?.villages.map((v) => v.name)).toEqual(["西河村委会"]);
    expect(matches[0]?.villageHit).toBe(true);
  });

  it("matches a code prefix", () => {
    expect(filterTree(TREE, "210881102001").map((m) => m.township.name)).toEqual(["西城街道"]);
  });
});

describe("townshipCoverage", () => {
  it("counts covered and poor villages", () => {
    const vs = [
      village("1", "a", { coveredBy: "POINT", isPoor: true }),
      village("2", "b", { coveredBy: "MILK_RUN" }),
      village("3", "c", { isPoor: true }),
    ];
    expect(townshipCoverage(vs)).toEqual({ covered: 2, total: 3, poor: 2, poorCovered: 1 });
  });
});
