// One listing in the side panel: its state, price and minimum (listings.update), a stock adjustment with its reason
// (listings.adjustStock), submitting for review and delisting with a reason.
import { fenToYuanText } from "../../lib/numbers.ts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { DetailList } from "../../components/detail-list.tsx";
import { formatDateTime } from "../../lib/time.ts";
import { useTRPC } from "../../lib/trpc.ts";
import { ActionError, ListingStatusPill, Money, StockCell } from "../../components/counters/counter-bits.tsx";
import type { TListing } from "../../components/counters/counters-api.ts";
import { NumberField, TextField, useZodForm } from "../../components/form/index.ts";
import { FormSection } from "../../components/form-section.tsx";
import { withFixed } from "../../components/edit-form.tsx";
import { ZDelistDraftSchema, ZPriceDraftSchema, ZStockDraftSchema } from "../../components/counters/listing-drafts.ts";
import { useT } from "../../i18n/use-t.ts";
import { enumKey } from "../../components/counters/counter-keys.ts";
import { flagText } from "../../components/counters/counters-format.ts";

interface Props {
  merchantId: string;
  listing: TListing;
  onChanged: (l: TListing) => void;
}

export function ListingPanelBody({ merchantId, listing: l, onChanged }: Props) {
  const tm = useT("merchant");
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
          { label: tm("listings.counter"), value: `${l.counterName}（${tc(enumKey("venueTypes", l.venueType))}）` },
          { label: tm("listings.status"), value: <ListingStatusPill status={l.status} /> },
          { label: tc("listings.price"), value: <Money fen={l.priceFen} /> },
          { label: tc("listings.stock"), value: <StockCell stock={l.stock} minStock={l.minStock} belowMin={l.belowMin} /> },
          { label: tm("listings.submittedAt"), value: l.submittedAt ? formatDateTime(l.submittedAt) : "—" },
        ]}
      />
      {l.status === "REJECTED" && l.rejectReason ? (
        <div className="alert alert-error" data-testid="listing-reject-reason">
          {tm("listings.rejectedBecause", { reason: l.rejectReason })}
        </div>
      ) : null}
      {l.flagged && l.flagIssues.length > 0 ? (
        <div className="alert alert-error">{tc("listings.flagged", { reason: flagText(l) })}</div>
      ) : null}
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
            {tm("listings.submit")}
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
  const tm = useT("merchant");
  const trpc = useTRPC();
  const update = useMutation(trpc.listings.update.mutationOptions({ onSuccess: onChanged }));
  const kit = useZodForm({
    schema: ZPriceDraftSchema,
    defaultValues: { priceFen: fenToYuanText(listing.priceFen), minStock: String(listing.minStock) },
    fields: ["priceFen", "minStock"],
    mutation: withFixed(update, { merchantId, listingId: listing.id }),
  });
  return (
    <FormSection
      kit={kit}
      prefix="listing-edit"
      testId="listing-price-form"
      title={tm("listings.priceTitle")}
      showSaved
      submit={{ label: t("common.save"), pendingLabel: t("common.saving"), tone: "btn-primary", testId: "listing-edit-save" }}
    >
      <div className="form-grid">
        <TextField name="priceFen" id="listing-edit-price" label={tm("listings.priceYuan")} inputMode="decimal" />
        <NumberField name="minStock" id="listing-edit-min" label={tm("listings.minStock")} />
      </div>
    </FormSection>
  );
}

function StockForm({ listing, onChanged }: Props) {
  const tm = useT("merchant");
  const trpc = useTRPC();
  const adjust = useMutation(
    trpc.listings.adjustStock.mutationOptions({
      onSuccess: (l) => {
        kit.form.reset({ delta: "", reason: "" });
        onChanged(l);
      },
    }),
  );
  const kit = useZodForm({
    schema: ZStockDraftSchema,
    defaultValues: { delta: "", reason: "" },
    fields: ["delta", "reason"],
    mutation: withFixed(adjust, { listingId: listing.id }),
  });
  return (
    <FormSection
      kit={kit}
      prefix="listing-delta"
      testId="listing-stock-form"
      title={tm("listings.stockTitle")}
      submit={{ label: tm("listings.adjust"), testId: "listing-delta-save" }}
    >
      <div className="form-grid">
        <NumberField name="delta" id="listing-delta" label={tm("listings.delta")} placeholder="+20 / -3" />
        <TextField name="reason" id="listing-delta-reason" label={tm("listings.deltaReason")} />
      </div>
    </FormSection>
  );
}

function DelistForm({ merchantId, listing, onChanged }: Props) {
  const tm = useT("merchant");
  const trpc = useTRPC();
  const delist = useMutation(trpc.listings.delist.mutationOptions({ onSuccess: onChanged }));
  const kit = useZodForm({
    schema: ZDelistDraftSchema,
    defaultValues: { reason: "" },
    fields: ["reason"],
    mutation: withFixed(delist, { merchantId, listingId: listing.id }),
  });
  return (
    <FormSection
      kit={kit}
      prefix="listing-delist"
      testId="listing-delist-form"
      title={tm("listings.delistTitle")}
      submit={{ label: tm("listings.delist"), tone: "btn-danger-ghost", testId: "listing-delist" }}
    >
      <TextField name="reason" id="listing-delist-reason" label={tm("listings.delistReason")} />
    </FormSection>
  );
}
