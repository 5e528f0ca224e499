// Pure helpers of the load pages: statuses in order, kilograms and shares, today's date in Asia/Shanghai,
// the report's figures (known keys labelled, unknown ones shown as they are), the manifest's URL.
import { isShownLoadFigure, type TLoadFigureKey } from "@xiangda/domain";
import type { TLoadFigure, TLoadStatus } from "./loads-api.ts";

export const STATUS_TONE: Record<TLoadStatus, string> = {
  OPEN: "status-info",
  SEALED: "status-suspended",
  PLANNED: "status-active",
  DEPARTED: "status-info",
  ARRIVED: "status-muted",
};

/** 1250 g → "1.25" (always two decimals, as on the manifest). */
export const kg = (grams: number): string => (grams / 1000).toFixed(2);

/** A share 0–1 as a whole percentage: 0.416 → 42. Nonsense (NaN, negative) → 0. */
export function percent(share: number): number {
  if (!Number.isFinite(share) || share <= 0) return 0;
  return Math.round(share * 100);
}

/** The width a fill bar is drawn at: the share, capped at 100 %. */
export const barWidth = (share: number): number => Math.min(100, percent(share));

/** "YYYY-MM-DD" of the instant in Asia/Shanghai (UTC+8, no daylight saving). */
export function shanghaiDate(at: Date = new Date()): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** The manifest PDF; `lang` "en" asks for English labels (the server's default is Chinese). */
export const manifestHref = (loadId: string, lang?: "zh" | "en"): string =>
  `/loads/${encodeURIComponent(loadId)}/manifest.pdf${lang === "en" ? "?lang=en" : ""}`;

/** The report's figures people read (LOAD_FIGURE_LABELS in the domain package), as label keys of the "loads"
 *  namespace ("baseline.km" → "baseline_km"); internal keys (solver.cost, demo …) have none and are not shown. */
export type TKnownFigure = TLoadFigureKey extends infer K ? (K extends `${infer A}.${infer B}` ? `${A}_${B}` : K) : never;

/** The label key of a figure, or null for a figure that is not shown. */
export function figureLabel(key: string): TKnownFigure | null {
  return isShownLoadFigure(key) ? (key.replace(".", "_") as TKnownFigure) : null;
}

/** A figure's value for display: shares (fill, rate, ratio keys, 0–1.5) as "42%", other decimals to two places. */
export function figureValue(f: TLoadFigure): string {
  const v = f.value;
  if (typeof v === "number" && /fill|rate|share|ratio/i.test(f.key) && v >= 0 && v <= 1.5) return `${percent(v)}%`;
  if (typeof v === "number") return Number.isInteger(v) ? v.toLocaleString("zh-CN") : String(Number(v.toFixed(2)));
  if (typeof v === "boolean") return v ? "✓" : "✗";
  return v;
}

/** A load reference from the address bar: an LD barcode is looked up by code, anything else by id. */
export function loadRef(param: string): { code: string } | { id: string } {
  const s = param.trim();
  return /^LD\d/i.test(s) ? { code: s.toUpperCase() } : { id: s };
}

/** zxing's SVG has a fixed width and height and no viewBox: give it one so CSS can scale it to the screen. */
export function scalableSvg(svg: string): string {
  const tag = /<svg\b[^>]*>/.exec(svg)?.[0];
  if (!tag || /viewBox=/i.test(tag)) return svg;
  const w = /\swidth="([\d.]+)"/.exec(tag)?.[1];
  const h = /\sheight="([\d.]+)"/.exec(tag)?.[1];
  if (!w || !h) return svg;
  const scaled = tag
    .replace(/\s(width|height)="[\d.]+"/g, "")
    .replace(/^<svg\b/, `<svg viewBox="0 0 ${w} ${h}" preserveAspectRatio="none"`);
  return svg.replace(tag, scaled);
}
