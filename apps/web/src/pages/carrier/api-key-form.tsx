// A new API key: a label and the permissions (all by default), on the form kit. The answer holds the key, shown once.
import { useController, useFormContext } from "react-hook-form";
import { z } from "zod";
import { API_SCOPES, ZApiScopeSchema, type TApiScope } from "@xiangda/domain";
import {
  Check,
  FormStatus,
  SubmitButton,
  TextField,
  useFormKit,
  useZodForm,
  ZodForm,
  type TFormMutation,
} from "../../components/form/index.ts";
import { FormField } from "../../components/form-field.tsx";
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
      <ScopeChecks />
      <FormStatus />
      <div className="form-actions">
        <SubmitButton label={t("keys.create")} pendingLabel={t("keys.creating")} />
      </div>
    </ZodForm>
  );
}

function ScopeChecks() {
  const t = useT("carrier");
  const { prefix } = useFormKit();
  const { control } = useFormContext<TApiKeyDraft>();
  const { field, fieldState } = useController({ name: "scopes", control });
  const chosen = new Set(field.value);
  const toggle = (scope: TApiScope, on: boolean) => field.onChange(API_SCOPES.filter((x) => (x === scope ? on : chosen.has(x))));
  return (
    <FormField id={`${prefix}-scopes`} label={t("keys.scopes")} error={fieldState.error?.message}>
      <div className="check-group check-group-plain">
        {API_SCOPES.map((scope) => (
          <Check
            key={scope}
            id={`${prefix}-scope-${scopeKey(scope)}`}
            label={
              <>
                {t(`keys.scopeNames.${scopeKey(scope)}`)} <span className="mono muted small">{scope}</span>
              </>
            }
            checked={chosen.has(scope)}
            onChange={(on) => toggle(scope, on)}
          />
        ))}
      </div>
    </FormField>
  );
}
