// One listing in the side panel: its state, price and minimum (listings.update), a stock adjustment with its reason
// (listings.adjustStock), submitting for review and delisting with a reason.
import { fenToYuanText, parseCount, parseYuan } from "../../lib/numbers.ts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { DetailList } from "../../components/detail-list.tsx";
import { FormField } from "../../components/form-field.tsx";
import { fieldError, readApiError } from "../../lib/api-error.ts";
import { formatDateTime } from "../../lib/time.ts";
import { useTRPC } from "../../lib/trpc.ts";
import { ActionError, ListingStatusPill, Money, StockCell } from "../../components/counters/counter-bits.tsx";
import type { TListing } from "../../components/counters/counters-api.ts";
import { ErrorSummary } from "../../components/form/error-summary.tsx";
import { useT } from "../../i18n/use-t.ts";
import { enumKey } from "../../components/counters/counter-keys.ts";

interface Props {
  merchantId: string;
  listing: TListing;
  onChanged: (l: TListing) => void;
}

export function ListingPanelBody({ merchantId, listing: l, onChanged }: Props) {
  const tc = useT("counters");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const changed = (next: TListing) => {
    onChanged(next);
    void queryClient.invalidateQueries(trpc.listings.pathFilter());
  };
  const submit = useMutation(trpc.listings.submit.mutationOptions({ onSuccess: changed }));
  return (
    <>
      <DetailList
        items={[
          { label: tc("listings.product"), value: `${l.productName}${l.productSpec ? ` · ${l.productSpec}` : ""}` },
          { label: tc("listings.counter"), value: `${l.counterName}（${tc(enumKey("venueTypes", l.venueType))}）` },
          { label: tc("listings.status"), value: <ListingStatusPill status={l.status} /> },
          { label: tc("listings.price"), value: <Money fen={l.priceFen} /> },
          { label: tc("listings.stock"), value: <StockCell stock={l.stock} minStock={l.minStock} belowMin={l.belowMin} /> },
          { label: tc("listings.submittedAt"), value: l.submittedAt ? formatDateTime(l.submittedAt) : "—" },
        ]}
      />
      {l.status === "REJECTED" && l.rejectReason ? (
        <div className="alert alert-error" data-testid="listing-reject-reason">
          {tc("listings.rejectedBecause", { reason: l.rejectReason })}
        </div>
      ) : null}
      {l.flagged ? <div className="alert alert-error">{tc("listings.flagged", { reason: l.flagReason ?? "" })}</div> : null}
      {l.status === "DRAFT" || l.status === "REJECTED" ? (
        <section className="form-section">
          <ActionError error={submit.error} testId="listing-submit-error" />
          <button
            type="button"
            className="btn btn-primary"
            disabled={submit.isPending}
            onClick={() => submit.mutate({ merchantId, listingId: l.id })}
            data-testid="listing-panel-submit"
          >
            {tc("listings.submit")}
          </button>
        </section>
      ) : null}
      {l.status !== "DELISTED" ? <PriceForm merchantId={merchantId} listing={l} onChanged={changed} /> : null}
      {l.status !== "DELISTED" ? <StockForm merchantId={merchantId} listing={l} onChanged={changed} /> : null}
      {l.status === "ACTIVE" ? <DelistForm merchantId={merchantId} listing={l} onChanged={changed} /> : null}
    </>
  );
}

function PriceForm({ merchantId, listing, onChanged }: Props) {
  const t = useT("common");
  const tc = useT("counters");
  const trpc = useTRPC();
  const [price, setPrice] = useState(fenToYuanText(listing.priceFen));
  const [minStock, setMinStock] = useState(String(listing.minStock));
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const update = useMutation(trpc.listings.update.mutationOptions({ onSuccess: onChanged }));
  const serverErrors = update.error ? readApiError(update.error).fieldErrors : {};
  const errorFor = (f: string) => clientErrors[f] ?? fieldError(serverErrors, f);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const priceFen = parseYuan(price);
    const min = parseCount(minStock);
    const errors: Record<string, string> = {};
    if (typeof priceFen !== "number" || priceFen === 0) errors.priceFen = tc("listings.priceFormat");
    if (typeof min !== "number") errors.minStock = t("form.wholeNumber");
    setClientErrors(errors);
    if (typeof priceFen !== "number" || typeof min !== "number" || Object.keys(errors).length) return;
    update.mutate({ merchantId, listingId: listing.id, priceFen, minStock: min });
  }

  return (
    <form className="form form-section" onSubmit={onSubmit} noValidate data-testid="listing-price-form">
      <h3 className="subheading">{tc("listings.priceTitle")}</h3>
      <ErrorSummary error={update.error} fields={["priceFen", "minStock"]} />
      {update.isSuccess ? <div className="alert alert-success">{t("common.saved")}</div> : null}
      <div className="form-grid">
        <FormField id="listing-edit-price" label={tc("listings.priceYuan")} error={errorFor("priceFen")}>
          <input
            id="listing-edit-price"
            inputMode="decimal"
            value={price}
            onChange={(e) => setPrice(e.target.value)}
            data-testid="listing-edit-price"
          />
        </FormField>
        <FormField id="listing-edit-min" label={tc("listings.minStock")} error={errorFor("minStock")}>
          <input
            id="listing-edit-min"
            inputMode="numeric"
            value={minStock}
            onChange={(e) => setMinStock(e.target.value)}
            data-testid="listing-edit-min"
          />
        </FormField>
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={update.isPending} data-testid="listing-edit-save">
          {update.isPending ? t("common.saving") : t("common.save")}
        </button>
      </div>
    </form>
  );
}

