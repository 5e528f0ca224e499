// A rendered label's barcode decodes back to its waybill number (the PDF is rasterised by pdftoppm).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  BarcodeFormat,
  BinaryBitmap,
  DecodeHintType,
  HybridBinarizer,
  MultiFormatReader,
  QRCodeReader,
  RGBLuminanceSource,
} from "@zxing/library";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { makeWaybill } from "@xiangda/domain";
import { renderLabels, type LabelData } from "./render-labels.ts";

function decode(pngPath: string, formats: BarcodeFormat[]): string {
  const png = PNG.sync.read(readFileSync(pngPath));
  const lum = new Uint8ClampedArray(png.width * png.height);
  for (let i = 0; i < lum.length; i++) lum[i] = (png.data[i * 4]! * 299 + png.data[i * 4 + 1]! * 587 + png.data[i * 4 + 2]! * 114) / 1000;
  const bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(lum, png.width, png.height)));
  const hints = new Map<DecodeHintType, unknown>([
    [DecodeHintType.POSSIBLE_FORMATS, formats],
    [DecodeHintType.TRY_HARDER, true],
  ]);
  if (formats.includes(BarcodeFormat.QR_CODE)) return new QRCodeReader().decode(bitmap, hints).getText();
  const reader = new MultiFormatReader();
  reader.setHints(hints);
  return reader.decode(bitmap).getText();
}

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
      const dir = mkdtempSync(path.join(tmpdir(), "xd-label-"));
      try {
        writeFileSync(path.join(dir, "l.pdf"), pdf);
        execFileSync("pdftoppm", ["-r", "200", "-png", path.join(dir, "l.pdf"), path.join(dir, "p")]);
        const pages = readdirSync(dir)
          .filter((f) => f.endsWith(".png"))
          .sort();
        expect(pages).toHaveLength(2);
        expect(decode(path.join(dir, pages[0]!), [BarcodeFormat.CODE_128])).toBe(a);
        expect(decode(path.join(dir, pages[1]!), [BarcodeFormat.CODE_128])).toBe(b);
        expect(decode(path.join(dir, pages[0]!), [BarcodeFormat.QR_CODE])).toBe(`http://127.0.0.1:4310/track?waybill=${a}`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
