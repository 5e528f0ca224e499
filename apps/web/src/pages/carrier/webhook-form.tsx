// A new webhook subscription: the receiver's URL and the event types, on the form kit. The server checks the URL (an
// http(s) address that resolves to public addresses only) and answers with the signing secret, shown once.
import type { z } from "zod";
import { WEBHOOK_EVENT_TYPES, ZCreateWebhookSchema, type TWebhookEventType } from "@xiangda/domain";
import { CheckList, FormStatus, SubmitButton, TextField, useZodForm, ZodForm, type TFormMutation } from "../../components/form/index.ts";
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
      <CheckList
        name="events"
        label={t("webhooks.events")}
        options={WEBHOOK_EVENT_TYPES}
        optionKey={typeKey}
        optionLabel={(type) => (
          <>
            {t(`webhooks.types.${typeKey(type)}`)} <span className="mono muted small">{type}</span>
          </>
        )}
      />
      <FormStatus />
      <div className="form-actions">
        <SubmitButton label={t("webhooks.create")} pendingLabel={t("webhooks.creating")} />
      </div>
    </ZodForm>
  );
}
