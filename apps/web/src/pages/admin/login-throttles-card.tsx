// ADMIN: sign-in throttling now (blocked username + address pairs and addresses, delayed usernames), cleared per row.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DataState } from "../../components/data-state.tsx";
import { readApiError } from "../../lib/api-error.ts";
import { formatDateTime } from "../../lib/time.ts";
import { useTRPC } from "../../lib/trpc.ts";
import { useAdminT } from "./use-admin-t.ts";

export function LoginThrottlesCard() {
  const { t } = useTranslation();
  const at = useAdminT();
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
          <div className="table-wrap">
            <table className="table" data-testid="login-throttles-table">
              <thead>
                <tr>
                  <th>{at("throttles.kind")}</th>
                  <th>{at("throttles.username")}</th>
                  <th>{at("throttles.ip")}</th>
                  <th>{at("throttles.failures")}</th>
                  <th>{at("throttles.state")}</th>
                  <th>{at("throttles.until")}</th>
                  <th>{at("throttles.resetsAt")}</th>
                  <th>{t("common.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {d.entries.map((e) => (
                  <tr key={`${e.kind}:${e.username ?? ""}:${e.ip ?? ""}`}>
                    <td>{at(`throttles.kind${e.kind}`)}</td>
                    <td className="mono">{e.username ?? t("common.none")}</td>
                    <td className="mono">{e.ip ?? t("common.none")}</td>
                    <td>{e.failures}</td>
                    <td>
                      <span className={`status-pill ${e.state === "BLOCKED" ? "status-closed" : "status-suspended"}`}>
                        {at(`throttles.state${e.state}`)}
                      </span>
                    </td>
                    <td className="nowrap">{e.until ? formatDateTime(e.until) : t("common.none")}</td>
                    <td className="nowrap">{e.resetsAt ? formatDateTime(e.resetsAt) : t("common.none")}</td>
                    <td>
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
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {d.truncated ? <p className="muted small">{at("throttles.truncated")}</p> : null}
          </div>
        )}
      </DataState>
    </section>
  );
}
