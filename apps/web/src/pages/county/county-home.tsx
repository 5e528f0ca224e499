// County management home: the county's administrative units, nodes and users at a glance.
import { skipToken, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { DataState } from "../../components/data-state.tsx";
import { StatCard } from "../../components/stat-card.tsx";
import { useTRPC } from "../../lib/trpc.ts";
import { CountyPicker } from "./county-scope.tsx";
import { useCountyChoice } from "./use-county-choice.ts";

export function CountyHome() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { isAdmin, counties, countyCode } = useCountyChoice();
  const overview = useQuery(trpc.county.overview.queryOptions(countyCode ? { countyCode } : skipToken));

  // ADMIN needs the county list before there is anything to show.
  if (isAdmin && !counties.isSuccess) return <DataState query={counties}>{() => null}</DataState>;

  return (
    <div className="page">
      <CountyPicker />
      {countyCode ? (
        <DataState query={overview}>
          {(data) => (
            <>
              <section className="card county-banner">
                <div>
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
      ) : (
        <p className="card muted">{t("county.noCounty")}</p>
      )}
    </div>
  );
}
