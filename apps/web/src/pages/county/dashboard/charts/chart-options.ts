// ECharts options of the dashboard's charts, built the same way everywhere: a day axis with line or bar series, or a
// horizontal bar per category; percentages shown as such. Colours follow the app's tokens (styles.css).
import { shortDay } from "../dashboard-format.ts";
import type { TChartOption } from "./echart.tsx";

export const COLORS = {
  brand: "#0f6e8c",
  accent: "#2bb38a",
  green: "#2f9e62",
  yellow: "#d9a21b",
  red: "#c23b2f",
  muted: "#8a99a8",
  violet: "#7a5cc2",
  orange: "#e07b24",
} as const;

const FONT = '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", system-ui, sans-serif';

export interface TSeries {
  name: string;
  data: ReadonlyArray<number | null>;
  color: string;
  kind?: "line" | "bar";
  stack?: string;
  area?: boolean;
}

const percent = (v: number) => `${Math.round(v * 100)}%`;
const tooltipValue = (asPercent: boolean) => (v: unknown) =>
  typeof v === "number" ? (asPercent ? `${(v * 100).toFixed(1)}%` : v.toLocaleString("zh-CN")) : "—";

function series(s: TSeries, horizontal = false) {
  const common = { name: s.name, data: [...s.data], itemStyle: { color: s.color }, ...(s.stack ? { stack: s.stack } : {}) };
  if (s.kind === "bar") return { ...common, type: "bar" as const, barMaxWidth: horizontal ? 14 : 18 };
  return {
    ...common,
    type: "line" as const,
    showSymbol: s.data.length <= 31,
    symbolSize: 5,
    connectNulls: false,
    lineStyle: { color: s.color, width: 2 },
    ...(s.area ? { areaStyle: { color: s.color, opacity: 0.25 } } : {}),
  };
}

/** Series over days (x: "MM-DD"); `asPercent` for 0–1 values. */
export function dayChart(days: readonly string[], list: readonly TSeries[], asPercent = false): TChartOption {
  return {
    textStyle: { fontFamily: FONT },
    color: list.map((s) => s.color),
    legend: { top: 0, type: "plain", itemWidth: 14, itemHeight: 8, textStyle: { fontSize: 12 } },
    grid: { left: 8, right: 12, top: 32, bottom: 4, containLabel: true },
    tooltip: { trigger: "axis", valueFormatter: tooltipValue(asPercent) },
    xAxis: {
      type: "category",
      data: days.map(shortDay),
      boundaryGap: list.some((s) => s.kind === "bar"),
      axisLabel: { hideOverlap: true },
    },
    yAxis: asPercent
      ? { type: "value", min: 0, max: 1, axisLabel: { formatter: percent } }
      : { type: "value", minInterval: 1, axisLabel: { formatter: (v: number) => v.toLocaleString("zh-CN") } },
    series: list.map((s) => series(s)),
  };
}

/** One horizontal bar per category (townships, venue types), top to bottom in the given order. */
export function categoryBars(categories: readonly string[], list: readonly TSeries[], asPercent = false): TChartOption {
  return {
    textStyle: { fontFamily: FONT },
    color: list.map((s) => s.color),
    legend: list.length > 1 ? { top: 0, itemWidth: 14, itemHeight: 8, textStyle: { fontSize: 12 } } : { show: false },
    grid: { left: 8, right: 16, top: list.length > 1 ? 28 : 8, bottom: 4, containLabel: true },
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, valueFormatter: tooltipValue(asPercent) },
    xAxis: asPercent
      ? { type: "value", min: 0, max: 1, axisLabel: { formatter: percent } }
      : { type: "value", minInterval: 1, axisLabel: { formatter: (v: number) => v.toLocaleString("zh-CN") } },
    // Category axes run bottom-up: reversed so the first category is on top, as in the table beside it.
    yAxis: { type: "category", data: [...categories], inverse: true, axisLabel: { width: 120, overflow: "truncate" } },
    series: list.map((s) => series({ ...s, kind: "bar" }, true)),
  };
}
