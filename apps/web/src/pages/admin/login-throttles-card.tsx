// ADMIN: sign-in throttling now (blocked username + address pairs and addresses, delayed usernames), cleared per row.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { DataState } from "../../components/data-state.tsx";
import { DataTable, type TDataColumn } from "../../components/data-table.tsx";
import { readApiError } from "../../lib/api-error.ts";
import { formatDateTime } from "../../lib/time.ts";
import { useTRPC, type TRouterOutputs } from "../../lib/trpc.ts";
import { useT } from "../../i18n/use-t.ts";

type TThrottle = TRouterOutputs["users"]["loginThrottles"]["entries"][number];

export function LoginThrottlesCard() {
  const tc = useT("common");
  const t = useT("admin");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const throttles = useQuery(trpc.users.loginThrottles.queryOptions(undefined, { refetchInterval: 30_000 }));
  const [cleared, setCleared] = useState<number | null>(null);
  const clear = useMutation(
    trpc.users.clearLoginThrottle.mutationOptions({
      onSuccess: async (r) => {
        setCleared(r.cleared);
        await queryClient.invalidateQueries({ queryKey: trpc.users.loginThrottles.queryKey() });
      },
    }),
  );
  const limits = throttles.data?.limits;
  const columns: TDataColumn<TThrottle>[] = [
    { key: "kind", header: t("throttles.kind"), cell: (e) => t(`throttles.kind${e.kind}`) },
    { key: "username", header: t("throttles.username"), className: "mono", cell: (e) => e.username ?? tc("common.none") },
    { key: "ip", header: t("throttles.ip"), className: "mono", cell: (e) => e.ip ?? tc("common.none") },
    { key: "failures", header: t("throttles.failures"), cell: (e) => e.failures },
    {
      key: "state",
      header: t("throttles.state"),
      cell: (e) => (
        <span className={`status-pill ${e.state === "BLOCKED" ? "status-closed" : "status-suspended"}`}>
          {t(`throttles.state${e.state}`)}
        </span>
      ),
    },
    {
      key: "until",
      header: t("throttles.until"),
      className: "nowrap",
      cell: (e) => (e.until ? formatDateTime(e.until) : tc("common.none")),
    },
    {
      key: "resetsAt",
      header: t("throttles.resetsAt"),
      className: "nowrap",
      cell: (e) => (e.resetsAt ? formatDateTime(e.resetsAt) : tc("common.none")),
    },
    {
      key: "actions",
      header: tc("common.actions"),
      cell: (e) => (
        <button
          type="button"
          className="btn btn-small"
          disabled={clear.isPending}
          onClick={() => {
            setCleared(null);
            clear.mutate(e.kind === "IP" ? { ip: e.ip! } : { username: e.username! });
          }}
        >
          {clear.isPending ? t("throttles.clearing") : e.kind === "IP" ? t("throttles.clearIp") : t("throttles.clearUser")}
        </button>
      ),
    },
  ];

  return (
    <section className="card" data-testid="login-throttles">
      <h2 className="card-title">{t("throttles.title")}</h2>
      {limits ? (
        <p className="muted small">
          {t("throttles.lead", { perPair: limits.perPair, perIp: limits.perIp, minutes: limits.windowSeconds / 60 })}
        </p>
      ) : null}
      {clear.error ? (
        <div className="alert alert-error" role="alert">
          {t("throttles.clearFailed", { message: readApiError(clear.error).message })}
        </div>
      ) : null}
      {cleared !== null && !clear.error ? (
        <div className="alert alert-success" role="status" data-testid="login-throttles-cleared">
          {t("throttles.cleared", { count: cleared })}
        </div>
      ) : null}
      <DataState query={throttles} isEmpty={(d) => d.entries.length === 0}>
        {(d) => (
          <DataTable
            columns={columns}
            rows={d.entries}
            rowKey={(e) => `${e.kind}:${e.username ?? ""}:${e.ip ?? ""}`}
            testId="login-throttles-table"
            footer={d.truncated ? <p className="muted small">{t("throttles.truncated")}</p> : null}
          />
        )}
      </DataState>
    </section>
  );
}
