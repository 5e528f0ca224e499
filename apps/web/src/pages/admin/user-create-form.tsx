// Create a user; the scope field shown follows the chosen role. ADMIN any role and county; a county manager station
// staff of their own county's nodes. The node is picked by name or code, never pasted as an id.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ROLES, type TRole } from "@xiangda/domain";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useUser } from "../../auth/session-context.ts";
import { FormField } from "../../components/form-field.tsx";
import { readApiError } from "../../lib/api-error.ts";
import { useTRPC } from "../../lib/trpc.ts";
import { NodePicker } from "./node-picker.tsx";
import { useAdminT } from "./use-admin-t.ts";

const EMPTY = { username: "", password: "", displayName: "", countyCode: "", nodeId: "", merchantId: "" };
type TDraft = typeof EMPTY;

export function UserCreateForm() {
  const { t } = useTranslation();
  const ta = useAdminT();
  const trpc = useTRPC();
  const me = useUser();
  const isAdmin = me.role === "ADMIN";
  const roles = isAdmin ? ROLES : (["STATION_STAFF"] as const);
  const queryClient = useQueryClient();
  const counties = useQuery(trpc.county.list.queryOptions(undefined, { staleTime: 5 * 60_000, enabled: isAdmin }));
  const [draft, setDraft] = useState<TDraft>(EMPTY);
  // The county whose nodes the picker lists: a manager's own, or the one ADMIN chose.
  const [nodeCounty, setNodeCounty] = useState(isAdmin ? "" : (me.countyCode ?? ""));
  const [role, setRole] = useState<TRole>("STATION_STAFF");
  const [createdName, setCreatedName] = useState<string | null>(null);

  const create = useMutation(
    trpc.users.create.mutationOptions({
      onSuccess: async (user) => {
        setCreatedName(user.username);
        setDraft(EMPTY);
        await queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
      },
    }),
  );
  const err = create.error ? readApiError(create.error) : null;
  const fieldError = (field: keyof TDraft | "role") => err?.fieldErrors[field];
  const set = (field: keyof TDraft) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setCreatedName(null);
    const trimmed = (v: string) => v.trim() || undefined;
    create.mutate({
      username: draft.username.trim(),
      password: draft.password,
      displayName: draft.displayName.trim(),
      role,
      countyCode: role === "COUNTY_MANAGER" ? trimmed(draft.countyCode) : undefined,
      nodeId: role === "STATION_STAFF" ? trimmed(draft.nodeId) : undefined,
      merchantId: role === "MERCHANT" ? trimmed(draft.merchantId) : undefined,
    });
  }

  const summary = !err
    ? null
    : err.appCode === "CONFLICT"
      ? t("users.conflict")
      : Object.keys(err.fieldErrors).length > 0
        ? [t("common.checkFields"), ...err.formErrors].join(" ")
        : t("users.createFailed", { message: err.formErrors.join(" ") || err.message });

  return (
    <section className="card">
      <h2 className="card-title">{t("users.createTitle")}</h2>
      {summary ? (
        <div className="alert alert-error" role="alert" data-testid="user-create-error">
          {summary}
        </div>
      ) : null}
      {createdName ? (
        <div className="alert alert-success" role="status" data-testid="user-create-ok">
          {t("users.created", { username: createdName })}
        </div>
      ) : null}
      <form className="form" onSubmit={onSubmit} noValidate data-testid="user-create-form">
        <FormField id="new-username" label={t("users.username")} error={fieldError("username")}>
          <input id="new-username" autoComplete="off" value={draft.username} onChange={(e) => set("username")(e.target.value)} />
        </FormField>
        <FormField id="new-display-name" label={t("users.displayName")} error={fieldError("displayName")}>
          <input id="new-display-name" value={draft.displayName} onChange={(e) => set("displayName")(e.target.value)} />
        </FormField>
        <FormField id="new-password" label={t("users.password")} error={fieldError("password")}>
          <input
            id="new-password"
            type="password"
            autoComplete="new-password"
            value={draft.password}
            onChange={(e) => set("password")(e.target.value)}
          />
        </FormField>
        <FormField id="new-role" label={t("users.role")} error={fieldError("role")}>
          <select id="new-role" value={role} onChange={(e) => setRole(e.target.value as TRole)}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        </FormField>
        {role === "COUNTY_MANAGER" ? (
          <FormField id="new-county" label={t("users.countyCode")} error={fieldError("countyCode")}>
            <select id="new-county" value={draft.countyCode} onChange={(e) => set("countyCode")(e.target.value)}>
              <option value="">{t("common.none")}</option>
              {(counties.data ?? []).map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}（{c.code}）
                </option>
              ))}
            </select>
          </FormField>
        ) : null}
        {role === "STATION_STAFF" && isAdmin ? (
          <FormField id="new-node-county" label={ta("users.county")}>
            <select
              id="new-node-county"
              value={nodeCounty}
              onChange={(e) => {
                setNodeCounty(e.target.value);
                set("nodeId")("");
              }}
              data-testid="new-node-county"
            >
              <option value="">{t("common.none")}</option>
              {(counties.data ?? []).map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}（{c.code}）
                </option>
              ))}
            </select>
          </FormField>
        ) : null}
        {role === "STATION_STAFF" ? (
          <FormField id="new-node-id" label={ta("users.node")} error={fieldError("nodeId")}>
            <NodePicker
              id="new-node-id"
              countyCode={nodeCounty}
              value={draft.nodeId}
              onChange={set("nodeId")}
              invalid={Boolean(fieldError("nodeId"))}
            />
          </FormField>
        ) : null}
        {role === "MERCHANT" ? (
          <FormField id="new-merchant-id" label={t("users.merchantId")} error={fieldError("merchantId")}>
            <input id="new-merchant-id" className="mono" value={draft.merchantId} onChange={(e) => set("merchantId")(e.target.value)} />
          </FormField>
        ) : null}
        <button type="submit" className="btn btn-primary" disabled={create.isPending} data-testid="user-create-submit">
          {create.isPending ? t("users.creating") : t("users.create")}
        </button>
      </form>
    </section>
  );
}
