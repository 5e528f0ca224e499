// The loads that carried the organisation's parcels on a day (Asia/Shanghai departures): route, times, status, how
// many of its parcels and on which vehicles. Nothing of other organisations' parcels on the same loads.
import { useQuery } from "@tanstack/react-query";
import type { TDataColumn } from "../../components/data-table.tsx";
import { ListCard } from "../../components/list-card.tsx";
import { useT } from "../../i18n/use-t.ts";
import { formatDateTime, formatShortDateTime } from "../../lib/time.ts";
import { useTRPC } from "../../lib/trpc.ts";
import type { TLoadRow } from "./carrier-api.ts";
import { CarrierScope, DayPicker, useDayParam } from "./carrier-scope.tsx";

export function LoadsPage() {
  return <CarrierScope>{(clientId) => <LoadsView clientId={clientId} />}</CarrierScope>;
}

function LoadsView({ clientId }: { clientId: string }) {
  const t = useT("carrier");
  const trpc = useTRPC();
  const [day, setDay] = useDayParam();
  const loads = useQuery(trpc.carrier.loads.queryOptions({ clientId, day }));
  return (
    <ListCard
      title={t("loads.title")}
      testId="carrier-loads"
      filters={<DayPicker day={day} onChange={setDay} label={t("loads.day")} testId="carrier-loads-day" />}
      query={loads}
      rows={(data) => data}
      empty={t("loads.empty")}
      table={{
        columns: useLoadColumns(),
        rowKey: (l) => l.code,
        rowProps: (l) => ({ "data-testid": "carrier-load-row", "data-code": l.code }),
        testId: "carrier-loads-table",
      }}
    />
  );
}

function useLoadColumns(): TDataColumn<TLoadRow>[] {
  const t = useT("carrier");
  const tc = useT("common");
  const none = <span className="muted">{tc("common.none")}</span>;
  const time = (v: string | null) => (v ? formatShortDateTime(v) : none);
  return [
    {
      key: "code",
      header: t("loads.code"),
      cell: (l) => (
        <>
          <span className="mono">{l.code}</span>
          {l.milkRun ? <div className="muted small">{t("loads.milkRun")}</div> : null}
        </>
      ),
    },
    { key: "route", header: t("loads.route"), className: "wrap-narrow", cell: (l) => [l.from, l.to].filter(Boolean).join(" → ") },
    {
      key: "departAt",
      header: t("loads.departAt"),
      className: "nowrap",
      cellProps: (l) => ({ title: formatDateTime(l.departAt) }),
      cell: (l) => formatShortDateTime(l.departAt),
    },
    { key: "departedAt", header: t("loads.departedAt"), className: "nowrap", cell: (l) => time(l.departedAt) },
    { key: "arrivedAt", header: t("loads.arrivedAt"), className: "nowrap", cell: (l) => time(l.arrivedAt) },
    { key: "status", header: t("loads.status"), cell: (l) => t(`loads.statuses.${l.status}`) },
    { key: "parcels", header: t("loads.parcels"), num: true, cell: (l) => l.parcels },
    {
      key: "vehicles",
      header: t("loads.vehicles"),
      cellProps: () => ({ "data-testid": "carrier-load-vehicles" }),
      cell: (l) => (l.vehicles.length ? l.vehicles.map((v) => `${v.number} · ${v.plate}（${v.parcels}）`).join("、") : none),
    },
  ];
}
