// A new API client of the county on the form kit: a carrier picked from the network's carriers (its name by default),
// or a platform / merchant system by its name. The draft pipes into the server's own input schema (ZCreateApiClientSchema).
import { useQuery } from "@tanstack/react-query";
import { z } from "zod";
import { API_CLIENT_KINDS, ZCreateApiClientSchema } from "@xiangda/domain";
import { DataState } from "../../../components/data-state.tsx";
import {
  defineEnum,
  EnumSelect,
  FieldSlot,
  FormStatus,
  SubmitButton,
  TextField,
  useZodForm,
  ZodForm,
  type TFormMutation,
} from "../../../components/form/index.ts";
import { useT } from "../../../i18n/use-t.ts";
import { useTRPC, type TRouterInputs } from "../../../lib/trpc.ts";

export type TApiClientInput = Omit<TRouterInputs["apiClients"]["create"], "countyCode">;

const ZApiClientDraftSchema = z
  .object({ kind: z.enum(API_CLIENT_KINDS), carrierCode: z.string(), name: z.string() })
  .transform((d) => {
    // Only the kind's own fields are sent, and only when filled in.
    const name = d.name.trim();
    const carrierCode = d.kind === "CARRIER" ? d.carrierCode.trim() : "";
    return { kind: d.kind, ...(carrierCode ? { carrierCode } : {}), ...(name ? { name } : {}) };
  })
  .pipe(ZCreateApiClientSchema);
type TApiClientDraft = z.input<typeof ZApiClientDraftSchema>;

const FORM_FIELDS = ["kind", "carrierCode", "name"] as const;

export function ApiClientForm({ mutation }: { mutation: TFormMutation<TApiClientInput> }) {
  const t = useT("apiClients");
  const kit = useZodForm<TApiClientDraft, TApiClientInput>({
    schema: ZApiClientDraftSchema,
    defaultValues: { kind: "CARRIER", carrierCode: "", name: "" },
    fields: FORM_FIELDS,
    mutation,
  });
  const kind = kit.form.watch("kind");
  const kinds = defineEnum(API_CLIENT_KINDS, (v) => t(`kinds.${v}`));
  return (
    <ZodForm kit={kit} prefix="api-client">
      <EnumSelect name="kind" label={t("form.kind")} options={kinds} />
      {kind === "CARRIER" ? <CarrierField /> : null}
      <TextField name="name" label={t("form.name")} hint={kind === "CARRIER" ? t("form.carrierNameHint") : t("form.platformNameHint")} />
      <FormStatus />
      <div className="form-actions">
        <SubmitButton label={t("form.create")} pendingLabel={t("form.creating")} />
      </div>
    </ZodForm>
  );
}

/** The carrier, from the network's carriers (blacklisted ones shown, not picked). */
function CarrierField() {
  const t = useT("apiClients");
  const tc = useT("common");
  const trpc = useTRPC();
  const carriers = useQuery(trpc.network.carriers.list.queryOptions(undefined, { staleTime: 5 * 60_000 }));
  return (
    <DataState query={carriers}>
      {(list) => (
        <FieldSlot name="carrierCode" label={t("form.carrier")}>
          {({ id, value, onChange, invalid }) => (
            <select id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={invalid} data-testid={id}>
              <option value="">{tc("form.choose")}</option>
              {list.map((c) => (
                <option key={c.code} value={c.code} disabled={c.blacklisted}>
                  {c.name}（{c.code}）{c.blacklisted ? ` · ${t("form.blacklisted")}` : ""}
                </option>
              ))}
            </select>
          )}
        </FieldSlot>
      )}
    </DataState>
  );
}
