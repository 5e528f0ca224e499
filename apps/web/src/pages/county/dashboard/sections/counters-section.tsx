// 扶贫专柜: counter sales by venue type, the top products and the income that reaches poor villages.
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTRPC } from "../../../../lib/trpc.ts";
import { categoryBars, COLORS, dayChart } from "../charts/chart-options.ts";
import type { TCounters, TTopProduct, TVenueRow } from "../dashboard-api.ts";
import { useSectionFilter } from "../dashboard-context.ts";
import { fenToYuan, formatCount, formatRate, formatYuan } from "../dashboard-format.ts";
import { ExportTable, type TTableColumn } from "../parts/export-table.tsx";
import { ChartBox } from "../parts/chart-box.tsx";
import { FigureRow } from "../parts/figure.tsx";
import { useLabels } from "../parts/labels.ts";
import { QuerySection } from "../parts/section.tsx";
import { useT } from "../../../../i18n/use-t.ts";

export function CountersSection() {
  const t = useT("dashboard");
  const trpc = useTRPC();
  const { input, keep, narrowed } = useSectionFilter();
  const data = useQuery(trpc.dashboard.counters.queryOptions(input, keep));
  return (
    <QuerySection title={t("counters.title")} note={narrowed ? t("counters.filterNote") : undefined} testId="dash-counters" query={data}>
      {(c) => <CountersView c={c} />}
    </QuerySection>
  );
}

function CountersView({ c }: { c: TCounters }) {
  const t = useT("dashboard");
  const labels = useLabels();
  const venueColumns: TTableColumn<TVenueRow>[] = [
    { key: "venue", header: t("counters.cols.venueType"), value: (r) => labels.venue(r.venueType) },
    { key: "amount", header: t("counters.cols.amount"), value: (r) => r.amountFen, kind: "fen" },
    { key: "quantity", header: t("counters.cols.quantity"), value: (r) => r.quantity, kind: "int" },
    { key: "sales", header: t("counters.cols.sales"), value: (r) => r.sales, kind: "int" },
  ];
  const productColumns: TTableColumn<TTopProduct & { rank: number }>[] = [
    { key: "rank", header: t("counters.cols.rank"), value: (r) => r.rank, kind: "int" },
    { key: "product", header: t("counters.cols.product"), value: (r) => r.name },
    { key: "merchant", header: t("counters.cols.merchant"), value: (r) => r.merchantName },
    { key: "amount", header: t("counters.cols.amount"), value: (r) => r.amountFen, kind: "fen" },
    { key: "quantity", header: t("counters.cols.quantity"), value: (r) => r.quantity, kind: "int" },
  ];
  const products = useMemo(() => c.topProducts.map((p, i) => ({ ...p, rank: i + 1 })), [c]);
  const venueChart = useMemo(
    () =>
      categoryBars(
        c.byVenue.map((r) => labels.venue(r.venueType)),
        [{ name: t("counters.cols.amount"), data: c.byVenue.map((r) => fenToYuan(r.amountFen)), color: COLORS.accent }],
      ),
    [c, labels, t],
  );
  const dayOption = useMemo(
    () =>
      dayChart(
        c.days.map((d) => d.day),
        [{ name: t("counters.cols.amount"), data: c.days.map((d) => fenToYuan(d.amountFen)), color: COLORS.orange, kind: "bar" }],
      ),
    [c, t],
  );
  return (
    <>
      <FigureRow
        figures={[
          { label: t("counters.total"), value: formatYuan(c.totalFen), raw: c.totalFen, tone: "brand", testId: "fig-sales-total" },
          { label: t("counters.quantity"), value: formatCount(c.quantity), raw: c.quantity, testId: "fig-sales-quantity" },
          {
            label: t("counters.poorIncome"),
            value: formatYuan(c.poorVillageIncomeFen),
            sub: t("counters.poorShare", { share: formatRate(c.poorShare) }),
            raw: c.poorVillageIncomeFen,
            tone: "green",
            testId: "fig-poor-income",
          },
        ]}
      />
      <ChartBox titled option={dayOption} label={t("counters.daily")} height={200} testId="chart-sales-days" empty={c.totalFen === 0} />
      <div className="dash-split">
        <div>
          <ChartBox
            titled
            option={venueChart}
            label={t("counters.byVenue")}
            height={Math.max(160, c.byVenue.length * 28 + 20)}
            testId="chart-venues"
            empty={c.byVenue.length === 0}
          />
          <ExportTable
            caption={t("counters.byVenue")}
            columns={venueColumns}
            rows={c.byVenue}
            rowKey={(r) => r.venueType}
            exportTitle={t("counters.fileVenue")}
            testId="table-venues"
          />
        </div>
        <ExportTable
          caption={t("counters.topProducts")}
          columns={productColumns}
          rows={products}
          rowKey={(r) => r.productId}
          exportTitle={t("counters.fileProducts")}
          testId="table-top-products"
        />
      </div>
    </>
  );
}
