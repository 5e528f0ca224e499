// One ECharts chart, loaded on demand (echart.tsx): only the line and bar charts and the components the dashboard uses
// are registered (tree-shaken), drawn as SVG (crisp when printed, no canvas to copy); resized with its box and before printing, disposed on unmount.
import { BarChart, LineChart, type BarSeriesOption, type LineSeriesOption } from "echarts/charts";
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from "echarts/components";
import { init, use, type ComposeOption, type ECharts } from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";

use([LineChart, BarChart, GridComponent, TooltipComponent, LegendComponent, SVGRenderer]);

export type TChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption
>;

export interface TChartProps {
  option: TChartOption;
  /** What the chart shows, for screen readers; the table beside each chart has its figures (ECharts' own aria text
   * reads out raw series in Chinese whatever the language, so it is not used). */
  label: string;
  height?: number;
  testId?: string;
  /** Shown over the (empty) axes when there is nothing to draw: the box keeps its size, nothing jumps. */
  emptyText?: string | null;
}

export default function EChartView({ option, label, height = 260, testId, emptyText }: TChartProps) {
  const boxRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ECharts | null>(null);

  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const chart = init(box, null, { renderer: "svg" });
    chartRef.current = chart;
    const resize = () => chart.resize();
    const observer = new ResizeObserver(resize);
    observer.observe(box);
    // Print lays the page out anew (one column): redraw at the printed width before the snapshot is taken.
    const print = window.matchMedia("print");
    window.addEventListener("beforeprint", resize);
    window.addEventListener("afterprint", resize);
    print.addEventListener("change", resize);
    return () => {
      observer.disconnect();
      window.removeEventListener("beforeprint", resize);
      window.removeEventListener("afterprint", resize);
      print.removeEventListener("change", resize);
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    chartRef.current?.setOption({ animation: false, ...option }, { notMerge: true });
  }, [option]);

  return (
    <div className="echart-wrap">
      <div ref={boxRef} className="echart" style={{ height }} role="img" aria-label={label} data-testid={testId} />
      {emptyText ? (
        <div className="echart-empty muted small" aria-hidden="true">
          {emptyText}
        </div>
      ) : null}
    </div>
  );
}
