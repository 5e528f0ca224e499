// Users: every user with role and scope (ADMIN all, a manager their county's), the form to add one, deactivation and
// password reset on the rows the caller may manage, and, for ADMIN, sign-in throttling.
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useUser } from "../../auth/session-context.ts";
import { DataState } from "../../components/data-state.tsx";
import { DataTable, type TDataColumn } from "../../components/data-table.tsx";
import { formatDateTime } from "../../lib/time.ts";
import { useTRPC, type TRouterOutputs } from "../../lib/trpc.ts";
import { LoginThrottlesCard } from "./login-throttles-card.tsx";
import { ResetPasswordCard, UserActions, type TUserActionResult } from "./user-actions.tsx";
import { UserCreateForm } from "./user-create-form.tsx";
import { useT } from "../../i18n/use-t.ts";
import { ENUMS } from "../../components/form/enums.ts";

type TUserRow = TRouterOutputs["users"]["list"][number];

export function UsersPage() {
  const t = useT("admin");
  const tc = useT("common");
  const me = useUser();
  const trpc = useTRPC();
  const users = useQuery(trpc.users.list.queryOptions({}));
  const [result, setResult] = useState<TUserActionResult | null>(null);
  const [resetting, setResetting] = useState<{ id: string; username: string; active: boolean } | null>(null);
  // What each role is bound to: the station by name and code, a county by code; a merchant by its id.
  const scopeOf = (u: TUserRow) => {
    if (u.role === "ADMIN") return tc("header.allScopes");
    if (u.role === "STATION_STAFF") return u.node ? `${u.node.name}（${u.node.code}）` : tc("common.none");
    if (u.role === "MERCHANT") return u.merchantId ? `${t("users.merchantId")} ${u.merchantId.slice(0, 8)}` : tc("common.none");
    if (u.role === "CARRIER_USER") return u.apiClient ? `${u.apiClient.name}（${u.countyCode ?? ""}）` : tc("common.none");
    return u.countyCode ?? tc("common.none");
  };
  const columns: TDataColumn<TUserRow>[] = [
    { key: "username", header: t("users.username"), className: "mono", cell: (u) => u.username },
    { key: "displayName", header: t("users.displayName"), cell: (u) => u.displayName },
    { key: "role", header: t("users.role"), cell: (u) => ENUMS.role.label(u.role) },
    { key: "scope", header: t("users.scope"), cell: scopeOf },
    {
      key: "status",
      header: t("users.status"),
      cell: (u) => (
        <span className={`status-pill ${u.active ? "status-active" : "status-closed"}`}>
          {u.active ? tc("common.active") : tc("common.inactive")}
        </span>
      ),
    },
    { key: "createdAt", header: t("users.createdAt"), className: "nowrap", cell: (u) => formatDateTime(u.createdAt) },
    {
      key: "actions",
      header: t("users.actions"),
      cell: (u) =>
        u.manageable ? (
          <UserActions
            user={u}
            onResult={setResult}
            onReset={(x) => {
              setResult(null);
              setResetting(x);
            }}
          />
        ) : null,
    },
  ];

  return (
    // Stacked, not split: the table with its actions column takes the full width (at 1280 px a split clipped it).
    <div className="page">
      <section className="card">
        <h2 className="card-title">{t("users.title")}</h2>
        {me.role !== "ADMIN" ? <p className="muted small">{t("users.managerLead")}</p> : null}
        {result ? (
          <div
            className={`alert ${result.kind === "ok" ? "alert-success" : "alert-error"}`}
            role={result.kind === "ok" ? "status" : "alert"}
            data-testid="user-action-result"
          >
            {result.text}
            {result.kind === "ok" && result.password ? (
              <div>
                {t("users.generatedPassword")}{" "}
                <strong className="mono" data-testid="user-generated-password">
                  {result.password}
                </strong>
              </div>
            ) : null}
          </div>
        ) : null}
        <DataState query={users} isEmpty={(rows) => rows.length === 0}>
          {(rows) => (
            <DataTable
              columns={columns}
              rows={rows}
              rowKey={(u) => u.id}
              rowProps={(u) => ({ "data-testid": `user-row-${u.username}` })}
              testId="users-table"
            />
          )}
        </DataState>
      </section>
      {resetting ? (
        <ResetPasswordCard
          key={resetting.id}
          user={resetting}
          onCancel={() => setResetting(null)}
          onDone={(r) => {
            setResetting(null);
            setResult(r);
          }}
        />
      ) : null}
      <UserCreateForm />
      {me.role === "ADMIN" ? <LoginThrottlesCard /> : null}
    </div>
  );
}
