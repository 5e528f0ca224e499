// Redelivery of every event of a time range (China time) to a webhook: the draft pipes into the server's own
// ZRedeliverSchema (the range's end after its start, at most MAX_REDELIVER events: the server says how many it queued).
import { ZRedeliverSchema, type TRedeliver } from "@xiangda/domain";
import { z } from "zod";
import { FormStatus, SubmitButton, TextField, useZodForm, ZodForm, type TFormMutation } from "../../components/form/index.ts";
import { useT } from "../../i18n/use-t.ts";
import { shanghaiWallClock, wallClockToIso } from "../../lib/time.ts";

const when = z
  .string()
  .trim()
  .min(1, "REQUIRED")
  .transform(
    (v, ctx) => wallClockToIso(v) ?? (ctx.addIssue({ code: "custom", message: "NOT_REAL_DATE_TIME", params: { value: v } }), z.NEVER),
  );

const ZRangeDraftSchema = z
  .object({ from: when, to: when })
  .transform((d): z.input<typeof ZRedeliverSchema> => d)
  .pipe(ZRedeliverSchema);
type TRangeDraft = z.input<typeof ZRangeDraftSchema>;

export function RedeliverRange({ mutation }: { mutation: TFormMutation<TRedeliver> }) {
  const t = useT("carrier");
  const now = Date.now();
  const kit = useZodForm<TRangeDraft, TRedeliver>({
    schema: ZRangeDraftSchema,
    // The last hour, to the end of this minute (the input holds whole minutes: "now" would leave out this minute's events).
    defaultValues: { from: shanghaiWallClock(new Date(now - 3_600_000)), to: shanghaiWallClock(new Date(now + 60_000)) },
    fields: ["from", "to"],
    mutation,
  });
  return (
    <ZodForm kit={kit} prefix="redeliver-range">
      <p className="muted small">{t("deliveries.rangeLead")}</p>
      <div className="form-row">
        <TextField name="from" label={t("deliveries.rangeFrom")} type="datetime-local" />
        <TextField name="to" label={t("deliveries.rangeTo")} type="datetime-local" />
      </div>
      <FormStatus />
      <div className="form-actions">
        <SubmitButton label={t("deliveries.rangeSubmit")} pendingLabel={t("deliveries.rangeSubmitting")} />
      </div>
    </ZodForm>
  );
}