function StockForm({ listing, onChanged }: Props) {
  const t = useT("common");
  const tc = useT("counters");
  const trpc = useTRPC();
  const [delta, setDelta] = useState("");
  const [reason, setReason] = useState("");
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const adjust = useMutation(
    trpc.listings.adjustStock.mutationOptions({
      onSuccess: (l) => {
        setDelta("");
        setReason("");
        onChanged(l);
      },
    }),
  );
  const serverErrors = adjust.error ? readApiError(adjust.error).fieldErrors : {};
  const errorFor = (f: string) => clientErrors[f] ?? fieldError(serverErrors, f);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const s = delta.trim();
    const n = /^[+-]?\d{1,7}$/.test(s) ? Number(s) : NaN;
    const errors: Record<string, string> = {};
    if (!Number.isInteger(n) || n === 0) errors.delta = tc("listings.deltaFormat");
    if (!reason.trim()) errors.reason = t("form.required");
    setClientErrors(errors);
    if (Object.keys(errors).length) return;
    adjust.mutate({ listingId: listing.id, delta: n, reason: reason.trim() });
  }

  return (
    <form className="form form-section" onSubmit={onSubmit} noValidate data-testid="listing-stock-form">
      <h3 className="subheading">{tc("listings.stockTitle")}</h3>
      <ErrorSummary error={adjust.error} fields={["delta", "reason"]} />
      <div className="form-grid">
        <FormField id="listing-delta" label={tc("listings.delta")} error={errorFor("delta")}>
          <input
            id="listing-delta"
            inputMode="numeric"
            value={delta}
            placeholder="+20 / -3"
            onChange={(e) => setDelta(e.target.value)}
            data-testid="listing-delta"
          />
        </FormField>
        <FormField id="listing-delta-reason" label={tc("listings.deltaReason")} error={errorFor("reason")}>
          <input id="listing-delta-reason" value={reason} onChange={(e) => setReason(e.target.value)} data-testid="listing-delta-reason" />
        </FormField>
      </div>
      <div className="form-actions">
        <button type="submit" className="btn" disabled={adjust.isPending} data-testid="listing-delta-save">
          {tc("listings.adjust")}
        </button>
      </div>
    </form>
  );
}

function DelistForm({ merchantId, listing, onChanged }: Props) {
  const tc = useT("counters");
  const trpc = useTRPC();
  const [reason, setReason] = useState("");
  const delist = useMutation(trpc.listings.delist.mutationOptions({ onSuccess: onChanged }));
  return (
    <section className="form form-section">
      <h3 className="subheading">{tc("listings.delistTitle")}</h3>
      <ErrorSummary error={delist.error} fields={["reason"]} />
      <FormField
        id="listing-delist-reason"
        label={tc("listings.delistReason")}
        error={fieldError(delist.error ? readApiError(delist.error).fieldErrors : {}, "reason")}
      >
        <input id="listing-delist-reason" value={reason} onChange={(e) => setReason(e.target.value)} data-testid="listing-delist-reason" />
      </FormField>
      <div className="form-actions">
        <button
          type="button"
          className="btn btn-danger-ghost"
          disabled={delist.isPending}
          onClick={() => delist.mutate({ merchantId, listingId: listing.id, ...(reason.trim() ? { reason: reason.trim() } : {}) })}
          data-testid="listing-delist"
        >
          {tc("listings.delist")}
        </button>
      </div>
    </section>
  );
}
