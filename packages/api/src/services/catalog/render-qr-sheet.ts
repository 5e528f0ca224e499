// Traceability label sheets: A4 pages of 3 × 8 labels (70 × 36 mm), each with the batch's QR code
// (drawn as vector squares, sharp at any printer resolution), product, batch, date and trace code.
import bwipjs from "bwip-js";
import PDFDocument from "pdfkit";
import { formatTraceCode } from "@xiangda/domain";
import { cjkFont } from "../labels/render-labels.ts";

const MM = 72 / 25.4;
/// Sheet geometry in millimetres, exported for tests that cut one label out of a page.
export const QR_SHEET = {
  pageW: 210,
  pageH: 297,
  cols: 3,
  rows: 8,
  labelW: 70,
  labelH: 36,
  top: 4.5,
  left: 0,
  pad: 4,
  qr: 28,
} as const;
export const LABELS_PER_PAGE = QR_SHEET.cols * QR_SHEET.rows;
export const MAX_QR_LABELS = 200;

export interface QrLabel {
  url: string;
  productName: string;
  productSpec: string | null;
  merchantName: string;
  batchNo: string;
  producedOn: string;
  traceCode: string;
}

/// The QR modules of `text`: a square of booleans, row by row.
function qrMatrix(text: string): { size: number; dark: (x: number, y: number) => boolean } {
  const [sym] = bwipjs.raw("qrcode", text, "eclevel=M") as Array<{ pixs: number[]; pixx: number; pixy: number }>;
  if (!sym) throw new Error("QR encoding failed");
  return { size: sym.pixx, dark: (x, y) => sym.pixs[y * sym.pixx + x] === 1 };
}

/// The label's top-left corner (mm) of label `i` on its page.
export function labelOrigin(i: number): { x: number; y: number } {
  const slot = i % LABELS_PER_PAGE;
  return {
    x: QR_SHEET.left + (slot % QR_SHEET.cols) * QR_SHEET.labelW,
    y: QR_SHEET.top + Math.floor(slot / QR_SHEET.cols) * QR_SHEET.labelH,
  };
}

export async function renderQrSheet(label: QrLabel, count: number): Promise<Buffer> {
  if (!Number.isInteger(count) || count < 1 || count > MAX_QR_LABELS) throw new RangeError(`count must be 1 to ${MAX_QR_LABELS}`);
  const doc = new PDFDocument({
    size: "A4",
    margin: 0,
    autoFirstPage: false,
    info: { Title: `Trace labels ${label.batchNo}`, Producer: "Xiangda" },
  });
  const font = cjkFont();
  if (font) doc.registerFont("cjk", font.data, font.family);
  const f = font ? "cjk" : "Helvetica";
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));

  // Every label of a batch carries the same code: encode once, draw many times.
  const qr = qrMatrix(label.url);
  const module = (QR_SHEET.qr * MM) / qr.size;
  const code = formatTraceCode(label.traceCode);
  const title = label.productSpec ? `${label.productName} ${label.productSpec}` : label.productName;

  for (let i = 0; i < count; i++) {
    if (i % LABELS_PER_PAGE === 0) doc.addPage({ size: "A4", margin: 0 });
    const o = labelOrigin(i);
    const x0 = (o.x + QR_SHEET.pad) * MM;
    const y0 = (o.y + (QR_SHEET.labelH - QR_SHEET.qr) / 2) * MM;
    // Faint cut guide for plain paper; label stock has its own die cuts.
    doc
      .save()
      .lineWidth(0.3)
      .dash(2, { space: 2 })
      .strokeColor("#bbbbbb")
      .rect(o.x * MM, o.y * MM, QR_SHEET.labelW * MM, QR_SHEET.labelH * MM)
      .stroke()
      .restore();
    // Runs of dark modules per row as one rectangle each: fewer paths, no seams between squares.
    for (let y = 0; y < qr.size; y++) {
      for (let x = 0; x < qr.size;) {
        if (!qr.dark(x, y)) {
          x++;
          continue;
        }
        let end = x;
        while (end < qr.size && qr.dark(end, y)) end++;
        doc.rect(x0 + x * module, y0 + y * module, (end - x) * module, module);
        x = end;
      }
    }
    doc.fillColor("#000000").fill();

    // Four modules of quiet zone on every side of the QR code, the text included.
    const tx = x0 + (QR_SHEET.qr + 4) * MM;
    const tw = (o.x + QR_SHEET.labelW - QR_SHEET.pad) * MM - tx;
    let ty = (o.y + QR_SHEET.pad) * MM;
    doc.font(f).fontSize(9).fillColor("#000000").text(title, tx, ty, { width: tw, height: 22, ellipsis: true });
    ty += 23;
    doc.fontSize(7).text(label.merchantName, tx, ty, { width: tw, height: 9, ellipsis: true, lineBreak: false });
    ty += 10;
    doc.text(`批次 ${label.batchNo}`, tx, ty, { width: tw, height: 9, ellipsis: true, lineBreak: false });
    ty += 9;
    doc.text(`日期 ${label.producedOn}`, tx, ty, { width: tw, height: 9, lineBreak: false });
    ty += 10;
    doc.fontSize(6).text("追溯码 扫码查产地", tx, ty, { width: tw, height: 8, lineBreak: false });
    ty += 8;
    // The code in two lines of four-character groups, for reading it out or typing it.
    doc.font("Courier-Bold").fontSize(8).text(code.slice(0, 9), tx, ty, { width: tw, lineBreak: false });
    doc.text(code.slice(10), tx, ty + 9, { width: tw, lineBreak: false });
  }
  doc.end();
  return done;
}
