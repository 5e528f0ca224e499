// 补货: restock orders from the counter's shelf, one per merchant, quantities prefilled with the suggestions (the
// listings below their minimum); then the counter's orders with their parcels and traffic lights.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef } from "react";
import { FormProvider } from "react-hook-form";
import { ZRestockCreateSchema, ZRestockLineSchema } from "@xiangda/domain";
import { z } from "zod";
import { DataState } from "../../components/data-state.tsx";
import { DataTable, type TDataColumn } from "../../components/data-table.tsx";
import { fieldError, readApiError } from "../../lib/api-error.ts";
import { useTRPC } from "../../lib/trpc.ts";
import { StockCell } from "../../components/counters/counter-bits.tsx";
import type { TCounter, TShelfListing } from "../../components/counters/counters-api.ts";
import { groupByMerchant, restockLines } from "../../components/counters/counters-format.ts";
import { PendingButton } from "../../components/pending-button.tsx";
import { RestockOrders } from "../../components/counters/restock-orders.tsx";
import { ErrorSummary, issueKey, useFieldError, useZodForm, type TFormMutation } from "../../components/form/index.ts";
import { CounterScope } from "./counter-scope.tsx";
import { useT } from "../../i18n/use-t.ts";

export function CounterRestockPage() {
  return <CounterScope>{(counter) => <Restock counter={counter} />}</CounterScope>;
}

function Restock({ counter }: { counter: TCounter }) {
  const tp = useT("counter");
  const trpc = useTRPC();
  const shelf = useQuery(trpc.listings.forCounter.queryOptions({ counterId: counter.id }));
  const tc = useT("counters");
  return (
    <>
      <section className="card">
        <h2 className="card-title">{tp("restock.newTitle")}</h2>
        <p className="muted small">{tp("restock.counterLead")}</p>
        <DataState query={shelf} isEmpty={(rows) => rows.length === 0}>
          {(rows) => (
            <div className="restock-groups">
              {groupByMerchant(rows).map((g) => (
                <MerchantOrderForm key={g.merchantId} counterId={counter.id} group={g} />
              ))}
            </div>
          )}
        </DataState>
      </section>
      <section className="card">
        <h2 className="card-title">{tc("restock.title")}</h2>
        <RestockOrders scope={{ counterId: counter.id }} side="COUNTER" />
      </section>
    </>
  );
}

interface FormProps {
  counterId: string;
  /** One merchant's listings on the shelf: one order. */
  group: { merchantId: string; merchantName: string; listings: readonly TShelfListing[] };
}

/** The order's draft: a quantity typed per listing (by id) and a note. */
interface TOrderDraft {
  quantities: Record<string, string>;
  note: string;
}

/** Draft → the lines and note sent; a quantity that is not a whole number is named under its line, an order of
 * nothing under the form ("empty"). The shared ZRestockCreateSchema of @xiangda/domain checks the result: a line's
 * largest quantity (shown under the line's box), how many lines, the note's length. */
function orderSchema(listingIds: readonly string[]) {
  const quantity = ZRestockLineSchema.shape.quantity;
  return z
    .object({ quantities: z.record(z.string(), z.string()), note: z.string() })
    .transform((d, ctx) => {
      const { lines, invalid } = restockLines(d.quantities, listingIds);
      for (const id of invalid) ctx.addIssue({ code: "custom", path: ["quantities", id], message: "form.wholeNumber" });
      for (const l of lines)
        for (const issue of quantity.safeParse(l.quantity).error?.issues ?? [])
          ctx.addIssue({ ...issue, path: ["quantities", l.listingId] });
      if (lines.length === 0 && invalid.length === 0)
        ctx.addIssue({ code: "custom", path: ["empty"], message: issueKey("counter", "restock.nothing") });
      if (invalid.length || lines.length === 0) return z.NEVER;
      return { lines, ...(d.note.trim() ? { note: d.note.trim() } : {}) };
    })
    .pipe(ZRestockCreateSchema.pick({ lines: true, note: true }));
}
type TOrderLines = z.output<ReturnType<typeof orderSchema>>;

