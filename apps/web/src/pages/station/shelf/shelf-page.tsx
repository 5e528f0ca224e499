// 待取件: the node's pickup shelf by slot and age; search by pickup code, the phone's last four, name or waybill; hand
// out one person's parcels at once (checked once, as the node's pickup check allows); resend a pickup notice; overdue
// parcels flagged for return. Phone-first: rows become cards under 640 px.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { DataState } from "../../../components/data-state.tsx";
import { DataTable, type TDataColumn } from "../../../components/data-table.tsx";
import { formatShortDateTime } from "../../../lib/time.ts";
import { useTRPC } from "../../../lib/trpc.ts";
import { useDebounced } from "../../../lib/use-debounced.ts";
import { HandOutPanel, type ShelfParcel } from "./hand-out-panel.tsx";
import { ShelfGate } from "./shelf-gate.tsx";
import { ShelfError } from "./shelf-error.tsx";
import "./shelf.css";
import { useT } from "../../../i18n/use-t.ts";

export function ShelfListPage() {
  return <ShelfGate path="/station/shelf">{(nodeId) => <ShelfList nodeId={nodeId} />}</ShelfGate>;
}

function ShelfList({ nodeId }: { nodeId: string }) {
  const t = useT("shelf");
  const trpc = useTRPC();
  const [q, setQ] = useState("");
  const [overdueOnly, setOverdueOnly] = useState(false);
  const query = useDebounced(q.trim(), 250);
  const list = useQuery(
    trpc.shelf.list.queryOptions({ nodeId, q: query || undefined, overdueOnly: overdueOnly || undefined }, { refetchInterval: 30_000 }),
  );
  // The chosen parcels themselves, not their numbers: the panel keeps showing them (and the hand-out's result) after
  // the list, refreshed, no longer has them.
  const [chosen, setChosen] = useState<ShelfParcel[]>([]);
  const selected = chosen.map((p) => p.waybillNo);
  const parcels = useMemo(() => list.data?.parcels ?? [], [list.data]);
  const onePerson = parcels.length > 0 && parcels.every((p) => p.personKey === parcels[0]!.personKey);

  function toggle(p: ShelfParcel) {
    setChosen((cur) => {
      if (cur.some((x) => x.waybillNo === p.waybillNo)) return cur.filter((x) => x.waybillNo !== p.waybillNo);
      // One person at a time: a parcel of someone else starts a new selection.
      return cur.every((x) => x.personKey === p.personKey) ? [...cur, p] : [p];
    });
  }

  return (
    <div className="page shelf-page">
      <section className="card">
        <h1 className="card-title">{t("list.title")}</h1>
        <p className="page-lead muted">{t("list.lead")}</p>
        <div className="shelf-toolbar">
          <label className="sr-only" htmlFor="shelf-q">
            {t("list.search")}
          </label>
          <input
            id="shelf-q"
            type="search"
            className="shelf-search"
            inputMode="search"
            autoComplete="off"
            placeholder={t("list.searchPlaceholder")}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            data-testid="shelf-search"
          />
          <label className="shelf-check">
            <input
              type="checkbox"
              checked={overdueOnly}
              onChange={(e) => setOverdueOnly(e.target.checked)}
              data-testid="shelf-overdue-only"
            />{" "}
            {t("list.overdueOnly")}
          </label>
        </div>
        <DataState query={list}>
          {(data) => (
            <>
              <p className="muted small" data-testid="shelf-summary">
                {t("list.summary", { total: data.total, overdue: data.overdue, days: data.holdDays })}
              </p>
              {data.parcels.length === 0 ? (
                <p className="muted" data-testid="shelf-empty">
                  {query ? t("list.noMatch", { q: query }) : t("list.empty")}
                </p>
              ) : (
                <>
                  <div className="shelf-select-bar">
                    <button
                      type="button"
                      className="btn btn-small"
                      disabled={!onePerson}
                      onClick={() => setChosen(data.parcels)}
                      data-testid="shelf-select-all"
                    >
                      {t("list.selectAll")}
                    </button>
                    {selected.length ? (
                      <button type="button" className="btn btn-small btn-ghost" onClick={() => setChosen([])}>
                        {t("list.clear")}
                      </button>
                    ) : null}
                  </div>
                  <ShelfTable nodeId={nodeId} parcels={data.parcels} selected={selected} onToggle={toggle} />
                </>
              )}
            </>
          )}
        </DataState>
      </section>
      {chosen.length ? (
        <HandOutPanel
          key={chosen.map((p) => p.waybillNo).join(",")}
          nodeId={nodeId}
          parcels={chosen}
          pickupCheck={list.data?.pickupCheck ?? "CODE_OR_PHONE"}
          query={query}
          onDone={() => setChosen([])}
        />
      ) : null}
    </div>
  );
}

