import { ROLLED_REASON_LABELS, ROLLED_REASONS } from "@xiangda/domain";
import { describe, expect, it } from "vitest";
import { loadsEn } from "../../../i18n/loads.en.ts";
import { loadsZh } from "../../../i18n/loads.zh.ts";
import { barWidth, figureLabel, figureValue, kg, loadRef, manifestHref, percent, scalableSvg, shanghaiDate } from "./load-format.ts";

describe("load format helpers", () => {
  it("formats weights and shares", () => {
    expect(kg(1250)).toBe("1.25");
    expect(kg(0)).toBe("0.00");
    expect(percent(0.416)).toBe(42);
    expect(percent(Number.NaN)).toBe(0);
    expect(barWidth(1.3)).toBe(100);
  });

  it("takes the date in Asia/Shanghai", () => {
    expect(shanghaiDate(new Date("2026-11-23T16:30:00Z"))).toBe("2026-11-24");
    expect(shanghaiDate(new Date("2026-11-23T15:59:00Z"))).toBe("2026-11-23");
  });

  it("labels known report keys and shows the rest as they are", () => {
    expect(figureLabel("fillWeight")).toBe("fillWeight");
    expect(figureLabel("baseline.km")).toBe("baseline_km");
    expect(figureLabel("kmSaved")).toBe("kmSaved");
    // Internal figures have no label and are not shown (issue #17: "solver.cost" on screen).
    expect(figureLabel("solver.cost")).toBeNull();
    expect(figureLabel("somethingNew")).toBeNull();
    expect(figureValue({ key: "fillWeight", value: 0.416 })).toBe("42%");
    expect(figureValue({ key: "plannedKm", value: 23.456 })).toBe("23.46");
    expect(figureValue({ key: "note", value: "ok" })).toBe("ok");
  });

  it("reads a load reference and builds the manifest URL", () => {
    expect(loadRef("ld00050000017")).toEqual({ code: "LD00050000017" });
    expect(loadRef("6f1c3a52-0000-4000-8000-000000000000")).toEqual({ id: "6f1c3a52-0000-4000-8000-000000000000" });
    expect(manifestHref("abc")).toBe("/loads/abc/manifest.pdf");
    expect(manifestHref("abc", "en")).toBe("/loads/abc/manifest.pdf?lang=en");
  });

  it("makes zxing's fixed-size SVG scalable", () => {
    const svg = '<svg width="308" height="100" version="1.1"><rect x="0" y="0" width="308" height="100"/></svg>';
    expect(scalableSvg(svg)).toBe(
      '<svg viewBox="0 0 308 100" preserveAspectRatio="none" version="1.1"><rect x="0" y="0" width="308" height="100"/></svg>',
    );
    expect(scalableSvg('<svg viewBox="0 0 1 1"></svg>')).toBe('<svg viewBox="0 0 1 1"></svg>');
  });

  it("has words for every rolled reason the server stores, in both languages", () => {
    for (const code of ROLLED_REASONS) {
      expect(loadsZh.rolledReasons[code], code).toMatch(/\{\{node\}\}/);
      expect(loadsEn.rolledReasons[code], code).toMatch(/\{\{node\}\}/);
      // The same sentence as the manifest PDF's (one placeholder syntax each).
      expect(loadsZh.rolledReasons[code].replaceAll("{{", "{").replaceAll("}}", "}"), code).toBe(ROLLED_REASON_LABELS[code].zh);
      expect(loadsEn.rolledReasons[code].replaceAll("{{", "{").replaceAll("}}", "}"), code).toBe(ROLLED_REASON_LABELS[code].en);
    }
  });
});
