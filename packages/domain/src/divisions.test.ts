import { describe, expect, it } from "vitest";
import { diffDivisions, shortAreaName, syntheticPosition, townshipKind, villageKind, type DivisionUnit } from "./divisions.ts";

const unit = (code: string, name: string): DivisionUnit => ({ code, name, level: "VILLAGE", kind: villageKind(name), parentCode: null });

describe("division kinds", () => {
  it("reads the township type from its name", () => {
    expect(townshipKind("鼓楼街道")).toBe("街道");
    expect(townshipKind("熊岳镇")).toBe("镇");
    expect(townshipKind("矿洞沟乡")).toBe("乡");
    expect(townshipKind("某某农场")).toBe("其他");
  });
  it("reads the village-level unit type from its name", () => {
    expect(villageKind("西关社区居委会")).toBe("居委会");
    expect(villageKind("榜式堡村委会")).toBe("村委会");
    expect(villageKind("长征社区")).toBe("居委会");
    expect(villageKind("某某村")).toBe("村委会");
    expect(villageKind("某某农场生活区")).toBe("其他");
  });
  it("gives the everyday short name", () => {
    expect(shortAreaName("西关社区居委会")).toBe("西关社区");
    expect(shortAreaName("榜式堡村委会")).toBe("榜式堡村");
    expect(shortAreaName("东村村委会")).toBe("东村");
  });
});

describe("diffDivisions", () => {
  it("reports added, renamed, removed, restored and unchanged units", () => {
    const existing = [
      { code: "1", name: "甲村委会", kind: "村委会", removed: false },
      { code: "2", name: "乙村委会", kind: "村委会", removed: false },
      { code: "3", name: "丙村委会", kind: "村委会", removed: false },
      { code: "4", name: "丁村委会", kind: "村委会", removed: true },
    ];
    const d = diffDivisions(existing, [unit("1", "甲村委会"), unit("2", "新乙村委会"), unit("4", "丁村委会"), unit("5", "戊村委会")]);
    expect(d.unchanged).toBe(1);
    expect(d.renamed).toEqual([{ code: "2", from: "乙村委会", to: "新乙村委会" }]);
    expect(d.removed).toEqual([{ code: "3", name: "丙村委会" }]);
    expect(d.restored.map((u) => u.code)).toEqual(["4"]);
    expect(d.added.map((u) => u.code)).toEqual(["5"]);
  });
  it("is empty for an identical re-import", () => {
    const incoming = [unit("1", "甲村委会")];
    const d = diffDivisions([{ code: "1", name: "甲村委会", kind: "村委会", removed: false }], incoming);
    expect(d).toEqual({ added: [], renamed: [], removed: [], restored: [], unchanged: 1 });
  });
});

describe("syntheticPosition", () => {
  it("is deterministic and within the ring around the centre", () => {
    const c: [number, number] = [122.35, 40.4];
    const a = syntheticPosition("210881101201", c);
    expect(syntheticPosition("210881101201", c)).toEqual(a);
    expect(syntheticPosition("210881101202", c)).not.toEqual(a);
    const dx = (a[0] - c[0]) * 111.32 * Math.cos((c[1] * Math.PI) / 180);
    const dy = (a[1] - c[1]) * 111.32;
    const km = Math.hypot(dx, dy);
    expect(km).toBeGreaterThanOrEqual(1.49);
    expect(km).toBeLessThanOrEqual(6.01);
  });
});
