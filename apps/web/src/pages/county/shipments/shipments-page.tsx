// 运单: the county's shipments with filters (kept in the URL, so going back from a shipment keeps them),
// coloured lights, and keyset "load more".
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Link, useNavigate } from "react-router";
import { type TDataColumn } from "../../../components/data-table.tsx";
import { ListCard, SearchFilter } from "../../../components/list-card.tsx";
import { ParcelStateFilters } from "../../../components/parcel-filters.tsx";
import type { TDirection, TLight, TShipmentFilter, TShipmentRow, TShipmentStatus } from "../../../lib/shipments-api.ts";
import { formatDateTime, formatShortDateTime } from "../../../lib/time.ts";
import { useTRPC, useTRPCClient } from "../../../lib/trpc.ts";
import { useDebounced } from "../../../lib/use-debounced.ts";
import { pageItems, useKeysetList } from "../../../lib/use-keyset-list.ts";
import { useUrlParams } from "../../../lib/use-url-params.ts";
import { CountyScope } from "../county-scope.tsx";
import { NodeSelect } from "../network/node-select.tsx";
import { LightBadge, LightReason, ShipmentStatusPill } from "./shipment-bits.tsx";
import { DIRECTIONS, LIGHTS, SHIPMENT_STATUSES } from "@xiangda/domain";
import { useT } from "../../../i18n/use-t.ts";

const PAGE_SIZE = 50;

const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | undefined =>
  value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;

export function ShipmentsPage() {
  return <CountyScope>{(countyCode) => <ShipmentsView countyCode={countyCode} />}</CountyScope>;
}

function ShipmentsView({ countyCode }: { countyCode: string }) {
  const t = useT("shipments");
  const trpc = useTRPC();
  const client = useTRPCClient();
  const navigate = useNavigate();
  const { params, setParam } = useUrlParams();
  const status = pick<TShipmentStatus>(params.get("status"), SHIPMENT_STATUSES);
  const light = pick<TLight>(params.get("light"), LIGHTS);
  const direction = pick<TDirection>(params.get("direction"), DIRECTIONS);
  const carrierCode = params.get("carrier") || undefined;
  const nodeCode = params.get("node") || undefined;
  const [text, setText] = useState(params.get("q") ?? "");
  const q = useDebounced(text.trim(), 300);

  const filter: Omit<TShipmentFilter, "cursor"> = {
    countyCode,
    limit: PAGE_SIZE,
    ...(status ? { status } : {}),
    ...(light ? { light } : {}),
    ...(direction ? { direction } : {}),
    ...(carrierCode ? { carrierCode } : {}),
    ...(nodeCode ? { nodeCode } : {}),
    ...(q ? { q } : {}),
  };
  const list = useKeysetList(trpc.shipments.list.pathKey(), filter, (input, signal) => client.shipments.list.query(input, { signal }));
  const nodes = useQuery(trpc.network.nodes.list.queryOptions({ countyCode }, { staleTime: 5 * 60_000 }));

  // Keep the search box in the URL too, once it settles.
  const urlQ = params.get("q") ?? "";
  useEffect(() => {
    if (urlQ !== q) setParam("q", q);
  }, [q, urlQ]);

  const open = (waybillNo: string) => void navigate(`/county/shipments/${encodeURIComponent(waybillNo)}`);
  const columns = useShipmentColumns();

  return (
    <ListCard
      title={t("shipments.title")}
      filters={
        <>
          <ParcelStateFilters
            status={status}
            light={light}
            direction={direction}
            setParam={setParam}
            words={{
              allStatuses: t("shipments.allStatuses"),
              status: t("shipments.status"),
              allLights: t("shipments.allLights"),
              light: t("shipments.light"),
              allDirections: t("shipments.allDirections"),
              direction: t("shipments.direction"),
            }}
            testIdPrefix="shipments-filter"
          />
          <CarrierFilter value={carrierCode} onChange={(code) => setParam("carrier", code)} />
          <span className="filter-node" title={t("shipments.currentNode")}>
            <NodeSelect
              id="shipments-filter-node"
              value={nodeCode ?? ""}
              nodes={nodes.data ?? []}
              onChange={(code) => setParam("node", code)}
              emptyLabel={t("shipments.allNodes")}
              ariaLabel={t("shipments.currentNode")}
              testId="shipments-filter-node"
            />
          </span>
          <SearchFilter value={text} onChange={setText} placeholder={t("shipments.searchPlaceholder")} testId="shipments-filter-q" />
        </>
      }
      query={list}
      rows={pageItems}
      count={(count) => t("shipments.shown", { count })}
      table={{
        columns,
        rowKey: (r) => r.id,
        rowProps: (r) => ({ "data-testid": "shipment-row", "data-waybill": r.waybillNo, "data-carrier-waybill": r.carrierWaybillNo ?? "" }),
        // The waybill link handles its own clicks (and middle/ctrl clicks open a tab).
        onRowClick: (r) => open(r.waybillNo),
        className: "shipments-table",
        testId: "shipments-table",
      }}
      more={{
        pager: list,
        labels: { more: t("shipments.loadMore"), loading: t("shipments.loadingMore"), done: t("shipments.allLoaded") },
        testId: "shipments-more",
      }}
    />
  );
}

