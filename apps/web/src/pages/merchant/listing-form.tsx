// A new listing (a DRAFT): one of the merchant's active products on a counter of its county, with price, opening
// stock and minimum stock. Counters come from catalog.counters.list when the merchant may read it, else from the
// merchant's own listings, and any counter can be given by its id (handed out by the county).
import { useMutation, useQuery } from "@tanstack/react-query";
import { ErrorSummary, FieldSlot, NumberField, SubmitButton, TextField, ZodForm, useZodForm } from "../../components/form/index.ts";
import { withFixed } from "../../components/edit-form.tsx";
import { useTRPC } from "../../lib/trpc.ts";
import type { TListing } from "../../components/counters/counters-api.ts";
import { listingDraftOf, listingSchema } from "../../components/counters/listing-drafts.ts";
import type { TCounterChoice } from "./merchant-counters.tsx";
import { useT } from "../../i18n/use-t.ts";
import { CounterPicker } from "./counter-picker.tsx";

const FIELDS = ["productId", "counterId", "priceFen", "stock", "minStock", "merchantId"] as const;

interface Props {
  merchantId: string;
  counters: readonly TCounterChoice[];
  onCreated: (listing: TListing) => void;
}

export function ListingForm({ merchantId, counters, onCreated }: Props) {
  const tm = useT("merchant");
  const t = useT("common");
  const tc = useT("counters");
  const trpc = useTRPC();
  const products = useQuery(trpc.catalog.products.list.queryOptions({ merchantId }));
  const create = useMutation(trpc.listings.create.mutationOptions({ onSuccess: onCreated }));
  const kit = useZodForm({
    schema: listingSchema,
    defaultValues: listingDraftOf(counters.length),
    fields: FIELDS,
    mutation: withFixed(create, { merchantId }),
  });

  const active = (products.data ?? []).filter((p) => p.active);
  return (
    <ZodForm kit={kit} prefix="listing" testId="listing-form">
      <ErrorSummary error={create.error} fields={FIELDS} testId="listing-form-error" />
      <p className="muted small">{tm("listings.createLead")}</p>
      <div className="form-grid">
        <FieldSlot name="productId" id="listing-product" label={tc("listings.product")}>
          {(f) => (
            <select id={f.id} value={f.value} onChange={(e) => f.onChange(e.target.value)} data-testid={f.id}>
              <option value="">{t("form.choose")}</option>
              {active.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                  {p.spec ? ` · ${p.spec}` : ""}
                </option>
              ))}
            </select>
          )}
        </FieldSlot>
        <CounterPicker counters={counters} />
        <TextField name="priceFen" id="listing-price" label={tm("listings.priceYuan")} inputMode="decimal" placeholder="12.50" />
        <NumberField name="stock" label={tm("listings.openingStock")} placeholder="0" />
        <NumberField name="minStock" id="listing-min" label={tm("listings.minStock")} placeholder="0" />
      </div>
      <div className="form-actions">
        <SubmitButton label={tm("listings.create")} testId="listing-save" />
      </div>
    </ZodForm>
  );
}
