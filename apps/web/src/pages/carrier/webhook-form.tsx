// A new webhook subscription: the receiver's URL and the event types, on the form kit. The server checks the URL (an
// http(s) address that resolves to public addresses only) and answers with the signing secret, shown once.
import { useController, useFormContext } from "react-hook-form";
import type { z } from "zod";
import { WEBHOOK_EVENT_TYPES, ZCreateWebhookSchema, type TWebhookEventType } from "@xiangda/domain";
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

// The server's own input schema (url, events).
const ZWebhookDraftSchema = ZCreateWebhookSchema;
type TWebhookDraft = z.input<typeof ZWebhookDraftSchema>;
export type TWebhookInput = z.output<typeof ZWebhookDraftSchema>;

/** "shipment.ready_for_pickup" → "ready_for_pickup", the key of its words. */
export const typeKey = (type: TWebhookEventType) =>
  type.slice("shipment.".length) as "created" | "scanned" | "ready_for_pickup" | "delivered" | "exception" | "returned";

export function WebhookForm({ mutation }: { mutation: TFormMutation<TWebhookInput> }) {
  const t = useT("carrier");
  const kit = useZodForm<TWebhookDraft, TWebhookInput>({
    schema: ZWebhookDraftSchema,
    defaultValues: { url: "", events: [...WEBHOOK_EVENT_TYPES] },
    fields: ["url", "events"],
    mutation,
  });
  return (
    <ZodForm kit={kit} prefix="webhook">
      <TextField name="url" label={t("webhooks.url")} mono placeholder="https://" autoCapitalize="none" spellCheck={false} />
      <EventChecks />
      <FormStatus />
      <div className="form-actions">
        <SubmitButton label={t("webhooks.create")} pendingLabel={t("webhooks.creating")} />
      </div>
    </ZodForm>
  );
}

function EventChecks() {
  const t = useT("carrier");
  const { prefix } = useFormKit();
  const { control } = useFormContext<TWebhookDraft>();
  const { field, fieldState } = useController({ name: "events", control });
  const chosen = new Set(field.value);
  const toggle = (type: TWebhookEventType, on: boolean) =>
    field.onChange(WEBHOOK_EVENT_TYPES.filter((x) => (x === type ? on : chosen.has(x))));
  return (
    <FormField id={`${prefix}-events`} label={t("webhooks.events")} error={fieldState.error?.message}>
      <div className="check-group check-group-plain">
        {WEBHOOK_EVENT_TYPES.map((type) => (
          <Check
            key={type}
            id={`${prefix}-event-${typeKey(type)}`}
            label={
              <>
                {t(`webhooks.types.${typeKey(type)}`)} <span className="mono muted small">{type}</span>
              </>
            }
            checked={chosen.has(type)}
            onChange={(on) => toggle(type, on)}
          />
        ))}
      </div>
    </FormField>
  );
}
