// A new listing (a DRAFT): one of the merchant's active products on a counter of its county, with price, opening
// stock and minimum stock. Counters come from catalog.counters.list when the merchant may read it, else from the
// merchant's own listings, and any counter can be given by its id (handed out by the county).
import { parseCount, parseYuan } from "../../lib/numbers.ts";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { FormField } from "../../components/form-field.tsx";
import { fieldError, readApiError } from "../../lib/api-error.ts";
import { useTRPC } from "../../lib/trpc.ts";
import type { TListing } from "../../components/counters/counters-api.ts";
import { ErrorSummary } from "../../components/form/error-summary.tsx";
import type { TCounterChoice } from "./merchant-counters.tsx";
import { useT } from "../../i18n/use-t.ts";
import { enumKey } from "../../components/counters/counter-keys.ts";

const FIELDS = ["productId", "counterId", "priceFen", "stock", "minStock", "merchantId"] as const;
const OTHER = "__other__";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Props {
  merchantId: string;
  counters: readonly TCounterChoice[];
  onCreated: (listing: TListing) => void;
}

export function ListingForm({ merchantId, counters, onCreated }: Props) {
  const t = useT("common");
  const tc = useT("counters");
  const trpc = useTRPC();
  const products = useQuery(trpc.catalog.products.list.queryOptions({ merchantId }));
  const [productId, setProductId] = useState("");
  const [counterPick, setCounterPick] = useState(counters.length === 0 ? OTHER : "");
  const [counterIdText, setCounterIdText] = useState("");
  const [price, setPrice] = useState("");
  const [stock, setStock] = useState("");
  const [minStock, setMinStock] = useState("");
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const create = useMutation(trpc.listings.create.mutationOptions({ onSuccess: onCreated }));
  const serverErrors = create.error ? readApiError(create.error).fieldErrors : {};
  const errorFor = (f: string) => clientErrors[f] ?? fieldError(serverErrors, f);
  const typedCounter = counterPick === OTHER;

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const errors: Record<string, string> = {};
    const counterId = typedCounter ? counterIdText.trim() : counterPick;
    const priceFen = parseYuan(price);
    const stockN = parseCount(stock);
    const minN = parseCount(minStock);
    if (!productId) errors.productId = t("form.required");
    if (!counterId) errors.counterId = t("form.required");
    else if (!UUID.test(counterId)) errors.counterId = tc("listings.counterIdFormat");
    if (priceFen === null) errors.priceFen = t("form.required");
    else if (priceFen === "invalid" || priceFen === 0) errors.priceFen = tc("listings.priceFormat");
    if (stockN === "invalid") errors.stock = t("form.wholeNumber");
    if (minN === "invalid") errors.minStock = t("form.wholeNumber");
    setClientErrors(errors);
    if (Object.keys(errors).length > 0 || typeof priceFen !== "number" || stockN === "invalid" || minN === "invalid") return;
    create.mutate({ merchantId, productId, counterId, priceFen, stock: stockN ?? 0, minStock: minN ?? 0 });
  }

  const active = (products.data ?? []).filter((p) => p.active);
  return (
    <form className="form" onSubmit={onSubmit} noValidate data-testid="listing-form">
      <ErrorSummary error={create.error} fields={FIELDS} testId="listing-form-error" />
      <p className="muted small">{tc("listings.createLead")}</p>
      <div className="form-grid">
        <FormField id="listing-product" label={tc("listings.product")} error={errorFor("productId")}>
          <select id="listing-product" value={productId} onChange={(e) => setProductId(e.target.value)} data-testid="listing-product">
            <option value="">{t("form.choose")}</option>
            {active.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
                {p.spec ? ` · ${p.spec}` : ""}
              </option>
            ))}
          </select>
        </FormField>
        <FormField id="listing-counter" label={tc("listings.counter")} error={typedCounter ? undefined : errorFor("counterId")}>
          <select id="listing-counter" value={counterPick} onChange={(e) => setCounterPick(e.target.value)} data-testid="listing-counter">
            <option value="">{t("form.choose")}</option>
            {counters.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}（{tc(enumKey("venueTypes", c.venueType))}）
              </option>
            ))}
            <option value={OTHER}>{tc("listings.counterOther")}</option>
          </select>
        </FormField>
        {typedCounter ? (
          <FormField id="listing-counter-id" label={tc("listings.counterId")} error={errorFor("counterId")}>
            <input
              id="listing-counter-id"
              className="mono"
              value={counterIdText}
              placeholder="xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"
              onChange={(e) => setCounterIdText(e.target.value)}
              data-testid="listing-counter-id"
            />
            <p className="field-hint">{tc("listings.counterIdHint")}</p>
          </FormField>
        ) : null}
        <FormField id="listing-price" label={tc("listings.priceYuan")} error={errorFor("priceFen")}>
          <input
            id="listing-price"
            inputMode="decimal"
            value={price}
            placeholder="12.50"
            onChange={(e) => setPrice(e.target.value)}
            data-testid="listing-price"
          />
        </FormField>
        <FormField id="listing-stock" label={tc("listings.openingStock")} error={errorFor("stock")}>
          <input
            id="listing-stock"
            inputMode="numeric"
            value={stock}
            placeholder="0"
            onChange={(e) => setStock(e.target.value)}
            data-testid="listing-stock"
          />
        </FormField>
        <FormField id="listing-min" label={tc("listings.minStock")} error={errorFor("minStock")}>
          <input
            id="listing-min"
            inputMode="numeric"
            value={minStock}
            placeholder="0"
            onChange={(e) => setMinStock(e.target.value)}
            data-testid="listing-min"
          />
        </FormField>
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={create.isPending} data-testid="listing-save">
          {create.isPending ? t("common.saving") : tc("listings.create")}
        </button>
      </div>
    </form>
  );
}
