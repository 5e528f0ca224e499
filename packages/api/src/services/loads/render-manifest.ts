// A load's manifest as an A4 PDF: the load barcode (Code128), lane or milk run, departure, vehicles with fill
// rates; per vehicle the stops in visiting order with their parcels; parcels not on a vehicle, rolled parcels
// with reasons, and totals per carrier and overall. Chinese through the same system CJK font as the labels.
import PDFDocument from "pdfkit";
import { barcodePng, cjkFont } from "../labels/render-labels.ts";
import type { TLoadDetail, TLoadItemView, TStopGroup } from "./get-load.ts";
import { isRolledReason, isShownLoadFigure, LOAD_FIGURE_LABELS, ROLLED_REASON_LABELS } from "@xiangda/domain";
import { shanghaiDateTime, shanghaiTime, type TFigure } from "./load-views.ts";

export type TManifestLang = "zh" | "en";

/// "载重率: 41%": the figures people read, labelled in the manifest's language (internal ones such as solver.cost
/// left out); shares (fill, rate, ratio keys, 0–1.5) as percentages.
export function figureLine(figures: readonly TFigure[], lang: TManifestLang): string {
  return figures
    .filter((f) => isShownLoadFigure(f.key))
    .map((f) => {
      const label = LOAD_FIGURE_LABELS[f.key as keyof typeof LOAD_FIGURE_LABELS][lang];
      const v = f.value;
      if (typeof v === "number" && /fill|rate|share|ratio/i.test(f.key) && v >= 0 && v <= 1.5) return `${label}: ${Math.round(v * 100)}%`;
      if (typeof v === "number" && !Number.isInteger(v)) return `${label}: ${Number(v.toFixed(2))}`;
      return `${label}: ${String(v)}`;
    })
    .join("  ·  ");
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 36;
const TEMP: Record<TLoadItemView["temp"], string> = { AMBIENT: "常温", CHILLED: "冷藏", FROZEN: "冷冻" };
const TEMP_EN: Record<TLoadItemView["temp"], string> = { AMBIENT: "ambient", CHILLED: "chilled", FROZEN: "frozen" };

/// Why a parcel rolled, in the manifest's language, from its code; rows from before the codes hold an English
/// sentence and get the general reason.
export function rolledReasonText(code: string | null, node: string, temp: TLoadItemView["temp"], lang: TManifestLang): string {
  if (!code) return "—";
  if (!isRolledReason(code)) return lang === "zh" ? "未能随本班装车" : "Could not ride this departure";
  const tempName = lang === "zh" ? TEMP[temp] : TEMP_EN[temp];
  return ROLLED_REASON_LABELS[code][lang].replace("{node}", node).replace("{temp}", tempName);
}

const STATUS: Record<TLoadDetail["status"], string> = {
  OPEN: "集货中 OPEN",
  SEALED: "已封车 SEALED",
  PLANNED: "已排线 PLANNED",
  DEPARTED: "已发车 DEPARTED",
  ARRIVED: "已到达 ARRIVED",
};

const kg = (g: number) => (g / 1000).toFixed(2);
const pct = (x: number) => `${Math.round(x * 100)}%`;

interface Cell {
  text: string;
  width: number;
  align?: "left" | "right" | "center";
}

/// Writes down an A4 page from the top, starting a new page when the next block would not fit.
class Sheet {
  readonly W = A4[0] - 2 * MARGIN;
  private readonly bottom = A4[1] - MARGIN - 14;
  y = MARGIN;

  constructor(readonly doc: PDFKit.PDFDocument) {}

  ensure(h: number) {
    if (this.y + h > this.bottom) {
      this.doc.addPage();
      this.y = MARGIN;
    }
  }

  line(text: string, size = 10, gap = 3) {
    this.ensure(size + gap + 2);
    this.doc
      .fontSize(size)
      .fillColor("#000000")
      .text(text, MARGIN, this.y, { width: this.W, height: size * 1.25, ellipsis: true });
    this.y += size + gap + 2;
  }

  heading(text: string, size = 12) {
    this.ensure(size + 24);
    this.y += 6;
    this.doc
      .fontSize(size)
      .fillColor("#000000")
      .text(text, MARGIN, this.y, { width: this.W, height: size * 1.25, ellipsis: true });
    this.y += size + 4;
    this.doc
      .moveTo(MARGIN, this.y)
      .lineTo(MARGIN + this.W, this.y)
      .lineWidth(0.8)
      .strokeColor("#000000")
      .stroke();
    this.y += 4;
  }

  row(cells: Cell[], opts: { size?: number; shade?: string } = {}) {
    const size = opts.size ?? 8.5;
    const h = size + 6;
    this.ensure(h);
    if (opts.shade) this.doc.rect(MARGIN, this.y - 1, this.W, h).fill(opts.shade);
    this.doc.fillColor("#000000").fontSize(size);
    let x = MARGIN;
    for (const c of cells) {
      // One line per cell: longer text is cut with an ellipsis rather than pushing the row down.
      this.doc.text(c.text, x + 2, this.y + 2, { width: c.width - 4, height: size * 1.25, align: c.align ?? "left", ellipsis: true });
      x += c.width;
    }
    this.y += h;
  }
}

/// Title, load barcode, lane or milk run, departure and status.
async function writeHeader(s: Sheet, d: TLoadDetail) {
  const { doc, W } = s;
  const barcode = await barcodePng(d.code);
  doc.image(barcode, MARGIN + W - 210, s.y, { fit: [210, 62], align: "right" });
  doc.fontSize(16).text("乡达 装车清单 Load manifest", MARGIN, s.y, { width: W - 220 });
  s.y += 24;
  const route = `${d.from ? `${d.from.name} (${d.from.code})` : "—"}${d.to ? ` → ${d.to.name} (${d.to.code})` : ""}`;
  const headerLine = (text: string) => {
    doc.fontSize(10).text(text, MARGIN, s.y, { width: W - 220, height: 12.5, ellipsis: true });
    s.y += 15;
  };
  headerLine(
    d.milkRun ? `支线循环 Milk run · ${route}` : `线路 Lane ${d.lane?.code ?? "—"}${d.lane ? ` (${d.lane.mode})` : ""} · ${route}`,
  );
  headerLine(`发车 Departure ${shanghaiDateTime(d.departAt)} · 截单 Cut-off ${shanghaiTime(d.cutoffAt)} (UTC+8)`);
  headerLine(`状态 Status ${STATUS[d.status]} · 装车单 Load ${d.code}`);
  s.y = Math.max(s.y, MARGIN + 70);
}

/// The vehicles and their fill rates, then the load's figures.
function writeVehicles(s: Sheet, d: TLoadDetail, lang: TManifestLang) {
  s.heading(`车辆 Vehicles (${d.vehicles.length})`);
  const vCols = [28, 70, 80, 110, 44, 54, 44, 44, 49];
  const vc = (texts: string[], align: Cell["align"][] = []) =>
    texts.map((text, i) => ({ text, width: vCols[i]!, align: align[i] ?? "left" }));
  const numeric: Cell["align"][] = ["left", "left", "left", "left", "right", "right", "right", "right", "right"];
  if (d.vehicles.length) {
    s.row(vc(["#", "编号 No.", "车牌 Plate", "承运 Carrier", "件 Pcs", "kg", "载重 Wt", "容积 Vol", "km/min"], numeric), {
      shade: "#E8E8E8",
    });
    for (const v of d.vehicles) {
      const km = v.plannedMeters != null ? (v.plannedMeters / 1000).toFixed(1) : "—";
      s.row(
        vc(
          [
            String(v.seq),
            v.number ?? "—",
            v.plate ?? "—",
            v.carrier ?? "共享 shared",
            String(v.parcels),
            kg(v.weightG),
            pct(v.fillWeight),
            pct(v.fillVolume),
            `${km}/${v.plannedMinutes ?? "—"}`,
          ],
          numeric,
        ),
      );
    }
  } else s.line("尚未封车，未分配车辆 Not sealed: no vehicles yet", 9);
  const figures = figureLine(d.figures, lang);
  if (figures) {
    s.y += 2;
    s.line(figures, 8);
  }
}

const P_COLS = [30, 118, 110, 54, 50, 92, 79];

function parcelRow(s: Sheet, it: TLoadItemView) {
  s.row([
    { text: it.pickup ? "揽" : "卸", width: P_COLS[0]! },
    { text: it.waybillNo ?? "—", width: P_COLS[1]! },
    { text: it.carrier?.name ?? "平台 XD", width: P_COLS[2]! },
    { text: kg(it.weightG), width: P_COLS[3]!, align: "right" },
    { text: TEMP[it.temp], width: P_COLS[4]!, align: "center" },
    { text: it.recipientPhone || "—", width: P_COLS[5]! },
    { text: it.carrierWaybillNo ?? "", width: P_COLS[6]! },
  ]);
}

function stopBlock(s: Sheet, stop: TStopGroup) {
  s.ensure(30);
  const when = stop.arriveAt ? shanghaiTime(stop.arriveAt) : "--:--";
  const order = stop.seq != null ? `${stop.seq}.` : "·";
  s.row(
    [
      { text: `${order} ${when}`, width: 70 },
      { text: `${stop.name ?? "—"}  ${stop.code ?? ""}`, width: s.W - 70 - 150 },
      { text: `卸 drops ${stop.drops} · 揽 pickups ${stop.pickups}`, width: 150, align: "right" },
    ],
    { size: 9.5, shade: "#EFEFEF" },
  );
  for (const it of stop.items) parcelRow(s, it);
}

function parcelHeader(s: Sheet) {
  s.row(
    ["", "运单 Waybill", "承运 Carrier", "kg", "温层 Temp", "电话 Phone", "承运单号 Carrier no."].map((text, i) => ({
      text,
      width: P_COLS[i]!,
      align: i === 3 ? "right" : i === 4 ? "center" : "left",
    })),
    { size: 7.5 },
  );
}

/// Per vehicle the stops in visiting order, each with its parcels; then the parcels on no vehicle.
function writeStops(s: Sheet, d: TLoadDetail) {
  for (const v of d.vehicles) {
    const km = v.plannedMeters != null ? ` · ${(v.plannedMeters / 1000).toFixed(1)} km` : "";
    const min = v.plannedMinutes != null ? ` · ${v.plannedMinutes} min` : "";
    s.heading(
      `车辆 ${v.seq} Vehicle · ${v.plate ?? "—"} · ${v.number ?? ""} · ${v.parcels} 件 · ${kg(v.weightG)} kg · 载重 ${pct(v.fillWeight)} / 容积 ${pct(v.fillVolume)}${km}${min}`,
      10.5,
    );
    if (!v.planned) s.line("未排线：按停靠点分组 Not planned yet: grouped by stop", 8.5);
    parcelHeader(s);
    for (const stop of v.stops) stopBlock(s, stop);
  }
  if (d.unassigned.length) {
    s.heading("未上车 Not on a vehicle", 10.5);
    parcelHeader(s);
    for (const stop of d.unassigned) stopBlock(s, stop);
  }
}

/// Rolled parcels and why.
function writeRolled(s: Sheet, d: TLoadDetail, lang: TManifestLang) {
  if (!d.rolled.length) return;
  s.heading(`滚动至下一班 Rolled to the next departure (${d.rolled.length})`, 10.5);
  for (const it of d.rolled) {
    s.row([
      { text: it.waybillNo ?? "—", width: 118 },
      { text: it.carrier?.name ?? "平台 XD", width: 100 },
      { text: kg(it.weightG), width: 50, align: "right" },
      { text: `${it.stop?.name ?? "—"}`, width: 110 },
      { text: rolledReasonText(it.rolledReason, d.from?.name ?? "", it.temp, lang), width: s.W - 378 },
    ]);
  }
}

/// Totals per carrier and overall.
function writeTotals(s: Sheet, d: TLoadDetail) {
  s.heading("承运商合计 Totals per carrier", 10.5);
  const tCols = [200, 90, 110, s.W - 400];
  const cells = (texts: string[]) =>
    texts.map((text, i) => ({ text, width: tCols[i]!, align: i === 0 ? ("left" as const) : ("right" as const) }));
  s.row(cells(["承运 Carrier", "件数 Parcels", "重量 kg", "滚动 Rolled"]), { shade: "#E8E8E8" });
  for (const c of d.carriers) s.row(cells([c.name ?? "平台 XD", String(c.parcels), kg(c.weightG), String(c.rolled)]));
  s.row(cells(["合计 Total", String(d.totals.parcels), kg(d.totals.weightG), String(d.totals.rolled)]), { size: 9.5, shade: "#EFEFEF" });
}

/// Load code and page number at the foot of every page.
function writeFooters(s: Sheet, code: string) {
  const { doc, W } = s;
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // The footer sits in the bottom margin: without this pdfkit would start a new page for it.
    doc.page.margins.bottom = 0;
    doc
      .fontSize(7.5)
      .fillColor("#555555")
      .text(`${code} · ${i - range.start + 1} / ${range.count}`, MARGIN, A4[1] - MARGIN, { width: W, align: "right", lineBreak: false });
  }
}

/// `lang`: the language of the figures' labels (Chinese unless the request asks for English).
export async function renderManifest(d: TLoadDetail, lang: TManifestLang = "zh"): Promise<Buffer> {
  const doc = new PDFDocument({
    size: A4,
    margin: MARGIN,
    bufferPages: true,
    info: { Title: `Load manifest ${d.code}`, Producer: "Xiangda" },
  });
  const font = cjkFont();
  if (font) doc.registerFont("cjk", font.data, font.family);
  doc.font(font ? "cjk" : "Helvetica");
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));

  const s = new Sheet(doc);
  await writeHeader(s, d);
  writeVehicles(s, d, lang);
  writeStops(s, d);
  writeRolled(s, d, lang);
  writeTotals(s, d);
  writeFooters(s, d.code);
  doc.end();
  return done;
}
