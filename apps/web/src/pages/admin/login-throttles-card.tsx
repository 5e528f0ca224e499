// ADMIN: sign-in throttling now (blocked username + address pairs and addresses, delayed usernames), cleared per row.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DataState } from "../../components/data-state.tsx";
import { DataTable, type TDataColumn } from "../../components/data-table.tsx";
import { readApiError } from "../../lib/api-error.ts";
import { formatDateTime } from "../../lib/time.ts";
import { useTRPC, type TRouterOutputs } from "../../lib/trpc.ts";
import { useT } from "../../i18n/use-t.ts";

type TThrottle = TRouterOutputs["users"]["loginThrottles"]["entries"][number];

export function LoginThrottlesCard() {
  const { t } = useTranslation();
  const at = useT("admin");
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
    { key: "kind", header: at("throttles.kind"), cell: (e) => at(`throttles.kind${e.kind}`) },
    { key: "username", header: at("throttles.username"), className: "mono", cell: (e) => e.username ?? t("common.none") },
    { key: "ip", header: at("throttles.ip"), className: "mono", cell: (e) => e.ip ?? t("common.none") },
    { key: "failures", header: at("throttles.failures"), cell: (e) => e.failures },
    {
      key: "state",
      header: at("throttles.state"),
      cell: (e) => (
        <span className={`status-pill ${e.state === "BLOCKED" ? "status-closed" : "status-suspended"}`}>
          {at(`throttles.state${e.state}`)}
        </span>
      ),
    },
    {
      key: "until",
      header: at("throttles.until"),
      className: "nowrap",
      cell: (e) => (e.until ? formatDateTime(e.until) : t("common.none")),
    },
    {
      key: "resetsAt",
      header: at("throttles.resetsAt"),
      className: "nowrap",
      cell: (e) => (e.resetsAt ? formatDateTime(e.resetsAt) : t("common.none")),
    },
    {
      key: "actions",
      header: t("common.actions"),
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
          {clear.isPending ? at("throttles.clearing") : e.kind === "IP" ? at("throttles.clearIp") : at("throttles.clearUser")}
        </button>
      ),
    },
  ];

  return (
    <section className="card" data-testid="login-throttles">
      <h2 className="card-title">{at("throttles.title")}</h2>
      {limits ? (
        <p className="muted small">
          {at("throttles.lead", { perPair: limits.perPair, perIp: limits.perIp, minutes: limits.windowSeconds / 60 })}
        </p>
      ) : null}
      {clear.error ? (
        <div className="alert alert-error" role="alert">
          {at("throttles.clearFailed", { message: readApiError(clear.error).message })}
        </div>
      ) : null}
      {cleared !== null && !clear.error ? (
        <div className="alert alert-success" role="status" data-testid="login-throttles-cleared">
          {at("throttles.cleared", { count: cleared })}
        </div>
      ) : null}
      <DataState query={throttles} isEmpty={(d) => d.entries.length === 0}>
        {(d) => (
          <DataTable
            columns={columns}
            rows={d.entries}
            rowKey={(e) => `${e.kind}:${e.username ?? ""}:${e.ip ?? ""}`}
            testId="login-throttles-table"
            footer={d.truncated ? <p className="muted small">{at("throttles.truncated")}</p> : null}
          />
        )}
      </DataState>
    </section>
  );
}
