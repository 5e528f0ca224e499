// 上下行件量: parcels created and finished per day, down (goods to villages) and up (farm products to town), with
// 30/90-day shortcuts that set the page's date range.
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTRPC } from "../../../../lib/trpc.ts";
import { COLORS, dayChart } from "../charts/chart-options.ts";
import type { TVolumeDay, TVolumes } from "../dashboard-api.ts";
import { useSectionFilter } from "../dashboard-context.ts";
import { QuickDays } from "../filter-bar.tsx";
import { formatCount } from "../dashboard-format.ts";
import { DayTable, type TTableColumn } from "../parts/export-table.tsx";
import { ChartBox } from "../parts/chart-box.tsx";
import { FigureRow } from "../parts/figure.tsx";
import { QuerySection } from "../parts/section.tsx";
import { useT, type TT } from "../../../../i18n/use-t.ts";

const KEYS = ["downCreated", "upCreated", "downFinished", "upFinished"] as const;

function columns(t: TT<"dashboard">): TTableColumn<TVolumeDay>[] {
  return [
    { key: "day", header: t("volumes.cols.day"), value: (r) => r.day },
    ...KEYS.map((k): TTableColumn<TVolumeDay> => ({ key: k, header: t(`volumes.${k}`), value: (r) => r[k], kind: "int" })),
  ];
}

export function VolumesSection() {
  const t = useT("dashboard");
  const trpc = useTRPC();
  const { input, keep } = useSectionFilter();
  const volumes = useQuery(trpc.dashboard.volumes.queryOptions(input, keep));
  const quick = <QuickDays choices={[30, 90]} label={t("volumes.chart")} testIdPrefix="volumes-quick" />;
  return (
    <QuerySection title={t("volumes.title")} actions={quick} testId="dash-volumes" query={volumes}>
      {(v) => <VolumesView v={v} />}
    </QuerySection>
  );
}

function VolumesView({ v }: { v: TVolumes }) {
  const t = useT("dashboard");
  const chart = useMemo(
    () =>
      dayChart(
        v.days.map((d) => d.day),
        [
          { name: t("volumes.downCreated"), data: v.days.map((d) => d.downCreated), color: COLORS.brand, kind: "bar", stack: "created" },
          { name: t("volumes.upCreated"), data: v.days.map((d) => d.upCreated), color: COLORS.accent, kind: "bar", stack: "created" },
          { name: t("volumes.downFinished"), data: v.days.map((d) => d.downFinished), color: COLORS.violet },
          { name: t("volumes.upFinished"), data: v.days.map((d) => d.upFinished), color: COLORS.orange },
        ],
      ),
    [v, t],
  );
  return (
    <>
      <FigureRow
        figures={KEYS.map((k) => ({ label: t(`volumes.${k}`), value: formatCount(v.totals[k]), raw: v.totals[k], testId: `fig-${k}` }))}
      />
      <ChartBox
        option={chart}
        label={t("volumes.chart")}
        height={260}
        testId="chart-volumes"
        empty={Object.values(v.totals).every((n) => n === 0)}
      />
      <DayTable caption={t("volumes.chart")} columns={columns(t)} days={v.days} exportTitle={t("volumes.file")} testId="table-volumes" />
    </>
  );
}
