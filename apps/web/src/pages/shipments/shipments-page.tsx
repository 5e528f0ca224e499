// 运单: the county's shipments with filters (kept in the URL, so going back from a shipment keeps them),
// coloured lights, and keyset "load more".
import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { DataState } from "../../components/data-state.tsx";
import { DataTable, type TDataColumn } from "../../components/data-table.tsx";
import type { TDirection, TLight, TShipmentFilter, TShipmentRow, TShipmentStatus } from "../../lib/shipments-api.ts";
import { formatDateTime, formatShortDateTime } from "../../lib/time.ts";
import { useTRPC, useTRPCClient } from "../../lib/trpc.ts";
import { useDebounced } from "../../lib/use-debounced.ts";
import { CountyScope } from "../county/county-scope.tsx";
import { NodeSelect } from "../network/node-select.tsx";
import { LightBadge, LightReason, ShipmentStatusPill } from "./shipment-bits.tsx";
import { DIRECTIONS, LIGHTS, SHIPMENT_STATUSES } from "./shipment-format.ts";

const PAGE_SIZE = 50;

const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | undefined =>
  value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;

export function ShipmentsPage() {
  return <CountyScope>{(countyCode) => <ShipmentsView countyCode={countyCode} />}</CountyScope>;
}

function ShipmentsView({ countyCode }: { countyCode: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const status = pick<TShipmentStatus>(params.get("status"), SHIPMENT_STATUSES);
  const light = pick<TLight>(params.get("light"), LIGHTS);
  const direction = pick<TDirection>(params.get("direction"), DIRECTIONS);
  const carrierCode = params.get("carrier") || undefined;
  const nodeCode = params.get("node") || undefined;
  const [text, setText] = useState(params.get("q") ?? "");
  const q = useDebounced(text.trim(), 300);

  // Built from the address bar, not from this render's params: two changes before a re-render must both stick.
  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(window.location.search);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

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
  // Keyset pages fetched by hand: tRPC's infiniteQueryOptions adds its own `direction` ("forward") to the input,
  // which collides with the list's direction filter (DOWN/UP) and fails validation.
  const list = useInfiniteQuery({
    queryKey: [...trpc.shipments.list.pathKey(), { input: filter, type: "infinite" }],
    queryFn: ({ pageParam, signal }) => client.shipments.list.query(pageParam ? { ...filter, cursor: pageParam } : filter, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
  const carriers = useQuery(trpc.network.carriers.list.queryOptions(undefined, { staleTime: 5 * 60_000 }));
  const nodes = useQuery(trpc.network.nodes.list.queryOptions({ countyCode }, { staleTime: 5 * 60_000 }));

  // Keep the search box in the URL too, once it settles.
  const urlQ = params.get("q") ?? "";
  useEffect(() => {
    if (urlQ !== q) setParam("q", q);
  }, [q, urlQ]);

  const open = (waybillNo: string) => void navigate(`/county/shipments/${encodeURIComponent(waybillNo)}`);
  const none = <span className="muted">{t("common.none")}</span>;
  const columns: TDataColumn<TShipmentRow>[] = [
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
          {t(`directionShort.${r.direction}`)}
          {r.temp !== "AMBIENT" ? <div className="cold-tag small">{t(`temps.${r.temp}`)}</div> : null}
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

  return (
    <section className="card">
      <div className="card-head">
        <h2 className="card-title">{t("shipments.title")}</h2>
      </div>
      <div className="filters">
        <select
          value={status ?? ""}
          onChange={(e) => setParam("status", e.target.value)}
          aria-label={t("shipments.status")}
          data-testid="shipments-filter-status"
        >
          <option value="">{t("shipments.allStatuses")}</option>
          {SHIPMENT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`shipmentStatus.${s}`)}
            </option>
          ))}
        </select>
        <select
          value={light ?? ""}
          onChange={(e) => setParam("light", e.target.value)}
          aria-label={t("shipments.light")}
          data-testid="shipments-filter-light"
        >
          <option value="">{t("shipments.allLights")}</option>
          {LIGHTS.map((l) => (
            <option key={l} value={l}>
              {t(`lights.${l}`)}
            </option>
          ))}
        </select>
        <select
          value={direction ?? ""}
          onChange={(e) => setParam("direction", e.target.value)}
          aria-label={t("shipments.direction")}
          data-testid="shipments-filter-direction"
        >
          <option value="">{t("shipments.allDirections")}</option>
          {DIRECTIONS.map((d) => (
            <option key={d} value={d}>
              {t(`directionShort.${d}`)}
            </option>
          ))}
        </select>
        <select
          value={carrierCode ?? ""}
          onChange={(e) => setParam("carrier", e.target.value)}
          aria-label={t("shipments.carrier")}
          data-testid="shipments-filter-carrier"
        >
          <option value="">{t("shipments.allCarriers")}</option>
          {carrierCode && !carriers.data?.some((c) => c.code === carrierCode) ? <option value={carrierCode}>{carrierCode}</option> : null}
          {(carriers.data ?? []).map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}（{c.code}）
            </option>
          ))}
        </select>
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
        <input
          type="search"
          className="filter-search"
          value={text}
          placeholder={t("shipments.searchPlaceholder")}
          aria-label={t("shipments.searchPlaceholder")}
          onChange={(e) => setText(e.target.value)}
          data-testid="shipments-filter-q"
        />
      </div>
      <DataState query={list} isEmpty={(data) => data.pages.every((p) => p.items.length === 0)}>
        {(data) => {
          const rows = data.pages.flatMap((p) => p.items);
          return (
            <>
              <p className="muted small" aria-live="polite">
                {t("shipments.shown", { count: rows.length })}
              </p>
              <DataTable
                columns={columns}
                rows={rows}
                rowKey={(r) => r.id}
                rowProps={(r) => ({
                  "data-testid": "shipment-row",
                  "data-waybill": r.waybillNo,
                  "data-carrier-waybill": r.carrierWaybillNo ?? "",
                })}
                // The waybill link handles its own clicks (and middle/ctrl clicks open a tab).
                onRowClick={(r) => open(r.waybillNo)}
                className="shipments-table"
                testId="shipments-table"
              />
              <div className="load-more">
                {list.hasNextPage ? (
                  <button
                    type="button"
                    className="btn"
                    onClick={() => void list.fetchNextPage()}
                    disabled={list.isFetchingNextPage}
                    data-testid="shipments-more"
                  >
                    {list.isFetchingNextPage ? t("shipments.loadingMore") : t("shipments.loadMore")}
                  </button>
                ) : (
                  <span className="muted small">{t("shipments.allLoaded")}</span>
                )}
              </div>
            </>
          );
        }}
      </DataState>
    </section>
  );
}
