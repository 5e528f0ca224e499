// 专柜销售报表: the county's counter sales over Asia/Shanghai days — by counter, venue type, product and origin village,
// and the income reaching poor villages — with a CSV export built from the figures shown.
import { monthStart, shanghaiDay } from "../../../lib/time.ts";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { DataState } from "../../../components/data-state.tsx";
import { useTRPC } from "../../../lib/trpc.ts";
import { DayRangeFilter, type TDayRange } from "../../../components/counters/counter-bits.tsx";
import type { TSalesReport } from "../../../components/counters/counters-api.ts";
import { downloadCsv, toCsv } from "../../../lib/csv.ts";
import { reportCsvRows, reportFileName, type TReportCsvLabels } from "../../../components/counters/report-csv.ts";
import { ReportView } from "../../../components/counters/report-view.tsx";
import { CountyScope } from "../county-scope.tsx";
import { useT, type TT } from "../../../i18n/use-t.ts";
import { enumKey } from "../../../components/counters/counter-keys.ts";

export function SalesReportPage() {
  return <CountyScope>{(countyCode) => <SalesReport countyCode={countyCode} />}</CountyScope>;
}

function csvLabels(tp: TT<"countyCounters">, tc: TT<"counters">): TReportCsvLabels {
  return {
    title: tp("report.title"),
    range: tp("report.csv.range"),
    totals: tp("report.csv.totals"),
    poorVillages: tc("report.poorIncome"),
    byCounter: tc("report.byCounter"),
    byVenueType: tc("report.byVenueType"),
    byProduct: tc("report.byProduct"),
    byVillage: tc("report.byVillage"),
    sales: tc("report.sales"),
    quantity: tc("report.quantity"),
    amountYuan: tp("report.csv.amountYuan"),
    counterCode: tp("report.csv.counterCode"),
    counterName: tc("report.counter"),
    venueType: tc("report.venueType"),
    product: tc("report.product"),
    spec: tp("report.csv.spec"),
    unit: tp("report.csv.unit"),
    merchant: tc("report.merchant"),
    villageCode: tp("report.csv.villageCode"),
    village: tc("report.village"),
    township: tc("report.township"),
    poor: tc("report.poorTag"),
    villages: tc("report.poorVillages"),
    yes: tp("report.csv.yes"),
    no: tp("report.csv.no"),
    unknownVillage: tc("report.unknownVillage"),
    venueTypeName: (v) => tc(enumKey("venueTypes", v)),
  };
}

function SalesReport({ countyCode }: { countyCode: string }) {
  const tp = useT("countyCounters");
  const trpc = useTRPC();
  const tc = useT("counters");
  const [range, setRange] = useState<TDayRange>(() => {
    const today = shanghaiDay();
    return { from: monthStart(today), to: today };
  });
  const report = useQuery(trpc.listings.reports.sales.queryOptions({ countyCode, ...range }, { placeholderData: keepPreviousData }));
  const exportCsv = (r: TSalesReport) => downloadCsv(reportFileName(r), toCsv(reportCsvRows(r, csvLabels(tp, tc))));

  return (
    <section className="card">
      <div className="card-head">
        <h2 className="card-title">{tp("report.title")}</h2>
        <button
          type="button"
          className="btn"
          disabled={!report.data}
          onClick={() => report.data && exportCsv(report.data)}
          data-testid="report-export"
        >
          {tp("report.export")}
        </button>
      </div>
      <p className="muted small">{tp("report.lead")}</p>
      <DayRangeFilter value={range} onChange={setRange} testId="report-range" />
      <DataState query={report}>{(r) => <ReportView report={r} />}</DataState>
    </section>
  );
}
