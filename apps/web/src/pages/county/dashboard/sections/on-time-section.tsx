// 准时率: parcels finished by their promise — overall, by direction, by leg (县→乡 …), by township and per day.
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTRPC } from "../../../../lib/trpc.ts";
import { categoryBars, COLORS, dayChart } from "../charts/chart-options.ts";
import type { TOnTime } from "../dashboard-api.ts";
import { useSectionFilter } from "../dashboard-context.ts";
import { formatRate, legKindOrder } from "../dashboard-format.ts";
import { DayTable, ExportTable, type TTableColumn } from "../parts/export-table.tsx";
import { ChartBox } from "../parts/chart-box.tsx";
import { FigureRow } from "../parts/figure.tsx";
import { useLabels } from "../parts/labels.ts";
import { QuerySection } from "../parts/section.tsx";
import { useT } from "../../../../i18n/use-t.ts";

type TLegRow = TOnTime["byLegKind"][number];
type TTownRow = TOnTime["byTownship"][number];
type TDayRow = TOnTime["days"][number];

export function OnTimeSection() {
  const t = useT("dashboard");
  const trpc = useTRPC();
  const { input, keep } = useSectionFilter();
  const onTime = useQuery(trpc.dashboard.onTime.queryOptions(input, keep));
  return (
    <QuerySection title={t("onTime.title")} testId="dash-on-time" query={onTime}>
      {(o) => <OnTimeView o={o} />}
    </QuerySection>
  );
}

function OnTimeView({ o }: { o: TOnTime }) {
  const t = useT("dashboard");
  const te = useT("enums");
  const labels = useLabels();
  const legs = useMemo(() => [...o.byLegKind].sort((a, b) => legKindOrder(a.legKind) - legKindOrder(b.legKind)), [o]);
  const finishedOnTime = (r: { onTime: number; finished: number }) =>
    t("onTime.finishedOnTime", { onTime: r.onTime, finished: r.finished });
  const townName = (r: TTownRow) => r.townshipName ?? (r.townshipCode ? r.townshipCode : t("onTime.hubOnly"));

  const legColumns: TTableColumn<TLegRow>[] = [
    { key: "leg", header: t("onTime.cols.legKind"), value: (r) => labels.legKind(r.legKind) },
    { key: "arrived", header: t("onTime.arrived"), value: (r) => r.arrived, kind: "int" },
    { key: "onTime", header: t("onTime.onTime"), value: (r) => r.onTime, kind: "int" },
    { key: "rate", header: t("onTime.rate"), value: (r) => r.rate, kind: "rate" },
  ];
  const townColumns: TTableColumn<TTownRow>[] = [
    { key: "township", header: t("onTime.cols.township"), value: townName },
    { key: "finished", header: t("onTime.finished"), value: (r) => r.finished, kind: "int" },
    { key: "onTime", header: t("onTime.onTime"), value: (r) => r.onTime, kind: "int" },
    { key: "rate", header: t("onTime.rate"), value: (r) => r.rate, kind: "rate" },
  ];
  const dayColumns: TTableColumn<TDayRow>[] = [
    { key: "day", header: t("onTime.cols.day"), value: (r) => r.day },
    { key: "finished", header: t("onTime.finished"), value: (r) => r.finished, kind: "int" },
    { key: "onTime", header: t("onTime.onTime"), value: (r) => r.onTime, kind: "int" },
    { key: "rate", header: t("onTime.rate"), value: (r) => r.rate, kind: "rate" },
  ];

  const legChart = useMemo(
    () =>
      categoryBars(
        legs.map((r) => labels.legKind(r.legKind)),
        [{ name: t("onTime.rate"), data: legs.map((r) => r.rate), color: COLORS.brand }],
        true,
      ),
    [legs, labels, t],
  );
  const dayOption = useMemo(
    () =>
      dayChart(
        o.days.map((d) => d.day),
        [{ name: t("onTime.rate"), data: o.days.map((d) => d.rate), color: COLORS.green }],
        true,
      ),
    [o, t],
  );

  return (
    <>
      <FigureRow
        figures={[
          {
            label: t("onTime.overall"),
            value: formatRate(o.rate),
            sub: finishedOnTime(o),
            raw: o.rate,
            tone: "brand",
            testId: "fig-on-time",
          },
          ...o.byDirection.map((d) => ({
            label: `${t("onTime.byDirection")} · ${te(`directionShort.${d.direction}`)}`,
            value: formatRate(d.rate),
            sub: finishedOnTime(d),
            raw: d.rate,
            testId: `fig-on-time-${d.direction}`,
          })),
        ]}
      />
      <div className="dash-split">
        <div>
          <ChartBox titled option={dayOption} label={t("onTime.daily")} height={220} testId="chart-on-time-days" empty={o.finished === 0} />
        </div>
        <div>
          <ChartBox
            titled
            option={legChart}
            label={t("onTime.byLegKind")}
            height={220}
            testId="chart-on-time-legs"
            empty={legs.length === 0}
          />
        </div>
      </div>
      <div className="dash-split">
        <ExportTable
          caption={t("onTime.byLegKind")}
          columns={legColumns}
          rows={legs}
          rowKey={(r) => r.legKind}
          exportTitle={t("onTime.fileLegs")}
          testId="table-on-time-legs"
        />
        <ExportTable
          caption={t("onTime.byTownship")}
          columns={townColumns}
          rows={o.byTownship}
          rowKey={(r) => r.townshipCode || "hub"}
          exportTitle={t("onTime.fileTownships")}
          testId="table-on-time-townships"
          maxHeight={320}
        />
      </div>
      <DayTable
        caption={t("onTime.daily")}
        columns={dayColumns}
        days={o.days}
        exportTitle={t("onTime.fileDays")}
        testId="table-on-time-days"
        maxHeight={240}
      />
    </>
  );
}
