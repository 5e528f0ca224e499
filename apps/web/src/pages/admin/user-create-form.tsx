// Create a user; the scope field shown follows the chosen role. ADMIN any role and county; a county manager station
// staff of their own county's nodes. The node (or a carrier user's organisation) is picked by name, never pasted as an id. The draft is checked
// with the shared ZCreateUserSchema before it is sent (the same words as the server's answer).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ROLES, ZCreateUserSchema, type TRole } from "@xiangda/domain";
import { useState } from "react";
import { z } from "zod";
import { useUser } from "../../auth/session-context.ts";
import { ENUMS, EnumSelect, FieldSlot, TextField, ZodForm, useZodForm } from "../../components/form/index.ts";
import { readApiError } from "../../lib/api-error.ts";
import { useTRPC } from "../../lib/trpc.ts";
import { ApiClientPicker } from "./api-client-picker.tsx";
import { NodePicker } from "./node-picker.tsx";
import { useT } from "../../i18n/use-t.ts";

const ZUserDraftSchema = z
  .object({
    username: z.string(),
    password: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    countyCode: z.string(),
    nodeId: z.string(),
    merchantId: z.string(),
    apiClientId: z.string(),
  })
  .transform((d) => {
    // Only the role's own scope field is sent, and only when filled in.
    const scope = <K extends "countyCode" | "nodeId" | "merchantId" | "apiClientId">(field: K, role: TRole) => {
      const value = d[field].trim();
      return d.role === role && value ? ({ [field]: value } as Record<K, string>) : {};
    };
    return {
      username: d.username.trim(),
      password: d.password,
      displayName: d.displayName.trim(),
      role: d.role,
      ...scope("countyCode", "COUNTY_MANAGER"),
      ...scope("nodeId", "STATION_STAFF"),
      ...scope("merchantId", "MERCHANT"),
      ...scope("apiClientId", "CARRIER_USER"),
    };
  })
  .pipe(ZCreateUserSchema);

const EMPTY = { username: "", password: "", displayName: "", countyCode: "", nodeId: "", merchantId: "", apiClientId: "" };
const FORM_FIELDS = ["username", "password", "displayName", "role", "countyCode", "nodeId", "merchantId", "apiClientId"] as const;

export function UserCreateForm() {
  const t = useT("admin");
  const tc = useT("common");
  const trpc = useTRPC();
  const me = useUser();
  const isAdmin = me.role === "ADMIN";
  const queryClient = useQueryClient();
  const counties = useQuery(trpc.county.list.queryOptions(undefined, { staleTime: 5 * 60_000, enabled: isAdmin }));
  // The county whose nodes (or API clients) the picker lists: a manager's own, or the one ADMIN chose.
  const [nodeCounty, setNodeCounty] = useState(isAdmin ? "" : (me.countyCode ?? ""));
  const [createdName, setCreatedName] = useState<string | null>(null);
  const create = useMutation(
    trpc.users.create.mutationOptions({
      onSuccess: async (user) => {
        setCreatedName(user.username);
        kit.form.reset({ ...EMPTY, role: kit.form.getValues("role") });
        await queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
      },
    }),
  );
  const kit = useZodForm({
    schema: ZUserDraftSchema,
    defaultValues: { ...EMPTY, role: "STATION_STAFF" },
    fields: FORM_FIELDS,
    mutation: create,
  });
  const role = kit.form.watch("role");
  const hasFieldErrors = Object.keys(kit.form.formState.errors).length > 0;

  const err = create.error ? readApiError(create.error) : null;
  const summary = err
    ? err.appCode === "CONFLICT"
      ? t("users.conflict")
      : Object.keys(err.fieldErrors).length > 0
        ? [tc("common.checkFields"), ...err.formErrors].join(" ")
        : t("users.createFailed", { message: err.formErrors.join(" ") || err.message })
    : hasFieldErrors
      ? tc("common.checkFields")
      : null;
  const countyOptions = (counties.data ?? []).map((c) => (
    <option key={c.code} value={c.code}>
      {c.name}（{c.code}）
    </option>
  ));

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
      <ZodForm kit={kit} prefix="new" testId="user-create-form">
        <TextField name="username" label={t("users.username")} autoComplete="off" />
        <TextField name="displayName" id="new-display-name" label={t("users.displayName")} />
        <TextField name="password" type="password" autoComplete="new-password" label={t("users.password")} />
        <EnumSelect name="role" label={t("users.role")} options={ENUMS.role} only={isAdmin ? ROLES : ["STATION_STAFF"]} />
        {role === "COUNTY_MANAGER" ? (
          <FieldSlot name="countyCode" id="new-county" label={t("users.countyCode")}>
            {({ id, value, onChange }) => (
              <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
                <option value="">{tc("common.none")}</option>
                {countyOptions}
              </select>
            )}
          </FieldSlot>
        ) : null}
        {(role === "STATION_STAFF" || role === "CARRIER_USER") && isAdmin ? (
          <div className="field">
            <label htmlFor="new-node-county">{t("users.county")}</label>
            <select
              id="new-node-county"
              value={nodeCounty}
              onChange={(e) => {
                setNodeCounty(e.target.value);
                kit.form.setValue("nodeId", "");
                kit.form.setValue("apiClientId", "");
              }}
              data-testid="new-node-county"
            >
              <option value="">{tc("common.none")}</option>
              {countyOptions}
            </select>
          </div>
        ) : null}
        {role === "STATION_STAFF" ? (
          <FieldSlot name="nodeId" id="new-node-id" label={t("users.node")}>
            {({ id, value, onChange, invalid }) => (
              <NodePicker id={id} countyCode={nodeCounty} value={value} onChange={onChange} invalid={invalid} />
            )}
          </FieldSlot>
        ) : null}
        {role === "CARRIER_USER" ? (
          <FieldSlot name="apiClientId" id="new-api-client" label={t("apiClient.label")}>
            {({ id, value, onChange, invalid }) => (
              <ApiClientPicker id={id} countyCode={nodeCounty} value={value} onChange={onChange} invalid={invalid} />
            )}
          </FieldSlot>
        ) : null}
        {role === "MERCHANT" ? <TextField name="merchantId" id="new-merchant-id" label={t("users.merchantId")} mono /> : null}
        <button type="submit" className="btn btn-primary" disabled={create.isPending} data-testid="user-create-submit">
          {create.isPending ? t("users.creating") : t("users.create")}
        </button>
      </ZodForm>
    </section>
  );
}
