// ADMIN: the latest audit rows (who did what, when, with which outcome).
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { DataState } from "../../components/data-state.tsx";
import { shortId } from "../../lib/short-id.ts";
import { formatDateTime } from "../../lib/time.ts";
import { useTRPC } from "../../lib/trpc.ts";

export function AuditPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const audit = useQuery(trpc.audit.list.queryOptions({ limit: 100 }));

  return (
    <div className="page">
      <section className="card">
        <h2 className="card-title">{t("audit.title")}</h2>
        <DataState query={audit} isEmpty={(rows) => rows.length === 0}>
          {(rows) => (
            <div className="table-wrap">
              <table className="table" data-testid="audit-table">
                <thead>
                  <tr>
                    <th>{t("audit.at")}</th>
                    <th>{t("audit.user")}</th>
                    <th>{t("audit.action")}</th>
                    <th>{t("audit.target")}</th>
                    <th>{t("audit.outcome")}</th>
                    <th>{t("audit.requestId")}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.id}>
                      <td className="nowrap">{formatDateTime(row.at)}</td>
                      <td>
                        {row.username ?? t("common.none")}
                        {row.role ? <span className="muted small"> · {t(`roles.${row.role}`)}</span> : null}
                      </td>
                      <td className="mono">{row.action}</td>
                      <td className="mono">{row.target ?? t("common.none")}</td>
                      <td>
                        <span className={`status-pill ${row.outcome === "OK" ? "status-active" : "status-closed"}`}>{row.outcome}</span>
                      </td>
                      <td className="mono small" title={row.requestId ?? undefined}>
                        {row.requestId ? shortId(row.requestId) : t("common.none")}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </DataState>
      </section>
    </div>
  );
}
