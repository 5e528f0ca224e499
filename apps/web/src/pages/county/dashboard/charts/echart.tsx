// A dashboard chart. ECharts is loaded on first use, in a chunk of its own, so the lights, the RED list and the figures
// paint without waiting for it, and draws once the map has (after-map.tsx); the box keeps its height meanwhile, so
// nothing jumps when the chart arrives.
import { Suspense } from "react";
import { preloadable } from "../../../../lib/preloadable.ts";
import { useAfterMap } from "./after-map.tsx";
import type { TChartProps } from "./echart-view.tsx";

export type { TChartOption, TChartProps } from "./echart-view.tsx";

const EChartView = preloadable(() => import("./echart-view.tsx").then((m) => m.default));

export function EChart(props: TChartProps) {
  const { mapSettled } = useAfterMap();
  const placeholder = (
    <div className="echart-wrap">
      <div className="echart" style={{ height: props.height ?? 260 }} role="img" aria-label={props.label} aria-busy="true" />
    </div>
  );
  if (!mapSettled) return placeholder;
  return (
    <Suspense fallback={placeholder}>
      <EChartView {...props} />
    </Suspense>
  );
}
