// The parcels announced to this node and not yet handed in: the announced-parcel desk's list, each row picking its
// waybill into the form.
import { useT } from "../../i18n/use-t.ts";
import { DataTable, type TDataColumn } from "../../components/data-table.tsx";
import { formatShortDateTime } from "../../lib/time.ts";
import type { TRouterOutputs } from "../../lib/trpc.ts";

export type TAwaitingParcel = TRouterOutputs["shipments"]["awaitingAcceptance"][number];

export function AnnouncedWaiting({ rows, onPick }: { rows: readonly TAwaitingParcel[] | undefined; onPick: (waybillNo: string) => void }) {
  const t = useT("station");
  const columns: TDataColumn<TAwaitingParcel>[] = [
    {
      key: "waybill",
      header: t("accept.announcedWaybill"),
      className: "mono",
      cell: (p) => (
        <>
          {p.waybillNo}
          {p.restockOrderNo ? <div className="muted small">{t("accept.waitingOrder", { no: p.restockOrderNo })}</div> : null}
        </>
      ),
    },
    {
      key: "sender",
      header: t("accept.waitingSender"),
      cell: (p) => (
        <>
          {p.senderName ?? "—"}
          {p.realNameOnRecord ? null : <div className="warn-text small">{t("accept.waitingNeedsId")}</div>}
        </>
      ),
    },
    { key: "contents", header: t("accept.contents"), cell: (p) => p.contentsCategory },
    { key: "weight", header: t("accept.weightKg"), num: true, cell: (p) => (p.weightG / 1000).toFixed(2) },
    { key: "since", header: t("accept.waitingSince"), className: "nowrap", cell: (p) => formatShortDateTime(p.announcedAt) },
    {
      key: "actions",
      header: t("accept.waitingPick"),
      headerHidden: true,
      cell: (p) => (
        <button type="button" className="btn btn-small" onClick={() => onPick(p.waybillNo)} data-testid="announced-pick">
          {t("accept.waitingPick")}
        </button>
      ),
    },
  ];
  return (
    <section className="card" data-testid="announced-waiting">
      <h2 className="card-title">{t("accept.waitingTitle", { count: rows?.length ?? 0 })}</h2>
      {rows && rows.length === 0 ? <p className="muted small">{t("accept.waitingEmpty")}</p> : null}
      {rows && rows.length > 0 ? (
        <DataTable
          columns={columns}
          rows={rows}
          rowKey={(p) => p.waybillNo}
          rowProps={(p) => ({ "data-testid": "announced-waiting-row", "data-waybill": p.waybillNo })}
          className="table-compact"
        />
      ) : null}
    </section>
  );
}
