// Restock orders of a merchant or a counter, newest first with "load more": lines, parcels with their status, traffic
// light and route, and the actions the side may take (the merchant confirms; a draft is cancelled by its maker's side).
import type { ReactNode } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { DataState } from "../data-state.tsx";
import { DataTable, type TDataColumn } from "../data-table.tsx";
import { LoadMore } from "../list-card.tsx";
import { routeErrorText } from "../../lib/route-error.ts";
import { formatDateTime, formatShortDateTime } from "../../lib/time.ts";
import { useTRPC, useTRPCClient } from "../../lib/trpc.ts";
import { pageItems, useKeysetList } from "../../lib/use-keyset-list.ts";
import { LegDiagram, LightBadge, LightReason, ShipmentStatusPill, useNow } from "../../pages/county/shipments/shipment-bits.tsx";
import type { TRestockOrder, TRestockParcel, TRestockStatus } from "./counters-api.ts";
import { ActionError } from "./counter-bits.tsx";
import { useT } from "../../i18n/use-t.ts";
import { enumKey } from "./counter-keys.ts";

const PAGE_SIZE = 20;
const STATUS_TONE: Record<TRestockStatus, string> = { DRAFT: "status-suspended", CONFIRMED: "status-active", CANCELLED: "status-muted" };

type TScope = { merchantId: string } | { counterId: string };

export function RestockOrders({ scope, side }: { scope: TScope; side: "MERCHANT" | "COUNTER" }) {
  const t = useT("counters");
  const trpc = useTRPC();
  const client = useTRPCClient();
  const list = useKeysetList(trpc.restock.list.pathKey(), { ...scope, limit: PAGE_SIZE }, (input, signal) =>
    client.restock.list.query(input, { signal }),
  );
  return (
    <DataState query={list} isEmpty={(d) => d.pages.every((p) => p.items.length === 0)}>
      {(data) => (
        <div className="restock-list" data-testid="restock-orders">
          {pageItems(data).map((o) => (
            <RestockOrderCard key={o.id} order={o} side={side} />
          ))}
          {/* Nothing is said once every order is shown. */}
          <LoadMore
            pager={list}
            labels={{ more: t("restock.loadMore"), loading: t("restock.loadingMore"), done: "" }}
            testId="restock-more"
          />
        </div>
      )}
    </DataState>
  );
}

