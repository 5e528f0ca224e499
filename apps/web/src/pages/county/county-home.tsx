// County management home: the county banner and its figures at a glance, then the dashboard (看板), loaded on demand
// so the map and chart libraries stay out of the main chunk; the live lights are asked for at once (issue #17). A `county` search param names the county of a shared
// link (ADMIN's picker writes it); a manager's link to another county gets the API's refusal, shown as such.
import { shanghaiDay } from "../../lib/time.ts";
import { skipToken, useQuery, useQueryClient } from "@tanstack/react-query";
import { Suspense, useEffect, useMemo, useState } from "react";
import { useSearchParams } from "react-router";
import { DataState } from "../../components/data-state.tsx";
import { StatCard } from "../../components/stat-card.tsx";
import { preloadable } from "../../lib/preloadable.ts";
import { OWN_REQUEST, useTRPC } from "../../lib/trpc.ts";
import { LIGHTS_STALE_MS, lightsInput, MAP_STALE_MS, readCounty, readFilter } from "./dashboard/dashboard-filter.ts";
import { MaplibreView } from "./dashboard/map/maplibre-lazy.ts";
import { CountyPicker } from "./county-scope.tsx";
import { useCountyChoice } from "./use-county-choice.ts";
import { useT } from "../../i18n/use-t.ts";

const Dashboard = preloadable(() => import("./dashboard/dashboard-page.tsx").then((m) => m.default));

export function CountyHome() {
  const t = useT("county");
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const { isAdmin, counties, countyCode: chosen } = useCountyChoice();
  const countyCode = readCounty(params) ?? chosen;
  const overview = useQuery(trpc.county.overview.queryOptions(countyCode ? { countyCode } : skipToken));
  const queryClient = useQueryClient();
  const [today] = useState(() => shanghaiDay());
  const lightsFor = useMemo(() => (countyCode ? lightsInput(countyCode, readFilter(params, today)) : null), [countyCode, params, today]);
  // What a manager acts on first: the live lights are asked for with the banner, before the dashboard's chunk has
  // arrived (tRPC batches queries made together into one request, answered when its slowest is done, so they do not
  // wait for the map or the indicators), and the map's library starts downloading.
  useEffect(() => {
    if (!lightsFor) return;
    void queryClient.prefetchQuery(trpc.dashboard.lights.queryOptions(lightsFor, { staleTime: LIGHTS_STALE_MS }));
    // The map's network in a request of its own, beside the lights' (not in their batch: it is the larger answer).
    void queryClient.prefetchQuery(
      trpc.dashboard.map.queryOptions({ countyCode: lightsFor.countyCode }, { staleTime: MAP_STALE_MS, ...OWN_REQUEST }),
    );
    void Dashboard.preload();
    // MapLibre is the largest download of the page: fetched from here, while the dashboard's own chunk and data come.
    void MaplibreView.preload();
  }, [lightsFor, queryClient, trpc]);
  const pickCounty = (code: string) => {
    const next = new URLSearchParams(window.location.search);
    next.set("county", code);
    setParams(next, { replace: true });
  };

  // ADMIN needs the county list before there is anything to show.
  if (isAdmin && !counties.isSuccess) return <DataState query={counties}>{() => null}</DataState>;

  return (
    <div className="page page-dashboard">
      <CountyPicker value={countyCode} onPick={pickCounty} />
      {countyCode ? (
        <>
          <DataState query={overview}>
            {(data) => (
              <>
                <section className="card county-banner">
                  <div>
                    <p className="dash-kicker">{t("county.dashboardTitle")}</p>
                    <h2 className="hero-name" data-testid="county-name">
                      {data.county.name}
                    </h2>
                    <p className="muted">{t("county.region", { province: data.county.provinceName, city: data.county.cityName })}</p>
                  </div>
                  <div className="county-code">
                    <span className="muted">{t("county.code")}</span>
                    <code className="mono">{data.county.code}</code>
                  </div>
                </section>
                <section aria-label={t("county.overviewTitle")} className="stat-grid">
                  <StatCard label={t("county.townships")} value={data.townships} testId="stat-townships" />
                  <StatCard label={t("county.villageUnits")} value={data.villageUnits} testId="stat-village-units" />
                  <StatCard label={t("county.villageCommittees")} value={data.villageCommittees} />
                  <StatCard label={t("county.nodes")} value={data.nodes} testId="stat-nodes" />
                  <StatCard label={t("county.users")} value={data.users} />
                </section>
              </>
            )}
          </DataState>
          {/* Keyed by county: another county starts with fresh panels and map. Shown once the banner has its county
              (asked for in the same request as the lights, so the lights do not wait longer): a county the API refuses
              shows that once, in the banner, and no section flashes its own refusal first. */}
          {overview.isSuccess ? (
            <Suspense
              fallback={
                <p className="card muted dash-chunk-loading" role="status">
                  <span className="spinner" aria-hidden="true" /> {t("county.dashboardLoading")}
                </p>
              }
            >
              <Dashboard key={countyCode} countyCode={countyCode} />
            </Suspense>
          ) : null}
        </>
      ) : (
        <p className="card muted">{t("county.noCounty")}</p>
      )}
    </div>
  );
}
