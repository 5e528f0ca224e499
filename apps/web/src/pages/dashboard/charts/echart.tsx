// A dashboard chart. ECharts is loaded on first use, in a chunk of its own, so the lights, the RED list and the figures
// paint without waiting for it; the box keeps its height meanwhile, so nothing jumps when the chart arrives.
import { lazy, Suspense } from "react";
import type { TChartProps } from "./echart-view.tsx";

export type { TChartOption, TChartProps } from "./echart-view.tsx";

const EChartView = lazy(() => import("./echart-view.tsx"));

export function EChart(props: TChartProps) {
  return (
    <Suspense
      fallback={
        <div className="echart-wrap">
          <div className="echart" style={{ height: props.height ?? 260 }} role="img" aria-label={props.label} aria-busy="true" />
        </div>
      }
    >
      <EChartView {...props} />
    </Suspense>
  );
}
