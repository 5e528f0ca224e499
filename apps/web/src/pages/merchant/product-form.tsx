// Create or edit a product: its fields and its certifications (绿色食品 / 有机 / 地理标志, number, valid until), with the
// server's field errors under each field (certifications.1.validUntil under the second row's date).
import { useMutation } from "@tanstack/react-query";
import { useFieldArray } from "react-hook-form";
import {
  EnumSelect,
  FieldSlot,
  FormStatus,
  NumberField,
  SubmitButton,
  TextField,
  ZodForm,
  useFieldError,
  useZodForm,
  type TZodForm,
} from "../../components/form/index.ts";
import { useTRPC } from "../../lib/trpc.ts";
import { CATALOG_ENUMS } from "../../components/counters/catalog-enums.ts";
import type { TProduct, TProductInput } from "../../components/counters/counters-api.ts";
import { nextCertKind, productDraftOf, productSchema, type TProductDraft } from "../../components/counters/product-draft.ts";
import { useT } from "../../i18n/use-t.ts";

const CERT_PARTS = ["kind", "number", "validUntil"] as const;
/** Every field the server may name: a product has at most one certification of each of the three kinds. */
const FORM_FIELDS = [
  ...["name", "category", "unit", "spec", "unitWeightG", "temp", "shelfLifeDays", "regionalBrand", "description"],
  ...[0, 1, 2].flatMap((i) => CERT_PARTS.map((part) => `certifications.${i}.${part}`)),
  "certifications",
];

interface Props {
  merchantId: string;
  product: TProduct | null;
  onSaved: (product: TProduct) => void;
}

export function ProductForm({ merchantId, product, onSaved }: Props) {
  const t = useT("common");
  const tp = useT("merchant");
  const trpc = useTRPC();
  const save = useMutation(trpc.catalog.products.upsert.mutationOptions({ onSuccess: onSaved }));
  const kit = useZodForm({
    schema: productSchema(merchantId, product?.id),
    defaultValues: productDraftOf(product),
    fields: FORM_FIELDS,
    mutation: save,
  });

  return (
    <ZodForm kit={kit} prefix="product">
      <FormStatus />
      <div className="form-grid">
        <TextField name="name" label={tp("products.name")} />
        <EnumSelect name="category" label={tp("products.category")} options={CATALOG_ENUMS.category} />
        <TextField name="unit" label={tp("products.unit")} placeholder={tp("products.unitHint")} />
        <TextField name="spec" label={tp("products.spec")} placeholder={tp("products.specHint")} />
        <NumberField name="unitWeightG" label={tp("products.unitWeightG")} />
        <EnumSelect name="temp" label={tp("products.temp")} options={CATALOG_ENUMS.temp} />
        <NumberField name="shelfLifeDays" label={tp("products.shelfLifeDays")} />
        <TextField name="regionalBrand" label={tp("products.regionalBrand")} />
      </div>
      <FieldSlot name="description" label={tp("products.description")}>
        {(c) => <textarea id={c.id} rows={3} value={c.value} onChange={(e) => c.onChange(e.target.value)} data-testid={c.id} />}
      </FieldSlot>
      <CertRows kit={kit} />
      <div className="form-actions">
        <SubmitButton label={product ? t("common.save") : tp("products.create")} testId="product-save" />
      </div>
    </ZodForm>
  );
}

/** The product's certifications: a row per kind (each kind once), with its number and last valid day. */
function CertRows({ kit }: { kit: TZodForm<TProductDraft, TProductInput> }) {
  const t = useT("common");
  const tp = useT("merchant");
  const certs = useFieldArray({ control: kit.form.control, name: "certifications" });
  const tc = useT("counters");
  const kinds = kit.form.watch("certifications");
  const addKind = nextCertKind(kinds);
  const error = useFieldError("certifications");
  return (
    <fieldset className="cert-group" data-testid="product-certs">
      <legend>{tp("products.certifications")}</legend>
      {certs.fields.length === 0 ? <p className="muted small">{tc("products.noCerts")}</p> : null}
      {certs.fields.map((c, i) => (
        <div className="cert-row" key={c.id} data-testid="product-cert-row">
          <FieldSlot name={`certifications.${i}.kind`} id={`product-cert-kind-${i}`} label={tp("products.certKind")}>
            {(f) => (
              <select id={f.id} value={f.value} onChange={(e) => f.onChange(e.target.value)} data-testid={f.id}>
                {CATALOG_ENUMS.certKind.values.map((k) => (
                  <option key={k} value={k} disabled={k !== f.value && kinds.some((o) => o.kind === k)}>
                    {CATALOG_ENUMS.certKind.label(k)}
                  </option>
                ))}
              </select>
            )}
          </FieldSlot>
          <TextField name={`certifications.${i}.number`} id={`product-cert-number-${i}`} label={tp("products.certNumber")} />
          <FieldSlot name={`certifications.${i}.validUntil`} id={`product-cert-until-${i}`} label={tp("products.certValidUntil")}>
            {(f) => <input id={f.id} type="date" value={f.value} onChange={(e) => f.onChange(e.target.value)} data-testid={f.id} />}
          </FieldSlot>
          <button
            type="button"
            className="btn btn-small btn-ghost cert-remove"
            onClick={() => certs.remove(i)}
            data-testid={`product-cert-remove-${i}`}
          >
            {t("common.remove")}
          </button>
        </div>
      ))}
      {addKind ? (
        <button
          type="button"
          className="btn btn-small"
          onClick={() => certs.append({ kind: addKind, number: "", validUntil: "" })}
          data-testid="product-cert-add"
        >
          {tp("products.addCert")}
        </button>
      ) : null}
      {error && !certs.fields.length ? <p className="field-error">{error}</p> : null}
    </fieldset>
  );
}
