// 县域看板 (issue #8), the county area's home below the banner: filter bar (kept in the URL), the traffic lights and the
// RED list, the network map, then coverage, volumes, on-time, consolidation and counter sections. Loaded lazily
// (county-home.tsx); MapLibre and ECharts come in chunks of their own. What a manager acts on comes first (#17): the
// lights and the map are asked for at once, the static figures only once the lights have answered, and the charts
// draw after the map.
import { shanghaiDay } from "../../../lib/time.ts";
import { useEffect, useMemo, useState } from "react";
import { useSearchParams } from "react-router";
import { AfterMapProvider } from "./charts/after-map.tsx";
import { DashboardContext, type TDashboardContext } from "./dashboard-context.ts";
import { readFilter, writeFilter, type TDashFilter } from "./dashboard-filter.ts";
import { FilterBar, FilterSummary } from "./filter-bar.tsx";
import { NetworkMap } from "./map/network-map.tsx";
import { ConsolidationSection } from "./sections/consolidation-section.tsx";
import { CountersSection } from "./sections/counters-section.tsx";
import { CoverageSection } from "./sections/coverage-section.tsx";
import { LightsSection, useLights } from "./sections/lights-section.tsx";
import { OnTimeSection } from "./sections/on-time-section.tsx";
import { VolumesSection } from "./sections/volumes-section.tsx";
import "./dashboard.css";

export default function Dashboard({ countyCode }: { countyCode: string }) {
  const [params, setParams] = useSearchParams();
  // Today as the page opened: a view left open past midnight keeps its range until the next change.
  const [today] = useState(() => shanghaiDay());
  const filter = useMemo(() => readFilter(params, today), [params, today]);
  const context = useMemo<TDashboardContext>(
    () => ({
      countyCode,
      today,
      filter,
      setFilter: (next: TDashFilter) => setParams(writeFilter(next, new URLSearchParams(window.location.search)), { replace: true }),
    }),
    [countyCode, today, filter, setParams],
  );

  return (
    <DashboardContext.Provider value={context}>
      <AfterMapProvider>
        <div className="dashboard" data-testid="dashboard">
          <FilterBar />
          <FilterSummary />
          <LightsSection />
          <NetworkMap />
          <LaterSections />
        </div>
      </AfterMapProvider>
    </DashboardContext.Provider>
  );
}

/** The indicators over days: mounted once the lights have answered (or failed), so their queries go in a later batch
 * and never delay the lights; a later change of filter keeps them. */
function LaterSections() {
  const lights = useLights();
  const settled = lights.isFetched || lights.isError;
  const [shown, setShown] = useState(settled);
  useEffect(() => {
    if (settled) setShown(true);
  }, [settled]);
  if (!shown) return null;
  return (
    <div className="dash-grid" data-testid="dash-later">
      <CoverageSection />
      <VolumesSection />
      <OnTimeSection />
      <ConsolidationSection />
      <CountersSection />
    </div>
  );
}
