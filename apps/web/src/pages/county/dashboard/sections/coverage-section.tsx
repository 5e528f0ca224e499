// 覆盖: townships with a station, village points, coverage of village-level units and of poor villages, by township,
// and the villages no point or milk run reaches. Not bound to the date filter (it is the network as it stands).
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTRPC } from "../../../../lib/trpc.ts";
import { categoryBars, COLORS } from "../charts/chart-options.ts";
import type { TCoverage, TCoverageTownship, TUncoveredVillage } from "../dashboard-api.ts";
import { useDashboard } from "../dashboard-context.ts";
import { formatCount, formatRate } from "../dashboard-format.ts";
import { ExportTable, type TTableColumn } from "../parts/export-table.tsx";
import { ChartBox } from "../parts/chart-box.tsx";
import { FigureRow } from "../parts/figure.tsx";
import { QuerySection } from "../parts/section.tsx";
import { useT, type TT } from "../../../../i18n/use-t.ts";

export function CoverageSection() {
  const t = useT("dashboard");
  const trpc = useTRPC();
  const { countyCode } = useDashboard();
  const coverage = useQuery(trpc.dashboard.coverage.queryOptions({ countyCode }));
  return (
    <QuerySection title={t("coverage.title")} note={t("notDateBound")} testId="dash-coverage" query={coverage}>
      {(c) => <CoverageView c={c} />}
    </QuerySection>
  );
}

function townshipColumns(t: TT<"dashboard">): TTableColumn<TCoverageTownship>[] {
  return [
    { key: "township", header: t("coverage.cols.township"), value: (r) => r.name },
    { key: "code", header: t("coverage.cols.townshipCode"), value: (r) => r.code, exportOnly: true },
    { key: "station", header: t("coverage.cols.hasStation"), value: (r) => (r.hasStation ? t("coverage.yes") : t("coverage.no")) },
    { key: "villages", header: t("coverage.cols.villages"), value: (r) => r.villages, kind: "int" },
    { key: "covered", header: t("coverage.cols.covered"), value: (r) => r.covered, kind: "int" },
    { key: "rate", header: t("coverage.cols.rate"), value: (r) => r.rate, kind: "rate" },
    { key: "poor", header: t("coverage.cols.poor"), value: (r) => r.poor, kind: "int" },
    { key: "poorCovered", header: t("coverage.cols.poorCovered"), value: (r) => r.poorCovered, kind: "int" },
  ];
}

function uncoveredColumns(t: TT<"dashboard">): TTableColumn<TUncoveredVillage>[] {
  return [
    { key: "code", header: t("coverage.cols.villageCode"), value: (r) => r.code, render: (r) => <code className="mono">{r.code}</code> },
    { key: "village", header: t("coverage.cols.village"), value: (r) => r.name },
    { key: "township", header: t("coverage.cols.township"), value: (r) => r.townshipName },
    {
      key: "poor",
      header: t("coverage.cols.isPoor"),
      value: (r) => (r.poor ? t("coverage.poorYes") : t("coverage.poorNo")),
      render: (r) =>
        r.poor ? (
          <span className="status-pill status-closed">{t("coverage.poorYes")}</span>
        ) : (
          <span className="muted">{t("coverage.poorNo")}</span>
        ),
    },
  ];
}

function CoverageView({ c }: { c: TCoverage }) {
  const t = useT("dashboard");
  const chart = useMemo(
    () =>
      categoryBars(
        c.byTownship.map((r) => r.name),
        [{ name: t("coverage.cols.rate"), data: c.byTownship.map((r) => r.rate), color: COLORS.accent }],
        true,
      ),
    [c, t],
  );
  const ofTotal = (part: number, total: number) => t("coverage.ofTotal", { part, total });
  // Poor villages left out first: they are what the coverage target is about.
  const uncovered = useMemo(() => [...c.uncovered].sort((a, b) => Number(b.poor) - Number(a.poor) || a.code.localeCompare(b.code)), [c]);
  return (
    <>
      <FigureRow
        figures={[
          {
            label: t("coverage.townships"),
            value: ofTotal(c.townshipsWithStation, c.townships),
            raw: c.townshipsWithStation,
            testId: "fig-townships-with-station",
          },
          { label: t("coverage.villagePoints"), value: formatCount(c.villagePoints), raw: c.villagePoints, testId: "fig-village-points" },
          {
            label: t("coverage.coverageRate"),
            value: formatRate(c.coverageRate),
            sub: ofTotal(c.coveredVillages, c.villageUnits),
            raw: c.coverageRate,
            tone: "brand",
            testId: "fig-coverage-rate",
          },
          {
            label: t("coverage.poorCoverageRate"),
            value: formatRate(c.poorVillages ? c.poorCoverageRate : null),
            sub: ofTotal(c.poorCovered, c.poorVillages),
            raw: c.poorCoverageRate,
            tone: c.poorCovered < c.poorVillages ? "red" : "green",
            testId: "fig-poor-coverage-rate",
          },
        ]}
      />
      <div className="dash-split">
        <ChartBox
          option={chart}
          label={t("coverage.chart")}
          height={Math.max(240, c.byTownship.length * 18 + 20)}
          testId="chart-coverage"
        />
        <ExportTable
          caption={t("coverage.byTownship")}
          columns={townshipColumns(t)}
          rows={c.byTownship}
          rowKey={(r) => r.code}
          exportTitle={t("coverage.file")}
          testId="table-coverage-townships"
          maxHeight={460}
        />
      </div>
      <ExportTable
        caption={t("coverage.uncovered")}
        columns={uncoveredColumns(t)}
        rows={uncovered}
        rowKey={(r) => r.code}
        exportTitle={t("coverage.uncoveredFile")}
        testId="table-uncovered"
        empty={t("coverage.noUncovered")}
        maxHeight={320}
      />
    </>
  );
}
