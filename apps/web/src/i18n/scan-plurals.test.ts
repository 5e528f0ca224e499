// Counts in the station screens' sentences follow i18next plurals (issue #17 defect 10): "1 announced parcel", "2 announced
// parcels"; Chinese has one form.
import { describe, expect, it } from "vitest";
import { i18n } from "./index.ts";

type TFixed = (key: string, options?: Record<string, unknown>) => string;
// "ns.key": each sentence in its own namespace (scan: the console, shipments: the manifest import, station: acceptance).
const say =
  (lang: string): TFixed =>
  (key, options) => {
    const dot = key.indexOf(".");
    return (i18n.getFixedT(lang, key.slice(0, dot)) as unknown as TFixed)(key.slice(dot + 1), options);
  };
const en = say("en");
const zh = say("zh-CN");

describe("scan console plurals", () => {
  it("English says one parcel and several parcels", () => {
    expect(en("scan.awaiting", { count: 1 })).toMatch(/^1 announced parcel \(.*\) waits /);
    expect(en("scan.awaiting", { count: 2 })).toMatch(/^2 announced parcels \(.*\) wait /);
    expect(en("scan.expected.missing", { count: 1 })).toBe("1 parcel still missing:");
    expect(en("scan.expected.missing", { count: 3 })).toBe("3 parcels still missing:");
    expect(en("scan.expected.extra", { count: 1 })).toContain("1 parcel is on");
  });

  it("the station's acceptance and manifest pages count the same way", () => {
    expect(en("shipments.manifest.import", { count: 1 })).toBe("Import 1 shipment");
    expect(en("shipments.manifest.import", { count: 4 })).toBe("Import 4 shipments");
    expect(en("shipments.manifest.routeFailuresNote", { count: 1 })).toMatch(/^1 shipment has no route and is red/);
    expect(en("station.accept.idFormat", { count: 1 })).toMatch(/this one has 1 character$/);
    expect(zh("shipments.manifest.import", { count: 1 })).toBe("确认导入 1 件");
  });

  it("Chinese has one form for every count", () => {
    expect(zh("scan.awaiting", { count: 1 })).toBe("有 1 件预约件（如商户补货）等待收寄验视。");
    expect(zh("scan.awaiting", { count: 5 })).toBe("有 5 件预约件（如商户补货）等待收寄验视。");
  });
});
