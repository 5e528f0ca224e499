import { describe, expect, it } from "vitest";
import { dashboardEn } from "../../../i18n/dashboard.en.ts";
import { dashboardZh } from "../../../i18n/dashboard.zh.ts";
import {
  fenToYuan,
  fillDays,
  formatCount,
  formatRate,
  formatYuan,
  legKindLabel,
  legKindOrder,
  legKindTiers,
  ratio,
  shortDay,
  sortRedGroups,
} from "./dashboard-format.ts";

describe("dashboard formatters", () => {
  it("formats rates, counts and money", () => {
    expect(formatRate(0.8734)).toBe("87.3%");
    expect(formatRate(1)).toBe("100.0%");
    expect(formatRate(0.5, 0)).toBe("50%");
    expect(formatRate(null)).toBe("—");
    expect(formatRate(Number.NaN)).toBe("—");
    expect(formatCount(1234567)).toBe("1,234,567");
    expect(formatCount(12.345, 1)).toBe("12.3");
    expect(formatCount(undefined)).toBe("—");
    expect(formatYuan(123456)).toBe("¥1,234.56");
    expect(formatYuan(5)).toBe("¥0.05");
    expect(formatYuan(null)).toBe("—");
    expect(fenToYuan(123456)).toBe(1234.56);
    expect(ratio(3, 4)).toBe(0.75);
    expect(ratio(3, 0)).toBeNull();
    expect(shortDay("2026-11-23")).toBe("11-23");
  });

  it("names leg kinds by their tiers in both languages", () => {
    const zh = (tier: keyof typeof dashboardZh.tiersShort) => dashboardZh.tiersShort[tier];
    const en = (tier: keyof typeof dashboardEn.tiersShort) => dashboardEn.tiersShort[tier];
    expect(legKindTiers("COUNTY_HUB>TOWNSHIP_STATION")).toEqual(["COUNTY_HUB", "TOWNSHIP_STATION"]);
    expect(legKindTiers("COUNTY_HUB>MOON")).toBeNull();
    expect(legKindLabel("COUNTY_HUB>TOWNSHIP_STATION", zh, dashboardZh.legKinds.joiner)).toBe("县→乡");
    expect(legKindLabel("VILLAGE_POINT>TOWNSHIP_STATION", zh, dashboardZh.legKinds.joiner)).toBe("村→乡");
    expect(legKindLabel("COUNTY_HUB>TOWNSHIP_STATION", en, dashboardEn.legKinds.joiner)).toBe("County hub → township station");
    expect(legKindLabel("TOWNSHIP_STATION>VILLAGE_POINT", en, dashboardEn.legKinds.joiner)).toBe("Township station → village point");
    expect(legKindLabel("SOMETHING", zh, "→")).toBe("SOMETHING");
  });

  it("orders leg kinds down the network first, then up, unknown last", () => {
    const kinds = [
      "X",
      "VILLAGE_POINT>TOWNSHIP_STATION",
      "TOWNSHIP_STATION>COUNTY_HUB",
      "TOWNSHIP_STATION>VILLAGE_POINT",
      "COUNTY_HUB>TOWNSHIP_STATION",
    ];
    expect([...kinds].sort((a, b) => legKindOrder(a) - legKindOrder(b))).toEqual([
      "COUNTY_HUB>TOWNSHIP_STATION",
      "TOWNSHIP_STATION>VILLAGE_POINT",
      "VILLAGE_POINT>TOWNSHIP_STATION",
      "TOWNSHIP_STATION>COUNTY_HUB",
      "X",
    ]);
  });

  it("fills the days a series has no row for", () => {
    const rows = [{ day: "2026-11-22", n: 3 }];
    expect(fillDays(rows, "2026-11-21", "2026-11-23", (day) => ({ day, n: 0 }))).toEqual([
      { day: "2026-11-21", n: 0 },
      { day: "2026-11-22", n: 3 },
      { day: "2026-11-23", n: 0 },
    ]);
  });

  it("puts parcels without a promise, then the oldest RED promises first, in each group too", () => {
    const groups = [
      {
        nodeName: "B",
        oldestPromisedAt: "2026-11-22T02:00:00Z",
        parcels: [{ promisedAt: "2026-11-22T05:00:00Z" }, { promisedAt: "2026-11-22T02:00:00Z" }],
      },
      { nodeName: "C", oldestPromisedAt: null, parcels: [{ promisedAt: null }] },
      { nodeName: "A", oldestPromisedAt: "2026-11-21T02:00:00Z", parcels: [{ promisedAt: "2026-11-21T02:00:00Z" }] },
    ];
    const sorted = sortRedGroups(groups);
    expect(sorted.map((g) => g.nodeName)).toEqual(["C", "A", "B"]);
    expect(sorted[2]?.parcels.map((p) => p.promisedAt)).toEqual(["2026-11-22T02:00:00Z", "2026-11-22T05:00:00Z"]);
  });
});