const prefill = (listings: readonly TShelfListing[]) =>
  Object.fromEntries(listings.map((l) => [l.id, l.suggestedRestockQty > 0 ? String(l.suggestedRestockQty) : ""]));

function MerchantOrderForm({ counterId, group: { merchantId, merchantName, listings } }: FormProps) {
  const t = useT("common");
  const tc = useT("counters");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // One idempotency key per order being drafted: a retry returns the same order; a new one after success.
  const clientRef = useRef(crypto.randomUUID());
  const create = useMutation(
    trpc.restock.create.mutationOptions({
      onSuccess: () => {
        clientRef.current = crypto.randomUUID();
        kit.form.setValue("note", "");
        void queryClient.invalidateQueries({ queryKey: trpc.restock.pathKey() });
      },
    }),
  );
  const send: TFormMutation<TOrderLines> = {
    error: create.error,
    isPending: create.isPending,
    mutate: (order) => create.mutate({ counterId, merchantId, clientRef: clientRef.current, ...order }),
  };
  const kit = useZodForm<TOrderDraft, TOrderLines>({
    schema: orderSchema(listings.map((l) => l.id)),
    defaultValues: { quantities: prefill(listings), note: "" },
    fields: ["lines"],
    mutation: send,
  });
  const { errors } = kit.form.formState;
  const serverErrors = create.error ? readApiError(create.error).fieldErrors : {};

  // The server names a line by its index in what was sent: map it back to the listing.
  const sentIds = create.variables?.lines.map((l) => l.listingId) ?? [];
  const lineError = (listingId: string) => {
    const i = sentIds.indexOf(listingId);
    return i >= 0 ? fieldError(serverErrors, `lines.${i}`) : undefined;
  };
  const errorOf = (l: TShelfListing) => errors.quantities?.[l.id]?.message ?? lineError(l.id);
  const tp = useT("counter");
  const columns: TDataColumn<TShelfListing>[] = [
    {
      key: "product",
      header: tc("listings.product"),
      cell: (l) => (
        <>
          {l.productName}
          {l.productSpec ? <span className="muted small"> · {l.productSpec}</span> : null}
        </>
      ),
    },
    {
      key: "stock",
      header: tc("listings.stock"),
      cell: (l) => <StockCell stock={l.stock} minStock={l.minStock} belowMin={l.belowMin} />,
    },
    {
      key: "quantity",
      header: tp("restock.quantity"),
      cellProps: (l) => ({ className: errorOf(l) ? "field-invalid" : undefined }),
      cell: (l) => {
        const err = errorOf(l);
        return (
          <>
            <input
              className="qty-input"
              inputMode="numeric"
              placeholder="0"
              aria-label={tp("restock.quantityFor", { name: l.productName })}
              {...kit.form.register(`quantities.${l.id}`)}
              data-testid="restock-qty"
            />
            {err ? <p className="field-error">{err}</p> : null}
          </>
        );
      },
    },
  ];

  return (
    <FormProvider {...kit.form}>
      <form className="restock-form" onSubmit={kit.onSubmit} noValidate data-testid="restock-form" data-merchant={merchantName}>
        <h3 className="subheading">{merchantName}</h3>
        <ErrorSummary error={create.error} fields={["lines"]} testId="restock-form-error" />
        {create.isSuccess ? (
          <div className="alert alert-success" role="status" data-testid="restock-form-ok">
            {tp("restock.created", { no: create.data.orderNo })}
          </div>
        ) : null}
        <DataTable
          columns={columns}
          rows={listings}
          rowKey={(l) => l.id}
          rowProps={(l) => ({ "data-testid": "restock-line", "data-product": l.productName })}
          className="table-compact"
        />
        <label className="inline-field restock-note">
          <span>{tp("restock.note")}</span>
          <input maxLength={200} {...kit.form.register("note")} data-testid="restock-note" />
        </label>
        <EmptyOrder />
        <PendingButton pending={create.isPending} label={tp("restock.create")} pendingLabel={t("common.saving")} testId="restock-create" />
      </form>
    </FormProvider>
  );
}

/** "Nothing to order", when no line has a quantity. */
function EmptyOrder() {
  const error = useFieldError("empty");
  return error ? <p className="field-error">{error}</p> : null;
}
