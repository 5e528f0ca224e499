// ADMIN: the latest audit rows (who did what, when, with which outcome).
import { useQuery } from "@tanstack/react-query";
import { DataState } from "../../components/data-state.tsx";
import { DataTable, type TDataColumn } from "../../components/data-table.tsx";
import { shortId } from "../../lib/short-id.ts";
import { formatDateTime } from "../../lib/time.ts";
import { useTRPC, type TRouterOutputs } from "../../lib/trpc.ts";
import { useT } from "../../i18n/use-t.ts";
import { ENUMS } from "../../components/form/enums.ts";

type TAuditRow = TRouterOutputs["audit"]["list"][number];

export function AuditPage() {
  const t = useT("admin");
  const tc = useT("common");
  const trpc = useTRPC();
  const audit = useQuery(trpc.audit.list.queryOptions({ limit: 100 }));
  const columns: TDataColumn<TAuditRow>[] = [
    { key: "at", header: t("audit.at"), className: "nowrap", cell: (row) => formatDateTime(row.at) },
    {
      key: "user",
      header: t("audit.user"),
      cell: (row) => (
        <>
          {row.username ?? tc("common.none")}
          {row.role ? <span className="muted small"> · {ENUMS.role.label(row.role)}</span> : null}
        </>
      ),
    },
    { key: "action", header: t("audit.action"), className: "mono", cell: (row) => row.action },
    { key: "target", header: t("audit.target"), className: "mono", cell: (row) => row.target ?? tc("common.none") },
    {
      key: "outcome",
      header: t("audit.outcome"),
      cell: (row) => <span className={`status-pill ${row.outcome === "OK" ? "status-active" : "status-closed"}`}>{row.outcome}</span>,
    },
    {
      key: "requestId",
      header: t("audit.requestId"),
      className: "mono small",
      cellProps: (row) => ({ title: row.requestId ?? undefined }),
      cell: (row) => (row.requestId ? shortId(row.requestId) : tc("common.none")),
    },
  ];

  return (
    <div className="page">
      <section className="card">
        <h2 className="card-title">{t("audit.title")}</h2>
        <DataState query={audit} isEmpty={(rows) => rows.length === 0}>
          {(rows) => <DataTable columns={columns} rows={rows} rowKey={(row) => row.id} testId="audit-table" />}
        </DataState>
      </section>
    </div>
  );
}
