// A new API key: a label and the permissions (all by default), on the form kit. The answer holds the key, shown once.
import { z } from "zod";
import { API_SCOPES, ZApiScopeSchema, type TApiScope } from "@xiangda/domain";
import { CheckList, FormStatus, SubmitButton, TextField, useZodForm, ZodForm, type TFormMutation } from "../../components/form/index.ts";
import { useT } from "../../i18n/use-t.ts";

// The server's input of carrier.keys.create (label, scopes) over the domain's scopes.
const ZApiKeyDraftSchema = z.object({
  label: z.string().trim().max(60),
  scopes: z.array(ZApiScopeSchema).min(1),
});
type TApiKeyDraft = z.input<typeof ZApiKeyDraftSchema>;
export type TApiKeyInput = z.output<typeof ZApiKeyDraftSchema>;

/** A scope as the key of its words: its colon becomes "_" (a colon separates namespaces in i18next). */
export const scopeKey = (scope: TApiScope) =>
  scope.replace(":", "_") as "shipments_write" | "shipments_read" | "events_read" | "webhooks_manage";

export function ApiKeyForm({ mutation }: { mutation: TFormMutation<TApiKeyInput> }) {
  const t = useT("carrier");
  const kit = useZodForm<TApiKeyDraft, TApiKeyInput>({
    schema: ZApiKeyDraftSchema,
    defaultValues: { label: "", scopes: [...API_SCOPES] },
    fields: ["label", "scopes"],
    mutation,
  });
  return (
    <ZodForm kit={kit} prefix="api-key">
      <TextField name="label" label={t("keys.label")} />
      <CheckList
        name="scopes"
        label={t("keys.scopes")}
        options={API_SCOPES}
        optionKey={scopeKey}
        optionLabel={(scope) => (
          <>
            {t(`keys.scopeNames.${scopeKey(scope)}`)} <span className="mono muted small">{scope}</span>
          </>
        )}
      />
      <FormStatus />
      <div className="form-actions">
        <SubmitButton label={t("keys.create")} pendingLabel={t("keys.creating")} />
      </div>
    </ZodForm>
  );
}
