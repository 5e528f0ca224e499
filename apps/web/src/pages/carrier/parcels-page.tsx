// The organisation's parcels in the county: filters kept in the URL (going back from a parcel keeps them), light and
// status, the recipient masked, keyset "load more".
import { useEffect, useState } from "react";
import { Link, useNavigate } from "react-router";
import { DIRECTIONS, LIGHTS, SHIPMENT_STATUSES } from "@xiangda/domain";
import type { TDataColumn } from "../../components/data-table.tsx";
import { ListCard, SearchFilter } from "../../components/list-card.tsx";
import { ParcelStateFilters } from "../../components/parcel-filters.tsx";
import { useT } from "../../i18n/use-t.ts";
import { formatDateTime, formatShortDateTime } from "../../lib/time.ts";
import { useTRPC, useTRPCClient } from "../../lib/trpc.ts";
import { useDebounced } from "../../lib/use-debounced.ts";
import { pageItems, useKeysetList } from "../../lib/use-keyset-list.ts";
import { useUrlParams } from "../../lib/use-url-params.ts";
import { LightBadge, ShipmentStatusPill } from "../county/shipments/shipment-bits.tsx";
import type { TParcelFilter, TParcelRow } from "./carrier-api.ts";
import { CarrierScope } from "./carrier-scope.tsx";

const PAGE_SIZE = 50;

const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | undefined =>
  value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;

export const parcelPath = (waybillNo: string) => `/carrier/parcels/${encodeURIComponent(waybillNo)}`;

export function ParcelsPage() {
  return <CarrierScope>{(clientId) => <ParcelsView clientId={clientId} />}</CarrierScope>;
}

function ParcelsView({ clientId }: { clientId: string }) {
  const t = useT("carrier");
  const trpc = useTRPC();
  const client = useTRPCClient();
  const navigate = useNavigate();
  const { params, setParam } = useUrlParams();
  const status = pick(params.get("status"), SHIPMENT_STATUSES);
  const light = pick(params.get("light"), LIGHTS);
  const direction = pick(params.get("direction"), DIRECTIONS);
  const [text, setText] = useState(params.get("q") ?? "");
  const q = useDebounced(text.trim(), 300);
  const urlQ = params.get("q") ?? "";
  useEffect(() => {
    if (urlQ !== q) setParam("q", q);
  }, [q, urlQ, setParam]);

  const filter: Omit<TParcelFilter, "cursor"> = {
    clientId,
    limit: PAGE_SIZE,
    ...(status ? { status } : {}),
    ...(light ? { light } : {}),
    ...(direction ? { direction } : {}),
    ...(q ? { q } : {}),
  };
  const list = useKeysetList(trpc.carrier.parcels.pathKey(), filter, (input, signal) => client.carrier.parcels.query(input, { signal }));

  return (
    <ListCard
      title={t("parcels.title")}
      testId="carrier-parcels"
      filters={
        <>
          <ParcelStateFilters
            status={status}
            light={light}
            direction={direction}
            setParam={setParam}
            words={{
              allStatuses: t("parcels.allStatuses"),
              status: t("parcels.status"),
              allLights: t("parcels.allLights"),
              light: t("parcels.light"),
              allDirections: t("parcels.allDirections"),
              direction: t("parcels.direction"),
            }}
            testIdPrefix="carrier-filter"
          />
          <SearchFilter value={text} onChange={setText} placeholder={t("parcels.search")} testId="carrier-filter-q" />
        </>
      }
      query={list}
      rows={pageItems}
      empty={t("parcels.empty")}
      count={(count) => t("parcels.shown", { count })}
      table={{
        columns: useParcelColumns(),
        rowKey: (r) => r.id,
        rowProps: (r) => ({ "data-testid": "carrier-parcel-row", "data-waybill": r.waybillNo }),
        onRowClick: (r) => void navigate(parcelPath(r.waybillNo)),
        testId: "carrier-parcels-table",
      }}
      more={{
        pager: list,
        labels: { more: t("parcels.more"), loading: t("parcels.loadingMore"), done: t("parcels.allLoaded") },
        testId: "carrier-parcels-more",
      }}
    />
  );
}

function useParcelColumns(): TDataColumn<TParcelRow>[] {
  const t = useT("carrier");
  const tc = useT("common");
  const te = useT("enums");
  const none = <span className="muted">{tc("common.none")}</span>;
  const time = (v: string | null) => (v ? formatShortDateTime(v) : none);
  return [
    {
      key: "waybillNo",
      header: t("parcels.waybillNo"),
      cell: (r) => (
        <>
          <Link className="mono waybill-link" to={parcelPath(r.waybillNo)} data-testid="carrier-parcel-link">
            {r.waybillNo}
          </Link>
          {r.carrierWaybillNo ? <div className="muted small mono">{r.carrierWaybillNo}</div> : null}
        </>
      ),
    },
    { key: "light", header: t("parcels.light"), cell: (r) => <LightBadge light={r.light} /> },
    { key: "status", header: t("parcels.status"), cell: (r) => <ShipmentStatusPill status={r.status} /> },
    { key: "direction", header: t("parcels.direction"), cell: (r) => te(`directionShort.${r.direction}`) },
    { key: "currentNode", header: t("parcels.currentNode"), className: "wrap-narrow", cell: (r) => r.currentNode ?? none },
    { key: "destination", header: t("parcels.destination"), className: "wrap-narrow", cell: (r) => r.destination ?? none },
    {
      key: "promisedAt",
      header: t("parcels.promisedAt"),
      className: "nowrap",
      cellProps: (r) => ({ title: r.promisedAt ? formatDateTime(r.promisedAt) : undefined }),
      cell: (r) => time(r.promisedAt),
    },
    {
      key: "recipient",
      header: t("parcels.recipient"),
      className: "wrap-narrow",
      cell: (r) => (
        <>
          {r.recipientName}
          <div className="muted small mono">{r.recipientPhone}</div>
        </>
      ),
    },
    { key: "lastScanAt", header: t("parcels.lastScanAt"), className: "nowrap muted small", cell: (r) => time(r.lastScanAt) },
    { key: "createdAt", header: t("parcels.createdAt"), className: "nowrap muted small", cell: (r) => formatShortDateTime(r.createdAt) },
  ];
}
