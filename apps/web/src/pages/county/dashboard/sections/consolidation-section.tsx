// 合单配送: loads and vehicle trips, fill, km and trips saved against each carrier driving on its own, empty running
// and the estimated cost per parcel against that baseline.
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTRPC } from "../../../../lib/trpc.ts";
import { COLORS, dayChart } from "../charts/chart-options.ts";
import type { TConsolidation, TConsolidationDay } from "../dashboard-api.ts";
import { useSectionFilter } from "../dashboard-context.ts";
import { formatCount, formatRate, formatYuan } from "../dashboard-format.ts";
import { DayTable, type TTableColumn } from "../parts/export-table.tsx";
import { ChartBox } from "../parts/chart-box.tsx";
import { FigureRow } from "../parts/figure.tsx";
import { QuerySection } from "../parts/section.tsx";
import { useT, type TT } from "../../../../i18n/use-t.ts";

function columns(t: TT<"dashboard">): TTableColumn<TConsolidationDay>[] {
  return [
    { key: "day", header: t("consolidation.cols.day"), value: (r) => r.day },
    { key: "loads", header: t("consolidation.loads"), value: (r) => r.loads, kind: "int" },
    { key: "vehicles", header: t("consolidation.vehicles"), value: (r) => r.vehicles, kind: "int" },
    { key: "parcels", header: t("consolidation.parcels"), value: (r) => r.parcels, kind: "int" },
    { key: "plannedKm", header: t("consolidation.plannedKm"), value: (r) => r.plannedKm, kind: "decimal" },
    { key: "baselineKm", header: t("consolidation.baselineKm"), value: (r) => r.baselineKm, kind: "decimal" },
    { key: "tripsSaved", header: t("consolidation.tripsSaved"), value: (r) => r.tripsSaved, kind: "int" },
    { key: "kmSaved", header: t("consolidation.kmSaved"), value: (r) => r.kmSaved, kind: "decimal" },
  ];
}

export function ConsolidationSection() {
  const t = useT("dashboard");
  const trpc = useTRPC();
  const { input, keep, narrowed } = useSectionFilter();
  const data = useQuery(trpc.dashboard.consolidation.queryOptions(input, keep));
  return (
    <QuerySection
      title={t("consolidation.title")}
      note={narrowed ? t("consolidation.filterNote") : undefined}
      testId="dash-consolidation"
      query={data}
    >
      {(c) => <ConsolidationView c={c} />}
    </QuerySection>
  );
}

function ConsolidationView({ c }: { c: TConsolidation }) {
  const t = useT("dashboard");
  const chart = useMemo(
    () =>
      dayChart(
        c.days.map((d) => d.day),
        [
          { name: t("consolidation.plannedKm"), data: c.days.map((d) => d.plannedKm), color: COLORS.brand, kind: "bar" },
          { name: t("consolidation.baselineKm"), data: c.days.map((d) => d.baselineKm), color: COLORS.muted },
        ],
      ),
    [c, t],
  );
  return (
    <>
      <FigureRow
        figures={[
          { label: t("consolidation.loads"), value: formatCount(c.loads), raw: c.loads, testId: "fig-loads" },
          { label: t("consolidation.vehicles"), value: formatCount(c.vehicles), raw: c.vehicles, testId: "fig-vehicles" },
          { label: t("consolidation.parcels"), value: formatCount(c.parcels), raw: c.parcels, testId: "fig-consolidated-parcels" },
          { label: t("consolidation.fillWeight"), value: formatRate(c.fillWeight), raw: c.fillWeight, testId: "fig-fill-weight" },
          { label: t("consolidation.fillVolume"), value: formatRate(c.fillVolume), raw: c.fillVolume, testId: "fig-fill-volume" },
          {
            label: t("consolidation.tripsSaved"),
            value: formatCount(c.tripsSaved),
            sub: `${t("consolidation.baselineTrips")} ${formatCount(c.baselineTrips)}`,
            raw: c.tripsSaved,
            tone: "green",
            testId: "fig-trips-saved",
          },
          {
            label: t("consolidation.kmSaved"),
            value: formatCount(c.kmSaved, 1),
            sub: `${t("consolidation.plannedKm")} ${formatCount(c.plannedKm, 1)} / ${t("consolidation.baselineKm")} ${formatCount(c.baselineKm, 1)}`,
            raw: c.kmSaved,
            tone: "green",
            testId: "fig-km-saved",
          },
          {
            label: t("consolidation.emptyRunning"),
            value: formatRate(c.emptyRunningRate),
            raw: c.emptyRunningRate,
            testId: "fig-empty-running",
          },
          {
            label: t("consolidation.costPerParcel"),
            value: formatYuan(c.costPerParcelFen),
            sub: t("consolidation.baselineCost", { cost: formatYuan(c.baselineCostPerParcelFen) }),
            raw: c.costPerParcelFen,
            tone: "brand",
            testId: "fig-cost-per-parcel",
          },
        ]}
      />
      <ChartBox option={chart} label={t("consolidation.chart")} height={240} testId="chart-consolidation" empty={c.loads === 0} />
      <DayTable
        caption={t("consolidation.chart")}
        columns={columns(t)}
        days={c.days}
        exportTitle={t("consolidation.file")}
        testId="table-consolidation"
      />
    </>
  );
}
