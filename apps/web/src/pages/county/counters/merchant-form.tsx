// Create or edit a merchant of the county: name, type, origin village, poverty-alleviation recognition (number and
// last valid day), credit code and contact, with the server's field errors under each field.
import { useMutation } from "@tanstack/react-query";
import { useMemo } from "react";
import { EnumSelect, FieldSlot, TextField, useZodForm } from "../../../components/form/index.ts";
import type { TTree } from "../../../lib/network-api.ts";
import { useTRPC } from "../../../lib/trpc.ts";
import type { TMerchant } from "../../../components/counters/counters-api.ts";
import { CATALOG_ENUMS } from "../../../components/counters/catalog-enums.ts";
import { buildAreaIndex } from "../network/network-data.ts";
import { AreaField } from "./area-picker.tsx";
import { MERCHANT_FIELDS, merchantDraftOf, merchantSchema } from "./merchant-draft.ts";
import { CatalogForm } from "./catalog-form.tsx";
import { useT } from "../../../i18n/use-t.ts";

interface Props {
  countyCode: string;
  merchant: TMerchant | null;
  tree: TTree;
  onSaved: (m: TMerchant) => void;
}

export function MerchantForm({ countyCode, merchant, tree, onSaved }: Props) {
  const t = useT("common");
  const tp = useT("countyCounters");
  const trpc = useTRPC();
  const areas = useMemo(() => buildAreaIndex(tree), [tree]);
  const save = useMutation(trpc.catalog.merchants.upsert.mutationOptions({ onSuccess: onSaved }));
  const kit = useZodForm({
    schema: merchantSchema(countyCode, merchant?.id),
    defaultValues: merchantDraftOf(merchant, (code) => areas.get(code)?.townshipCode ?? ""),
    fields: MERCHANT_FIELDS,
    mutation: save,
  });

  return (
    <CatalogForm kit={kit} prefix="merchant" submitLabel={merchant ? t("common.save") : tp("merchants.create")}>
      <div className="form-grid">
        <TextField name="name" label={tp("merchants.name")} />
        <EnumSelect name="type" label={tp("merchants.type")} options={CATALOG_ENUMS.merchantType} />
      </div>
      <AreaField tree={tree} name="originAreaCode" townshipName="townshipCode" idSuffix="origin" label={tp("merchants.origin")} />
      <div className="form-grid">
        <TextField name="recognitionNo" label={tp("merchants.recognitionNo")} mono />
        <FieldSlot name="recognitionValidUntil" label={tp("merchants.recognitionValidUntil")}>
          {(c) => <input id={c.id} type="date" value={c.value} onChange={(e) => c.onChange(e.target.value)} data-testid={c.id} />}
        </FieldSlot>
        <TextField name="creditCode" label={tp("merchants.creditCode")} mono placeholder="91210881MA0XXXXXXX" />
        <TextField name="contactName" label={tp("merchants.contactName")} />
        <TextField name="contactPhone" label={tp("merchants.contactPhone")} type="tel" />
      </div>
      <p className="field-hint">{tp("merchants.recognitionHint")}</p>
    </CatalogForm>
  );
}
