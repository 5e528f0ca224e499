// 销售: the merchant's sales on every counter (or one) over Asia/Shanghai days, and the same days' report of its own
// sales by counter, product and origin village.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { DataState } from "../../components/data-state.tsx";
import { useTRPC } from "../../lib/trpc.ts";
import { DayRangeFilter, lastDays, type TDayRange } from "../../components/counters/counter-bits.tsx";
import { ReportView } from "../../components/counters/report-view.tsx";
import { SalesTable } from "../../components/counters/sales-table.tsx";
import { CounterFilter, useMerchantCounters } from "./merchant-counters.tsx";
import { MerchantScope } from "./merchant-scope.tsx";
import { useT } from "../../i18n/use-t.ts";

export function MerchantSalesPage() {
  return <MerchantScope>{(merchantId) => <SalesView merchantId={merchantId} />}</MerchantScope>;
}

function SalesView({ merchantId }: { merchantId: string }) {
  const tp = useT("merchant");
  const trpc = useTRPC();
  const tc = useT("counters");
  const [range, setRange] = useState<TDayRange>(() => lastDays(7));
  const [counterId, setCounterId] = useState("");
  const listings = useQuery(trpc.listings.list.queryOptions({ merchantId }));
  const { counters } = useMerchantCounters(listings.data);
  const sales = useQuery(
    trpc.listings.sales.merchantList.queryOptions(
      { merchantId, ...range, counterId: counterId || undefined, limit: 200 },
      { placeholderData: keepPreviousData },
    ),
  );
  const report = useQuery(
    trpc.listings.reports.merchantSales.queryOptions({ merchantId, ...range }, { placeholderData: keepPreviousData }),
  );

  return (
    <>
      <section className="card">
        <h2 className="card-title">{tp("sales.title")}</h2>
        <DayRangeFilter value={range} onChange={setRange} testId="sales-range" />
        <div className="filters">
          <CounterFilter
            counters={counters}
            value={counterId}
            onChange={setCounterId}
            ariaLabel={tc("sales.counter")}
            testId="sales-filter-counter"
          />
        </div>
        <DataState query={sales}>{(data) => <SalesTable data={data} showCounter />}</DataState>
      </section>
      <section className="card">
        <h2 className="card-title">{tp("report.merchantTitle")}</h2>
        <DataState query={report}>{(r) => <ReportView report={r} />}</DataState>
      </section>
    </>
  );
}