function RestockOrderCard({ order: o, side }: { order: TRestockOrder; side: "MERCHANT" | "COUNTER" }) {
  const t = useT("counters");
  return (
    <article className="card restock-card" data-testid="restock-order" data-order={o.orderNo} data-status={o.status}>
      <div className="restock-head">
        <code className="mono restock-no">{o.orderNo}</code>
        <span className={`status-pill ${STATUS_TONE[o.status]}`} data-testid="restock-status">
          {t(enumKey("restockStatus", o.status))}
        </span>
        <span className="muted small">
          {t("restock.createdBy", { side: t(enumKey("sides", o.createdBy)), time: formatDateTime(o.createdAt) })}
        </span>
      </div>
      <p className="restock-parties">
        {side === "MERCHANT" ? (
          <>
            {t("restock.toCounter")} <strong>{o.counter.name}</strong>{" "}
            <span className="muted small">{t(enumKey("venueTypes", o.counter.venueType))}</span>
          </>
        ) : (
          <>
            {t("restock.fromMerchant")} <strong>{o.merchant.name}</strong>
          </>
        )}
        <span className="muted small"> · {t("restock.receivedAt", { node: o.recipient.receivedAt })}</span>
      </p>
      <ul className="restock-lines">
        {o.lines.map((l) => (
          <li key={l.id}>
            {l.productName}
            {l.spec ? <span className="muted"> · {l.spec}</span> : null} × <strong>{l.quantity}</strong> {l.unit}
            {l.batch ? <span className="muted small"> · {t("restock.batch", { no: l.batch.batchNo })}</span> : null}
            {l.receivedUnits > 0 ? (
              <span className="status-pill status-active small" data-testid="restock-line-received">
                {t("restock.lineReceived", { units: l.receivedUnits })}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      <p className="muted small">
        {t("restock.totals", { units: o.totals.units, kg: (o.totals.weightG / 1000).toFixed(2), parcels: o.totals.parcels })}
        {o.status === "CONFIRMED" ? (
          <span data-testid="restock-received" title={t("restock.stockedHint")}>
            {" · "}
            {t("restock.received", { received: o.totals.receivedUnits, units: o.totals.units })}
          </span>
        ) : null}
        {o.note ? ` · ${o.note}` : ""}
      </p>
      {o.shipments.length > 0 ? (
        <RestockParcels parcels={o.shipments} />
      ) : o.status === "CONFIRMED" ? (
        <p className="muted small">{t("restock.noParcels")}</p>
      ) : null}
      <RestockActions order={o} side={side} />
    </article>
  );
}

/** The order's parcels, each with its traffic light, status, place and route. */
function RestockParcels({ parcels }: { parcels: readonly TRestockParcel[] }) {
  const t = useT("counters");
  const now = useNow();
  const columns: TDataColumn<TRestockParcel>[] = [
    { key: "waybill", header: t("restock.waybill"), className: "mono", cell: (s) => s.waybillNo },
    {
      key: "light",
      header: t("restock.light"),
      cell: (s) => (
        <>
          <LightBadge light={s.light} title={s.lightReason ?? undefined} />
          {s.lightReason ? (
            <div className="muted small">
              <LightReason reason={s.lightReason} />
            </div>
          ) : null}
        </>
      ),
    },
    {
      key: "status",
      header: t("restock.status"),
      cell: (s) => (
        <>
          <ShipmentStatusPill status={s.status} />
          {s.routeError ? <div className="danger-text small">{routeErrorText(s.routeError)}</div> : null}
        </>
      ),
    },
    {
      key: "where",
      header: t("restock.where"),
      cell: (s) => (
        <>
          {s.currentNode ?? t("restock.notYet")}
          {s.destination ? <span className="muted small"> → {s.destination}</span> : null}
        </>
      ),
    },
    {
      key: "promised",
      header: t("restock.promised"),
      className: "nowrap",
      cell: (s) => (s.promisedAt ? formatShortDateTime(s.promisedAt) : t("restock.notYet")),
    },
    { key: "units", header: t("restock.units"), num: true, cell: (s) => s.units },
    {
      key: "stocked",
      header: t("restock.stocked"),
      headerTitle: t("restock.stockedHint"),
      className: "nowrap",
      cellProps: () => ({ "data-testid": "restock-parcel-stocked" }),
      cell: (s) => (s.stockedAt ? formatShortDateTime(s.stockedAt) : t("restock.notYet")),
    },
  ];
  return (
    <DataTable
      columns={columns}
      rows={parcels}
      rowKey={(s) => s.waybillNo}
      rowProps={(s) => ({ "data-testid": "restock-parcel", "data-waybill": s.waybillNo, "data-light": s.light })}
      rowAfter={(s) =>
        s.route.length > 0 ? (
          <tr className="restock-route-row" data-testid="restock-parcel-route" data-waybill={s.waybillNo}>
            <td colSpan={columns.length}>
              <LegDiagram legs={s.route} now={now} testId="restock-route" />
            </td>
          </tr>
        ) : null
      }
      className="table-compact"
      testId="restock-parcels"
    />
  );
}

/** What this side may do with a draft: the merchant confirms; a draft is cancelled by its maker's side (or the merchant). */
function RestockActions({ order: o, side }: { order: TRestockOrder; side: "MERCHANT" | "COUNTER" }) {
  const t = useT("counters");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.restock.pathKey() });
  const confirm = useMutation(trpc.restock.confirm.mutationOptions({ onSuccess: refresh }));
  const cancel = useMutation(trpc.restock.cancel.mutationOptions({ onSuccess: refresh }));
  const draft = o.status === "DRAFT";
  const canConfirm = draft && side === "MERCHANT";
  const canCancel = draft && (side === "MERCHANT" || o.createdBy === "COUNTER");
  const busy = confirm.isPending || cancel.isPending;
  return (
    <>
      <ActionError error={confirm.error ?? cancel.error} testId="restock-action-error" />
      {canConfirm || canCancel ? (
        <div className="form-actions">
          {canConfirm ? (
            <OrderButton primary busy={busy} onClick={() => confirm.mutate({ orderId: o.id })} testId="restock-confirm">
              {confirm.isPending ? t("restock.confirming") : t("restock.confirm")}
            </OrderButton>
          ) : null}
          {canCancel ? (
            <OrderButton busy={busy} onClick={() => cancel.mutate({ orderId: o.id })} testId="restock-cancel">
              {t("restock.cancel")}
            </OrderButton>
          ) : null}
        </div>
      ) : null}
    </>
  );
}

function OrderButton(props: { primary?: boolean; busy: boolean; onClick: () => void; testId: string; children: ReactNode }) {
  return (
    <button
      type="button"
      className={props.primary ? "btn btn-primary" : "btn"}
      disabled={props.busy}
      onClick={props.onClick}
      data-testid={props.testId}
    >
      {props.children}
    </button>
  );
}
