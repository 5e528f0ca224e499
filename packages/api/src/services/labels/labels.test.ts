// A rendered label's barcode decodes back to its waybill number (the PDF is rasterised by pdftoppm).
import { describe, expect, it } from "vitest";
import { makeWaybill } from "@xiangda/domain";
import { rasterise, readTexts } from "../../test-utils/barcodes.ts";
import { renderLabels, sortLine, type LabelData } from "./render-labels.ts";

const label = (waybillNo: string, temp: LabelData["temp"] = "AMBIENT"): LabelData => ({
  waybillNo,
  carrierName: "中通快递",
  carrierWaybillNo: "73100000000001",
  sort: { county: "210881", township: "GZ-102", village: "GZ-102200" },
  destinationName: "高屯村服务点",
  recipientName: "王**",
  recipientPhone: "138****5678",
  temp,
  weightG: 1500,
  selfPickup: false,
  trackingUrl: `http://127.0.0.1:4310/track?waybill=${waybillNo}`,
});

describe("labels", () => {
  for (const size of ["100x150", "76x130"] as const) {
    it(`renders ${size} labels whose Code128 and QR decode back`, async () => {
      const a = makeWaybill(100000123);
      const b = makeWaybill(100000124);
      const pdf = await renderLabels([label(a), label(b, "CHILLED")], size);
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      const pages = rasterise(pdf, { dpi: 200 });
      expect(pages).toHaveLength(2);
      expect(readTexts(pages[0]!, "CODE-128")).toEqual([a]);
      expect(readTexts(pages[1]!, "CODE-128")).toEqual([b]);
      expect(readTexts(pages[0]!, "QR-Code")).toEqual([`http://127.0.0.1:4310/track?waybill=${a}`]);
    });
  }

  it("a parcel leaving the county shows the hub's outbound gate and its city, not empty sort codes", () => {
    const up = {
      ...label(makeWaybill(100000125)),
      sort: { county: "210881", township: null, village: null, hub: "GZ-HUB", outbound: "沈阳市" },
    };
    expect(sortLine(up)).toBe("210881 / GZ-HUB / 出 沈阳市");
    expect(sortLine({ ...up, sort: { ...up.sort, outbound: null } })).toBe("210881 / GZ-HUB / 出 县外");
    expect(sortLine(label(makeWaybill(100000126)))).toBe("210881 / GZ-102 / GZ-102200");
    expect(sortLine({ sort: { county: "210881", township: "GZ-102", village: null }, selfPickup: true })).toBe("210881 / GZ-102 / 自提");
  });
});
