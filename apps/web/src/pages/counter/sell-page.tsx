// 销售录入: one sale at the till (listing, quantity, unit price defaulting to the listing's, time) and today's sales.
// Each sale carries a clientRef made once per sale (crypto.randomUUID): a double click or a retry after a lost answer
// sends the same ref, and the server records the sale once.
import { shanghaiDay, shanghaiWallClock } from "../../lib/time.ts";
import { fenToYuanText, formatFen } from "../../lib/numbers.ts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef } from "react";
import { DataState } from "../../components/data-state.tsx";
import { useTRPC } from "../../lib/trpc.ts";
import {
  Check,
  ErrorSummary,
  FieldSlot,
  NumberField,
  TextField,
  ZodForm,
  useZodForm,
  type TFormMutation,
} from "../../components/form/index.ts";
import type { TCounter, TShelfListing } from "../../components/counters/counters-api.ts";
import { PendingButton } from "../../components/pending-button.tsx";
import { SalesTable } from "../../components/counters/sales-table.tsx";
import { CounterScope } from "./counter-scope.tsx";
import { useT } from "../../i18n/use-t.ts";
import { ZSaleDraftSchema, type TSaleLine } from "./sale-draft.ts";

const FIELDS = ["listingId", "quantity", "unitPriceFen", "soldAt", "clientRef", "batchId"] as const;
const newRef = () => crypto.randomUUID();

export function SellPage() {
  return <CounterScope>{(counter) => <Sell counter={counter} />}</CounterScope>;
}

function Sell({ counter }: { counter: TCounter }) {
  const tp = useT("counter");
  const trpc = useTRPC();
  const today = shanghaiDay();
  const shelf = useQuery(trpc.listings.forCounter.queryOptions({ counterId: counter.id }));
  const sales = useQuery(trpc.listings.sales.list.queryOptions({ counterId: counter.id, from: today, to: today, limit: 100 }));
  return (
    <>
      <section className="card">
        <h2 className="card-title">{tp("sell.title")}</h2>
        <DataState query={shelf} isEmpty={(rows) => rows.length === 0}>
          {(rows) => <SaleForm counterId={counter.id} listings={rows} />}
        </DataState>
      </section>
      <section className="card">
        <h2 className="card-title">{tp("sell.todayTitle")}</h2>
        <DataState query={sales}>{(data) => <SalesTable data={data} showCounter={false} />}</DataState>
      </section>
    </>
  );
}

function SaleForm({ counterId, listings }: { counterId: string; listings: readonly TShelfListing[] }) {
  const t = useT("common");
  const tp = useT("counter");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // One ref per sale being entered: kept across retries, replaced once the sale is stored.
  const clientRef = useRef(newRef());
  // Blocks a second submit in the same frame, before the button has re-rendered disabled.
  const sending = useRef(false);
  const record = useMutation(
    trpc.listings.sales.record.mutationOptions({
      onSuccess: () => {
        clientRef.current = newRef();
        kit.form.setValue("quantity", "1");
        void queryClient.invalidateQueries(trpc.listings.forCounter.pathFilter());
        void queryClient.invalidateQueries(trpc.listings.sales.pathFilter());
      },
    }),
  );
  const send: TFormMutation<TSaleLine> = {
    error: record.error,
    isPending: record.isPending,
    mutate: (line) => {
      if (sending.current) return;
      sending.current = true;
      const onSettled = () => {
        sending.current = false;
      };
      record.mutate({ counterId, clientRef: clientRef.current, ...line }, { onSettled });
    },
  };
  const kit = useZodForm({
    schema: ZSaleDraftSchema,
    defaultValues: { listingId: "", quantity: "1", unitPriceFen: "", useNow: true, soldAt: shanghaiWallClock() },
    fields: FIELDS,
    mutation: send,
  });
  const [listingId, useNow] = kit.form.watch(["listingId", "useNow"]);
  const listing = listings.find((l) => l.id === listingId);

  function pick(id: string) {
    kit.form.setValue("listingId", id);
    const l = listings.find((x) => x.id === id);
    // The unit price starts at the listing's price; the seller may change it (a discount).
    kit.form.setValue("unitPriceFen", l ? fenToYuanText(l.priceFen) : "");
    record.reset();
  }

  const result = record.data;
  return (
    <ZodForm kit={kit} prefix="sale">
      <ErrorSummary error={record.error} fields={FIELDS} testId="sale-form-error" />
      {result ? (
        <div
          className="alert alert-success"
          role="status"
          data-testid="sale-ok"
          data-stock={result.stock}
          data-duplicate={result.duplicate}
        >
          {result.duplicate
            ? tp("sell.duplicate", { stock: result.stock })
            : tp("sell.recorded", { qty: result.sale.quantity, amount: formatFen(result.sale.amountFen), stock: result.stock })}
        </div>
      ) : null}
      <div className="form-grid">
        <FieldSlot name="listingId" id="sale-listing" label={tp("sell.listing")}>
          {(c) => (
            <>
              <select id={c.id} value={c.value} onChange={(e) => pick(e.target.value)} data-testid={c.id}>
                <option value="">{t("form.choose")}</option>
                {listings.map((l) => (
                  <option key={l.id} value={l.id} disabled={l.stock === 0}>
                    {l.productName}
                    {l.productSpec ? ` · ${l.productSpec}` : ""} — {tp("sell.inStock", { stock: l.stock, unit: l.productUnit })}
                  </option>
                ))}
              </select>
              {listing ? (
                <p className="field-hint" data-testid="sale-listing-stock" data-stock={listing.stock}>
                  {tp("sell.stockHint", { stock: listing.stock, unit: listing.productUnit, price: formatFen(listing.priceFen) })}
                </p>
              ) : null}
            </>
          )}
        </FieldSlot>
        <NumberField name="quantity" label={tp("sell.quantity")} />
        <TextField name="unitPriceFen" id="sale-price" label={tp("sell.unitPrice")} inputMode="decimal" />
        <FieldSlot name="soldAt" id="sale-time" label={tp("sell.soldAt")}>
          {(c) => (
            <>
              <Check
                id="sale-now"
                label={tp("sell.now")}
                checked={useNow}
                onChange={(v) => {
                  kit.form.setValue("useNow", v);
                  if (!v) c.onChange(shanghaiWallClock());
                }}
                testId="sale-now"
              />
              {useNow ? null : (
                <input id={c.id} type="datetime-local" value={c.value} onChange={(e) => c.onChange(e.target.value)} data-testid={c.id} />
              )}
            </>
          )}
        </FieldSlot>
      </div>
      <PendingButton
        pending={record.isPending}
        label={tp("sell.record")}
        pendingLabel={tp("sell.recording")}
        testId="sale-submit"
        className="btn-wide"
      />
    </ZodForm>
  );
}
