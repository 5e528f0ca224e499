// ADMIN: every user with role and scope, the form to add one, and sign-in throttling.
import { useQuery } from "@tanstack/react-query";
import type { TRole } from "@xiangda/domain";
import { useTranslation } from "react-i18next";
import { DataState } from "../../components/data-state.tsx";
import { shortId } from "../../lib/short-id.ts";
import { formatDateTime } from "../../lib/time.ts";
import { useTRPC } from "../../lib/trpc.ts";
import { LoginThrottlesCard } from "./login-throttles-card.tsx";
import { UserCreateForm } from "./user-create-form.tsx";

export function UsersPage() {
  const { t } = useTranslation();
  // What each role is bound to: a county, a node or a merchant (ids shortened, full on hover).
  const scopeOf = (u: { role: TRole; countyCode: string | null; nodeId: string | null; merchantId: string | null }) => {
    if (u.role === "ADMIN") return { label: t("header.allScopes"), full: undefined };
    const [kind, id] =
      u.role === "STATION_STAFF"
        ? [t("users.nodeId"), u.nodeId]
        : u.role === "MERCHANT"
          ? [t("users.merchantId"), u.merchantId]
          : [t("users.countyCode"), u.countyCode];
    if (!id) return { label: t("common.none"), full: undefined };
    return { label: `${kind} ${shortId(id)}`, full: `${kind} ${id}` };
  };
  const trpc = useTRPC();
  const users = useQuery(trpc.users.list.queryOptions({}));

  return (
    <div className="page page-split">
      <section className="card">
        <h2 className="card-title">{t("users.title")}</h2>
        <DataState query={users} isEmpty={(rows) => rows.length === 0}>
          {(rows) => (
            <div className="table-wrap">
              <table className="table" data-testid="users-table">
                <thead>
                  <tr>
                    <th>{t("users.username")}</th>
                    <th>{t("users.displayName")}</th>
                    <th>{t("users.role")}</th>
                    <th>{t("users.scope")}</th>
                    <th>{t("users.status")}</th>
                    <th>{t("users.createdAt")}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((u) => {
                    const scope = scopeOf(u);
                    return (
                      <tr key={u.id}>
                        <td className="mono">{u.username}</td>
                        <td>{u.displayName}</td>
                        <td>{t(`roles.${u.role}`)}</td>
                        <td title={scope.full}>{scope.label}</td>
                        <td>
                          <span className={`status-pill ${u.active ? "status-active" : "status-closed"}`}>
                            {u.active ? t("common.active") : t("common.inactive")}
                          </span>
                        </td>
                        <td className="nowrap">{formatDateTime(u.createdAt)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </DataState>
      </section>
      <UserCreateForm />
      <LoginThrottlesCard />
    </div>
  );
}
