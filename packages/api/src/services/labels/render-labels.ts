// E-waybill labels as PDF (76×130 mm or 100×150 mm): Code128 waybill barcode, QR code with the
// tracking link, sort codes, masked recipient, temperature mark. One label per page.
import { existsSync, readFileSync } from "node:fs";
import bwipjs from "bwip-js";
import PDFDocument from "pdfkit";

export const LABEL_SIZES = { "76x130": [76, 130], "100x150": [100, 150] } as const;
export type TLabelSize = keyof typeof LABEL_SIZES;

export interface LabelData {
  waybillNo: string;
  carrierName: string | null;
  carrierWaybillNo: string | null;
  /// Sort codes: county / township station / village point (or self-pickup station).
  /// `hub` and `outbound` only for a parcel leaving the county through the hub's outbound gate.
  sort: { county: string; township: string | null; village: string | null; hub?: string | null; outbound?: string | null };
  destinationName: string | null;
  recipientName: string;
  recipientPhone: string;
  temp: "AMBIENT" | "CHILLED" | "FROZEN";
  weightG: number;
  selfPickup: boolean;
  trackingUrl: string;
}

const MM = 72 / 25.4;
const FONT_CANDIDATES = [
  process.env.XD_LABEL_FONT,
  "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
  "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
  "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
].filter((f): f is string => !!f);

/// A CJK font from the system (fonts-wqy-microhei on Debian); Latin-only labels without one. The file (several MB) is
/// read once per process, not for every document.
let fontCache: { path: string; data: Buffer; family?: string } | null | undefined;
export function cjkFont(): { path: string; data: Buffer; family?: string } | null {
  if (fontCache !== undefined) return fontCache;
  const found = FONT_CANDIDATES.find((f) => existsSync(f));
  if (!found) return (fontCache = null);
  const data = readFileSync(found);
  fontCache = found.endsWith(".ttc")
    ? {
        path: found,
        data,
        family: found.includes("wqy-microhei")
          ? "WenQuanYiMicroHei"
          : found.includes("zenhei")
            ? "WenQuanYiZenHei"
            : "NotoSansCJKsc-Regular",
      }
    : { path: found, data };
  return fontCache;
}

const TEMP_MARK: Record<LabelData["temp"], string> = { AMBIENT: "常温", CHILLED: "冷藏 CHILLED", FROZEN: "冷冻 FROZEN" };

export async function barcodePng(text: string): Promise<Buffer> {
  return bwipjs.toBuffer({
    bcid: "code128",
    text,
    scale: 3,
    height: 14,
    includetext: true,
    textxalign: "center",
    backgroundcolor: "FFFFFF",
    paddingwidth: 10,
    paddingheight: 6,
  });
}

export async function qrPng(text: string): Promise<Buffer> {
  return bwipjs.toBuffer({ bcid: "qrcode", text, scale: 4, backgroundcolor: "FFFFFF", paddingwidth: 4, paddingheight: 4 });
}

export async function renderLabels(labels: LabelData[], size: TLabelSize = "100x150"): Promise<Buffer> {
  const [w, h] = LABEL_SIZES[size];
  const W = w * MM;
  const H = h * MM;
  const doc = new PDFDocument({
    size: [W, H],
    margin: 0,
    autoFirstPage: false,
    info: { Title: "Xiangda e-waybill labels", Producer: "Xiangda" },
  });
  const font = cjkFont();
  if (font) doc.registerFont("cjk", font.data, font.family);
  const f = font ? "cjk" : "Helvetica";
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  const pad = 3 * MM;
  const inner = W - 2 * pad;
  for (const l of labels) {
    doc.addPage({ size: [W, H], margin: 0 });
    let y = pad;
    doc
      .font(f)
      .fontSize(size === "76x130" ? 9 : 11)
      .text(`乡达 Xiangda  ${l.carrierName ?? ""}`, pad, y, { width: inner });
    y += 5 * MM;
    // Sort codes, large: county / township / village.
    doc
      .rect(pad, y, inner, 14 * MM)
      .lineWidth(1.2)
      .stroke();
    doc.fontSize(size === "76x130" ? 14 : 18).text(sortLine(l), pad + 2, y + 3 * MM, {
      width: inner - 4,
      align: "center",
    });
    y += 16 * MM;
    const bc = await barcodePng(l.waybillNo);
    doc.image(bc, pad, y, { fit: [inner, 26 * MM], align: "center" });
    y += 28 * MM;
    doc.fontSize(size === "76x130" ? 9 : 10).text(`收件 ${l.recipientName}  ${l.recipientPhone}`, pad, y, { width: inner });
    y += 5 * MM;
    doc.text(`目的 ${l.destinationName ?? "-"}${l.selfPickup ? " (自提)" : ""}`, pad, y, { width: inner });
    y += 5 * MM;
    doc.text(`重量 ${(l.weightG / 1000).toFixed(2)} kg${l.carrierWaybillNo ? `   ${l.carrierWaybillNo}` : ""}`, pad, y, { width: inner });
    y += 7 * MM;
    // Temperature class: inverted box so a cold parcel is seen from across the room.
    const cold = l.temp !== "AMBIENT";
    const boxW = inner * 0.45;
    doc.rect(pad, y, boxW, 10 * MM).fillAndStroke(cold ? "#000000" : "#FFFFFF", "#000000");
    doc
      .fillColor(cold ? "#FFFFFF" : "#000000")
      .fontSize(11)
      .text(TEMP_MARK[l.temp], pad, y + 3 * MM, { width: boxW, align: "center" });
    doc.fillColor("#000000");
    const qr = await qrPng(l.trackingUrl);
    const qrSize = Math.min(inner * 0.45, H - y - pad);
    doc.image(qr, W - pad - qrSize, y, { width: qrSize, height: qrSize });
  }
  doc.end();
  return done;
}

/// The big sort line: county / township / village (自提 at a self-pickup station); a parcel leaving the county shows
/// the hub's outbound gate and where it goes (210881 / GZ-HUB / 出 沈阳市), never "210881 / - / -".
export function sortLine(l: Pick<LabelData, "sort" | "selfPickup">): string {
  const s = l.sort;
  if (s.hub && !s.township) return [s.county, s.hub, `出 ${s.outbound ?? "县外"}`].join(" / ");
  return [s.county, s.township ?? "-", s.village ?? (l.selfPickup ? "自提" : "-")].join(" / ");
}