/** The list's columns: the waybill (a link), light, status, direction, where it is and goes, promise, recipient, created. */
function useShipmentColumns(): TDataColumn<TShipmentRow>[] {
  const t = useT("shipments");
  const tc = useT("common");
  const te = useT("enums");
  const none = <span className="muted">{tc("common.none")}</span>;
  return [
    {
      key: "waybillNo",
      header: t("shipments.waybillNo"),
      cell: (r) => (
        <>
          <Link className="mono waybill-link" to={`/county/shipments/${encodeURIComponent(r.waybillNo)}`} data-testid="shipment-link">
            {r.waybillNo}
          </Link>
          {r.carrierWaybillNo ? <div className="muted small mono">{r.carrierWaybillNo}</div> : null}
        </>
      ),
    },
    {
      key: "light",
      header: t("shipments.light"),
      cell: (r) => (
        <>
          <LightBadge light={r.light} title={r.lightReason ?? undefined} />
          {r.light !== "GREEN" && r.lightReason ? (
            <div className="muted small cell-note">
              <LightReason reason={r.lightReason} />
            </div>
          ) : null}
        </>
      ),
    },
    { key: "status", header: t("shipments.status"), cell: (r) => <ShipmentStatusPill status={r.status} /> },
    {
      key: "direction",
      header: t("shipments.direction"),
      cell: (r) => (
        <>
          {te(`directionShort.${r.direction}`)}
          {r.temp !== "AMBIENT" ? <div className="cold-tag small">{te(`temps.${r.temp}`)}</div> : null}
        </>
      ),
    },
    { key: "currentNode", header: t("shipments.currentNode"), className: "wrap-narrow", cell: (r) => r.currentNode ?? none },
    {
      key: "destination",
      header: t("shipments.destination"),
      className: "wrap-narrow",
      cell: (r) => (
        <>
          {r.destination ?? none}
          {r.selfPickup ? <div className="muted small">{t("shipments.selfPickup")}</div> : null}
        </>
      ),
    },
    {
      key: "promisedAt",
      header: t("shipments.promisedAt"),
      className: "nowrap",
      cellProps: (r) => ({ title: r.promisedAt ? formatDateTime(r.promisedAt) : undefined }),
      cell: (r) => (r.promisedAt ? formatShortDateTime(r.promisedAt) : none),
    },
    // An organisation's name is shown whole (not masked): it wraps, so the created column stays in view.
    {
      key: "recipient",
      header: t("shipments.recipient"),
      className: "wrap-narrow",
      cell: (r) => (
        <>
          {r.recipientName}
          <div className="muted small mono">{r.recipientPhone}</div>
        </>
      ),
    },
    {
      key: "createdAt",
      header: t("shipments.createdAt"),
      className: "nowrap muted small",
      cellProps: (r) => ({ title: formatDateTime(r.createdAt) }),
      cell: (r) => formatShortDateTime(r.createdAt),
    },
  ];
}

/** The carrier filter: every carrier, and the one in the address bar even before (or without) the list knowing it. */
function CarrierFilter({ value, onChange }: { value: string | undefined; onChange: (code: string) => void }) {
  const t = useT("shipments");
  const trpc = useTRPC();
  const carriers = useQuery(trpc.network.carriers.list.queryOptions(undefined, { staleTime: 5 * 60_000 }));
  return (
    <select
      value={value ?? ""}
      onChange={(e) => onChange(e.target.value)}
      aria-label={t("shipments.carrier")}
      data-testid="shipments-filter-carrier"
    >
      <option value="">{t("shipments.allCarriers")}</option>
      {value && !carriers.data?.some((c) => c.code === value) ? <option value={value}>{value}</option> : null}
      {(carriers.data ?? []).map((c) => (
        <option key={c.code} value={c.code}>
          {c.name}（{c.code}）
        </option>
      ))}
    </select>
  );
}
