// A new production batch: number, production day, quantity and origin village (the merchant's own unless another
// village code of the county is given; merchants cannot list the county's villages, see the report of issue #7).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { FormField } from "../../components/form-field.tsx";
import { fieldError, readApiError } from "../../lib/api-error.ts";
import { useTRPC } from "../../lib/trpc.ts";
import { parseCount, shanghaiDay } from "../counters/counters-format.ts";
import { useCountersT } from "../counters/use-counters-t.ts";
import { ErrorSummary } from "../network/error-summary.tsx";

const FIELDS = ["batchNo", "producedOn", "quantity", "originAreaCode", "productId"] as const;

export function BatchForm({ merchantId, productId }: { merchantId: string; productId: string }) {
  const { t } = useTranslation();
  const tc = useCountersT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const merchant = useQuery(trpc.catalog.merchants.get.queryOptions({ merchantId }, { staleTime: 5 * 60_000 }));
  const [batchNo, setBatchNo] = useState("");
  const [producedOn, setProducedOn] = useState(shanghaiDay());
  const [quantity, setQuantity] = useState("");
  const [origin, setOrigin] = useState("");
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const create = useMutation(
    trpc.catalog.batches.create.mutationOptions({
      onSuccess: () => {
        setBatchNo("");
        setQuantity("");
        void queryClient.invalidateQueries(trpc.catalog.batches.list.pathFilter());
      },
    }),
  );
  const serverErrors = create.error ? readApiError(create.error).fieldErrors : {};
  const errorFor = (f: string) => clientErrors[f] ?? fieldError(serverErrors, f);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const q = parseCount(quantity);
    const errors: Record<string, string> = {};
    if (!batchNo.trim()) errors.batchNo = t("form.required");
    if (!producedOn) errors.producedOn = t("form.required");
    if (q === null) errors.quantity = t("form.required");
    else if (q === "invalid") errors.quantity = t("form.wholeNumber");
    setClientErrors(errors);
    if (Object.keys(errors).length > 0 || typeof q !== "number") return;
    create.mutate({
      merchantId,
      productId,
      batchNo: batchNo.trim(),
      producedOn,
      quantity: q,
      ...(origin.trim() ? { originAreaCode: origin.trim() } : {}),
    });
  }

  const home = merchant.data?.originAreaName ?? merchant.data?.originAreaCode;
  return (
    <form className="form batch-form" onSubmit={onSubmit} noValidate data-testid="batch-form">
      <ErrorSummary error={create.error} fields={FIELDS} testId="batch-form-error" />
      {create.isSuccess ? (
        <div className="alert alert-success" role="status" data-testid="batch-form-ok">
          {tc("batches.created", { no: create.data.batchNo, code: create.data.traceCode })}
        </div>
      ) : null}
      <div className="form-grid">
        <FormField id="batch-no" label={tc("batches.batchNo")} error={errorFor("batchNo")}>
          <input
            id="batch-no"
            className="mono"
            value={batchNo}
            placeholder="2026-11-A"
            onChange={(e) => setBatchNo(e.target.value)}
            data-testid="batch-no"
          />
        </FormField>
        <FormField id="batch-producedOn" label={tc("batches.producedOn")} error={errorFor("producedOn")}>
          <input
            id="batch-producedOn"
            type="date"
            max={shanghaiDay()}
            value={producedOn}
            onChange={(e) => setProducedOn(e.target.value)}
            data-testid="batch-producedOn"
          />
        </FormField>
        <FormField id="batch-quantity" label={tc("batches.quantity")} error={errorFor("quantity")}>
          <input
            id="batch-quantity"
            inputMode="numeric"
            value={quantity}
            onChange={(e) => setQuantity(e.target.value)}
            data-testid="batch-quantity"
          />
        </FormField>
        <FormField id="batch-origin" label={tc("batches.origin")} error={errorFor("originAreaCode")}>
          <input
            id="batch-origin"
            className="mono"
            inputMode="numeric"
            value={origin}
            placeholder={home ? tc("batches.originDefault", { name: home }) : tc("batches.originCode")}
            onChange={(e) => setOrigin(e.target.value)}
            data-testid="batch-origin"
          />
          <p className="field-hint">{home ? tc("batches.originHint", { name: home }) : tc("batches.originNone")}</p>
        </FormField>
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={create.isPending} data-testid="batch-save">
          {create.isPending ? t("common.saving") : tc("batches.create")}
        </button>
      </div>
    </form>
  );
}
