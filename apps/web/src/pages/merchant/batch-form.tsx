// A new production batch: number, production day, quantity and origin village (the merchant's own unless another
// village code of the county is given; merchants cannot list the county's villages, see the report of issue #7).
import { shanghaiDay } from "../../lib/time.ts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { ErrorSummary, FieldSlot, NumberField, SubmitButton, TextField, ZodForm, useZodForm } from "../../components/form/index.ts";
import { countText, requiredText } from "../../components/counters/listing-drafts.ts";
import { withFixed } from "../../components/edit-form.tsx";
import { useTRPC } from "../../lib/trpc.ts";
import { useT } from "../../i18n/use-t.ts";

const FIELDS = ["batchNo", "producedOn", "quantity", "originAreaCode", "productId"] as const;

/** Draft → what batches.create takes besides the merchant and product: the form checks only what it can know. */
const ZBatchDraftSchema = z
  .object({ batchNo: requiredText(), producedOn: requiredText(), quantity: countText(), originAreaCode: z.string() })
  .transform(({ originAreaCode, ...d }) => ({ ...d, ...(originAreaCode.trim() ? { originAreaCode: originAreaCode.trim() } : {}) }));

export function BatchForm({ merchantId, productId }: { merchantId: string; productId: string }) {
  const tp = useT("merchant");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const merchant = useQuery(trpc.catalog.merchants.get.queryOptions({ merchantId }, { staleTime: 5 * 60_000 }));
  const create = useMutation(
    trpc.catalog.batches.create.mutationOptions({
      onSuccess: () => {
        kit.form.resetField("batchNo", { defaultValue: "" });
        kit.form.resetField("quantity", { defaultValue: "" });
        void queryClient.invalidateQueries(trpc.catalog.batches.list.pathFilter());
      },
    }),
  );
  const kit = useZodForm({
    schema: ZBatchDraftSchema,
    defaultValues: { batchNo: "", producedOn: shanghaiDay(), quantity: "", originAreaCode: "" },
    fields: FIELDS,
    mutation: withFixed(create, { merchantId, productId }),
  });

  const home = merchant.data?.originAreaName ?? merchant.data?.originAreaCode;
  return (
    <ZodForm kit={kit} prefix="batch" testId="batch-form">
      <ErrorSummary error={create.error} fields={FIELDS} testId="batch-form-error" />
      {create.isSuccess ? (
        <div className="alert alert-success" role="status" data-testid="batch-form-ok">
          {tp("batches.created", { no: create.data.batchNo, code: create.data.traceCode })}
        </div>
      ) : null}
      <div className="form-grid">
        <TextField name="batchNo" id="batch-no" label={tp("batches.batchNo")} mono placeholder="2026-11-A" />
        <FieldSlot name="producedOn" label={tp("batches.producedOn")}>
          {(f) => (
            <input
              id={f.id}
              type="date"
              max={shanghaiDay()}
              value={f.value}
              onChange={(e) => f.onChange(e.target.value)}
              data-testid={f.id}
            />
          )}
        </FieldSlot>
        <NumberField name="quantity" label={tp("batches.quantity")} />
        <TextField
          name="originAreaCode"
          id="batch-origin"
          label={tp("batches.origin")}
          mono
          inputMode="numeric"
          placeholder={home ? tp("batches.originDefault", { name: home }) : tp("batches.originCode")}
          hint={home ? tp("batches.originHint", { name: home }) : tp("batches.originNone")}
        />
      </div>
      <div className="form-actions">
        <SubmitButton label={tp("batches.create")} testId="batch-save" />
      </div>
    </ZodForm>
  );
}
