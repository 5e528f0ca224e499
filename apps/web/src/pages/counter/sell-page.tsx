// 销售录入: one sale at the till (listing, quantity, unit price defaulting to the listing's, time) and today's sales.
// Each sale carries a clientRef made once per sale (crypto.randomUUID): a double click or a retry after a lost answer
// sends the same ref, and the server records the sale once.
import { shanghaiDay, shanghaiWallClock, wallClockToIso } from "../../lib/time.ts";
import { fenToYuanText, formatFen, parseCount, parseYuan } from "../../lib/numbers.ts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";
import { DataState } from "../../components/data-state.tsx";
import { FormField } from "../../components/form-field.tsx";
import { fieldError, readApiError } from "../../lib/api-error.ts";
import { useTRPC } from "../../lib/trpc.ts";
import { Check } from "../county/network/network-bits.tsx";
import { ErrorSummary } from "../../components/form/error-summary.tsx";
import type { TCounter, TShelfListing } from "../../components/counters/counters-api.ts";
import { SalesTable } from "../../components/counters/sales-table.tsx";
import { CounterScope } from "./counter-scope.tsx";
import { useT } from "../../i18n/use-t.ts";

const FIELDS = ["listingId", "quantity", "unitPriceFen", "soldAt", "clientRef", "batchId"] as const;
const newRef = () => crypto.randomUUID();

export function SellPage() {
  return <CounterScope>{(counter) => <Sell counter={counter} />}</CounterScope>;
}

function Sell({ counter }: { counter: TCounter }) {
  const tc = useT("counters");
  const trpc = useTRPC();
  const today = shanghaiDay();
  const shelf = useQuery(trpc.listings.forCounter.queryOptions({ counterId: counter.id }));
  const sales = useQuery(trpc.listings.sales.list.queryOptions({ counterId: counter.id, from: today, to: today, limit: 100 }));
  return (
    <>
      <section className="card">
        <h2 className="card-title">{tc("sell.title")}</h2>
        <DataState query={shelf} isEmpty={(rows) => rows.length === 0}>
          {(rows) => <SaleForm counterId={counter.id} listings={rows} />}
        </DataState>
      </section>
      <section className="card">
        <h2 className="card-title">{tc("sell.todayTitle")}</h2>
        <DataState query={sales}>{(data) => <SalesTable data={data} showCounter={false} />}</DataState>
      </section>
    </>
  );
}

function SaleForm({ counterId, listings }: { counterId: string; listings: readonly TShelfListing[] }) {
  const t = useT("common");
  const tc = useT("counters");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [listingId, setListingId] = useState("");
  const [quantity, setQuantity] = useState("1");
  const [price, setPrice] = useState("");
  const [useNow, setUseNow] = useState(true);
  const [soldAt, setSoldAt] = useState(() => shanghaiWallClock());
  // One ref per sale being entered: kept across retries, replaced once the sale is stored.
  const [clientRef, setClientRef] = useState(newRef);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  // Blocks a second submit in the same frame, before the button has re-rendered disabled.
  const sending = useRef(false);
  const record = useMutation(
    trpc.listings.sales.record.mutationOptions({
      onSuccess: () => {
        setClientRef(newRef());
        setQuantity("1");
        void queryClient.invalidateQueries(trpc.listings.forCounter.pathFilter());
        void queryClient.invalidateQueries(trpc.listings.sales.pathFilter());
      },
    }),
  );
  const serverErrors = record.error ? readApiError(record.error).fieldErrors : {};
  const errorFor = (f: string) => clientErrors[f] ?? fieldError(serverErrors, f);
  const listing = listings.find((l) => l.id === listingId);

  function pick(id: string) {
    setListingId(id);
    const l = listings.find((x) => x.id === id);
    // The unit price starts at the listing's price; the seller may change it (a discount).
    setPrice(l ? fenToYuanText(l.priceFen) : "");
    record.reset();
  }

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (sending.current) return;
    const q = parseCount(quantity);
    const unitPriceFen = price.trim() ? parseYuan(price) : null;
    const at = useNow ? new Date().toISOString() : wallClockToIso(soldAt);
    const errors: Record<string, string> = {};
    if (!listingId) errors.listingId = t("form.required");
    if (q === null) errors.quantity = t("form.required");
    else if (q === "invalid" || q === 0) errors.quantity = tc("sell.quantityFormat");
    if (unitPriceFen === "invalid" || unitPriceFen === 0) errors.unitPriceFen = tc("listings.priceFormat");
    if (!at) errors.soldAt = t("form.required");
    setClientErrors(errors);
    if (Object.keys(errors).length || typeof q !== "number" || unitPriceFen === "invalid" || !at) return;
    sending.current = true;
    record.mutate(
      { counterId, listingId, quantity: q, soldAt: at, clientRef, ...(unitPriceFen ? { unitPriceFen } : {}) },
      {
        onSettled: () => {
          sending.current = false;
        },
      },
    );
  }

  const result = record.data;
  return (
    <form className="form" onSubmit={onSubmit} noValidate data-testid="sale-form">
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
            ? tc("sell.duplicate", { stock: result.stock })
            : tc("sell.recorded", { qty: result.sale.quantity, amount: formatFen(result.sale.amountFen), stock: result.stock })}
        </div>
      ) : null}
      <div className="form-grid">
        <FormField id="sale-listing" label={tc("sell.listing")} error={errorFor("listingId")}>
          <select id="sale-listing" value={listingId} onChange={(e) => pick(e.target.value)} data-testid="sale-listing">
            <option value="">{t("form.choose")}</option>
            {listings.map((l) => (
              <option key={l.id} value={l.id} disabled={l.stock === 0}>
                {l.productName}
                {l.productSpec ? ` · ${l.productSpec}` : ""} — {tc("sell.inStock", { stock: l.stock, unit: l.productUnit })}
              </option>
            ))}
          </select>
          {listing ? (
            <p className="field-hint" data-testid="sale-listing-stock" data-stock={listing.stock}>
              {tc("sell.stockHint", { stock: listing.stock, unit: listing.productUnit, price: formatFen(listing.priceFen) })}
            </p>
          ) : null}
        </FormField>
        <FormField id="sale-quantity" label={tc("sell.quantity")} error={errorFor("quantity")}>
          <input
            id="sale-quantity"
            inputMode="numeric"
            value={quantity}
            onChange={(e) => setQuantity(e.target.value)}
            data-testid="sale-quantity"
          />
        </FormField>
        <FormField id="sale-price" label={tc("sell.unitPrice")} error={errorFor("unitPriceFen")}>
          <input id="sale-price" inputMode="decimal" value={price} onChange={(e) => setPrice(e.target.value)} data-testid="sale-price" />
        </FormField>
        <FormField id="sale-time" label={tc("sell.soldAt")} error={errorFor("soldAt")}>
          <Check
            id="sale-now"
            label={tc("sell.now")}
            checked={useNow}
            onChange={(v) => {
              setUseNow(v);
              if (!v) setSoldAt(shanghaiWallClock());
            }}
            testId="sale-now"
          />
          {useNow ? null : (
            <input
              id="sale-time"
              type="datetime-local"
              value={soldAt}
              onChange={(e) => setSoldAt(e.target.value)}
              data-testid="sale-time"
            />
          )}
        </FormField>
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary btn-wide" disabled={record.isPending} data-testid="sale-submit">
          {record.isPending ? tc("sell.recording") : tc("sell.record")}
        </button>
      </div>
    </form>
  );
}