function ShelfTable(props: { nodeId: string; parcels: ShelfParcel[]; selected: string[]; onToggle: (p: ShelfParcel) => void }) {
  const t = useT("shelf");
  const on = (p: ShelfParcel) => props.selected.includes(p.waybillNo);
  const columns: TDataColumn<ShelfParcel>[] = [
    {
      key: "check",
      header: t("list.select"),
      headerHidden: true,
      className: "shelf-cell-check",
      cell: (p) => (
        <input
          type="checkbox"
          checked={on(p)}
          onChange={() => props.onToggle(p)}
          aria-label={`${t("list.select")} ${p.waybillNo}`}
          data-testid="shelf-row-check"
        />
      ),
    },
    {
      key: "slot",
      header: t("list.slot"),
      className: "shelf-slot mono",
      cellProps: () => ({ "data-testid": "shelf-row-slot" }),
      cell: (p) => p.slot ?? "—",
    },
    {
      key: "recipient",
      header: t("list.recipient"),
      cell: (p) => (
        <>
          {p.recipientName} <span className="mono muted">{p.recipientPhone}</span>
        </>
      ),
    },
    {
      key: "waybill",
      header: t("list.waybill"),
      className: "mono small",
      cell: (p) => (
        <>
          {p.waybillNo}
          {p.carrierWaybillNo ? <div className="muted">{p.carrierWaybillNo}</div> : null}
        </>
      ),
    },
    {
      key: "age",
      header: t("list.age"),
      className: "nowrap",
      cell: (p) => (
        <>
          <span title={p.readyAt ? formatShortDateTime(p.readyAt) : undefined}>
            {p.ageDays ? t("list.ageDays", { count: p.ageDays }) : t("list.ageToday")}
          </span>
          {p.overdue ? <span className="shelf-badge shelf-badge-danger">{t("list.overdue")}</span> : null}
          {p.returnFlaggedAt ? <span className="shelf-badge">{t("list.returnFlagged")}</span> : null}
        </>
      ),
    },
    { key: "actions", header: t("list.actions"), cell: (p) => <ResendButton nodeId={props.nodeId} waybillNo={p.waybillNo} /> },
  ];
  return (
    <DataTable
      columns={columns}
      rows={props.parcels}
      rowKey={(p) => p.waybillNo}
      rowProps={(p) => ({
        className: `${on(p) ? "shelf-row-on" : ""}${p.overdue ? " shelf-row-overdue" : ""}`.trim() || undefined,
        "data-testid": "shelf-row",
        "data-waybill": p.waybillNo,
        "data-overdue": p.overdue,
      })}
      className="shelf-table"
      testId="shelf-table"
    />
  );
}

function ResendButton({ nodeId, waybillNo }: { nodeId: string; waybillNo: string }) {
  const t = useT("shelf");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // One id per press: a retry after a lost answer is the same resend.
  const [clientId, setClientId] = useState(() => crypto.randomUUID());
  const resend = useMutation(
    trpc.shelf.resendNotice.mutationOptions({
      retry: 2,
      onSettled: () => void queryClient.invalidateQueries({ queryKey: trpc.shelf.list.pathKey() }),
    }),
  );
  return (
    <span className="shelf-resend">
      <button
        type="button"
        className="btn btn-small"
        disabled={resend.isPending}
        onClick={() =>
          resend.mutate(
            { nodeId, clientId, waybillNo },
            { onSuccess: () => setClientId(crypto.randomUUID()), onError: () => setClientId(crypto.randomUUID()) },
          )
        }
        data-testid="shelf-resend"
      >
        {t("list.resend")}
      </button>
      {resend.isSuccess ? (
        <span className="small shelf-ok" role="status">
          {t("list.resent")}
        </span>
      ) : null}
      <ShelfError error={resend.error} inline />
    </span>
  );
}
