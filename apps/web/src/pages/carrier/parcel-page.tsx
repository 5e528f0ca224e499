// One parcel of the organisation: status, light, masked recipient, its events from the feed in the standard codes
// (words in the user's language, the node and its tier) and the loads and vehicles it travelled on. Another
// organisation's parcel is "not found".
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import type { TDataColumn } from "../../components/data-table.tsx";
import { DataTable } from "../../components/data-table.tsx";
import { DetailHead, DetailPage, retryUnless } from "../../components/detail-page.tsx";
import { DetailList } from "../../components/detail-list.tsx";
import { TitledCard } from "../../components/titled-card.tsx";
import { useT } from "../../i18n/use-t.ts";
import { formatDateTime } from "../../lib/time.ts";
import { useTRPC } from "../../lib/trpc.ts";
import { LightBadge, ShipmentStatusPill } from "../county/shipments/shipment-bits.tsx";
import type { TParcel, TParcelEvent, TParcelLoad } from "./carrier-api.ts";
import { CarrierScope } from "./carrier-scope.tsx";

export function ParcelPage() {
  const { waybillNo = "" } = useParams();
  return <CarrierScope>{(clientId) => <ParcelView clientId={clientId} waybillNo={waybillNo} />}</CarrierScope>;
}

function ParcelView({ clientId, waybillNo }: { clientId: string; waybillNo: string }) {
  const t = useT("carrier");
  const trpc = useTRPC();
  const parcel = useQuery(trpc.carrier.parcel.queryOptions({ clientId, waybillNo }, { retry: retryUnless("NOT_FOUND", "FORBIDDEN") }));
  return (
    <DetailPage
      query={parcel}
      back={{ to: "/carrier/parcels", label: t("parcel.back"), testId: "carrier-parcel-back" }}
      notFound={{ text: t("parcel.notFound"), testId: "carrier-parcel-not-found" }}
    >
      {(p) => <ParcelDetail p={p} />}
    </DetailPage>
  );
}

function ParcelDetail({ p }: { p: TParcel }) {
  const t = useT("carrier");
  const tc = useT("common");
  const none = tc("common.none");
  const eventColumns = useEventColumns();
  const loadColumns = useLoadColumns();
  return (
    <>
      <section className="card">
        <DetailHead
          label={t("parcel.label")}
          code={p.waybillNo}
          testId="carrier-parcel-waybill"
          aside={
            <div>
              <ShipmentStatusPill status={p.status} /> <LightBadge light={p.light} />
            </div>
          }
        />
        <DetailList
          items={[
            { label: t("parcel.carrierWaybillNo"), value: p.carrierWaybillNo ?? none },
            { label: t("parcel.recipient"), value: `${p.recipientName} ${p.recipientPhone}` },
            { label: t("parcel.destination"), value: p.destination ?? none },
            { label: t("parcel.promisedAt"), value: p.promisedAt ? formatDateTime(p.promisedAt) : none },
            { label: t("parcel.createdAt"), value: formatDateTime(p.createdAt) },
          ]}
        />
      </section>
      <TitledCard id="carrier-parcel-events" title={t("parcel.eventsTitle")} testId="carrier-parcel-events">
        {p.events.length ? (
          <DataTable
            columns={eventColumns}
            rows={p.events}
            rowKey={(e) => `${e.seq ?? "-"}:${e.at}:${e.code}`}
            rowProps={(e) => ({ "data-testid": "carrier-event", "data-code": e.code })}
          />
        ) : (
          <p className="muted">{t("parcel.noEvents")}</p>
        )}
      </TitledCard>
      <TitledCard id="carrier-parcel-loads" title={t("parcel.loadsTitle")} testId="carrier-parcel-loads">
        {p.loads.length ? (
          <DataTable
            columns={loadColumns}
            rows={p.loads}
            rowKey={(l) => l.code}
            rowProps={(l) => ({ "data-testid": "carrier-parcel-load", "data-code": l.code })}
          />
        ) : (
          <p className="muted">{t("parcel.noLoads")}</p>
        )}
      </TitledCard>
    </>
  );
}

function useEventColumns(): TDataColumn<TParcelEvent>[] {
  const t = useT("carrier");
  const te = useT("enums");
  const { i18n } = useTranslation();
  const en = i18n.language.startsWith("en");
  return [
    { key: "at", header: t("parcel.at"), className: "nowrap", cell: (e) => formatDateTime(e.at) },
    { key: "event", header: t("parcel.event"), cell: (e) => (en ? e.en : e.zh) },
    { key: "code", header: t("parcel.code"), className: "mono small", cell: (e) => e.code },
    {
      key: "node",
      header: t("parcel.node"),
      className: "wrap-narrow",
      cell: (e) =>
        e.node ? (
          <>
            {e.node.name}
            <div className="muted small">
              <span className="mono">{e.node.code}</span> · {te(`tiers.${e.node.tier}`)}
            </div>
          </>
        ) : null,
    },
    { key: "seq", header: t("parcel.seq"), className: "mono muted small", cell: (e) => e.seq ?? t("parcel.pending") },
  ];
}

function useLoadColumns(): TDataColumn<TParcelLoad>[] {
  const t = useT("carrier");
  return [
    { key: "code", header: t("parcel.load"), className: "mono", cell: (l) => l.code },
    { key: "departAt", header: t("parcel.departAt"), className: "nowrap", cell: (l) => formatDateTime(l.departAt) },
    {
      key: "status",
      header: t("parcel.loadStatus"),
      cell: (l) => (
        <>
          {t(`loads.statuses.${l.status}`)}
          {l.itemStatus !== "ASSIGNED" ? <div className="muted small">{t(`loads.itemStatuses.${l.itemStatus}`)}</div> : null}
        </>
      ),
    },
    {
      key: "vehicle",
      header: t("parcel.vehicle"),
      cell: (l) => (l.vehicle ? `${l.vehicle.number} · ${l.vehicle.plate}` : <span className="muted">{t("parcel.noVehicle")}</span>),
    },
  ];
}
