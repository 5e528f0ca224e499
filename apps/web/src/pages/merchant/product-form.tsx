// Create or edit a product: its fields and its certifications (绿色食品 / 有机 / 地理标志, number, valid until), with the
// server's field errors under each field (certifications.1.validUntil under the second row's date).
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { CERTIFICATION_KINDS, PRODUCT_CATEGORIES, PRODUCT_TEMPS } from "@xiangda/domain";
import { FormField } from "../../components/form-field.tsx";
import { fieldError, readApiError } from "../../lib/api-error.ts";
import { useTRPC } from "../../lib/trpc.ts";
import type { TCategory, TProduct, TProductTemp } from "../counters/counters-api.ts";
import { certKey, nextCertKind, productDraftOf, productInputOf, type TCertDraft, type TProductDraft } from "../counters/product-draft.ts";
import { enumKey, useCountersT } from "../counters/use-counters-t.ts";
import { ErrorSummary } from "../network/error-summary.tsx";

const FORM_FIELDS = [
  "name",
  "category",
  "unit",
  "spec",
  "unitWeightG",
  "temp",
  "shelfLifeDays",
  "regionalBrand",
  "description",
  "certifications",
] as const;

type TTextField = "name" | "unit" | "spec" | "unitWeightG" | "shelfLifeDays" | "regionalBrand";

interface Props {
  merchantId: string;
  product: TProduct | null;
  onSaved: (product: TProduct) => void;
}

export function ProductForm({ merchantId, product, onSaved }: Props) {
  const { t } = useTranslation();
  const tc = useCountersT();
  const trpc = useTRPC();
  const [draft, setDraft] = useState<TProductDraft>(() => productDraftOf(product));
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const save = useMutation(
    trpc.catalog.products.upsert.mutationOptions({
      onSuccess: (p) => {
        setSaved(true);
        onSaved(p);
      },
    }),
  );
  const serverErrors = save.error ? readApiError(save.error).fieldErrors : {};
  const errorFor = (field: string) => clientErrors[field] ?? fieldError(serverErrors, field);
  const set = <K extends keyof TProductDraft>(field: K, value: TProductDraft[K]) => {
    setSaved(false);
    setDraft((d) => ({ ...d, [field]: value }));
  };

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const r = productInputOf(draft, merchantId, product?.id);
    if (!r.ok) {
      setClientErrors(
        Object.fromEntries(Object.entries(r.errors).map(([k, v]) => [k, v === "required" ? t("form.required") : t("form.wholeNumber")])),
      );
      return;
    }
    setClientErrors({});
    save.mutate(r.input);
  }

  const textInput = (field: TTextField, label: string, props: { inputMode?: "numeric"; placeholder?: string } = {}) => (
    <FormField id={`product-${field}`} label={label} error={errorFor(field)}>
      <input
        id={`product-${field}`}
        value={draft[field]}
        inputMode={props.inputMode}
        placeholder={props.placeholder}
        aria-invalid={Boolean(errorFor(field))}
        onChange={(e) => set(field, e.target.value)}
        data-testid={`product-${field}`}
      />
    </FormField>
  );

  return (
    <form className="form" onSubmit={onSubmit} noValidate data-testid="product-form">
      <ErrorSummary error={save.error} fields={FORM_FIELDS} testId="product-form-error" />
      {saved ? (
        <div className="alert alert-success" role="status" data-testid="product-form-ok">
          {t("common.saved")}
        </div>
      ) : null}
      <div className="form-grid">
        {textInput("name", tc("products.name"))}
        <FormField id="product-category" label={tc("products.category")} error={errorFor("category")}>
          <select
            id="product-category"
            value={draft.category}
            onChange={(e) => set("category", e.target.value as TCategory)}
            data-testid="product-category"
          >
            {PRODUCT_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {tc(enumKey("categories", c))}
              </option>
            ))}
          </select>
        </FormField>
        {textInput("unit", tc("products.unit"), { placeholder: tc("products.unitHint") })}
        {textInput("spec", tc("products.spec"), { placeholder: tc("products.specHint") })}
        {textInput("unitWeightG", tc("products.unitWeightG"), { inputMode: "numeric" })}
        <FormField id="product-temp" label={tc("products.temp")} error={errorFor("temp")}>
          <select
            id="product-temp"
            value={draft.temp}
            onChange={(e) => set("temp", e.target.value as TProductTemp)}
            data-testid="product-temp"
          >
            {PRODUCT_TEMPS.map((x) => (
              <option key={x} value={x}>
                {tc(enumKey("temps", x))}
              </option>
            ))}
          </select>
        </FormField>
        {textInput("shelfLifeDays", tc("products.shelfLifeDays"), { inputMode: "numeric" })}
        {textInput("regionalBrand", tc("products.regionalBrand"))}
      </div>
      <FormField id="product-description" label={tc("products.description")} error={errorFor("description")}>
        <textarea
          id="product-description"
          rows={3}
          value={draft.description}
          onChange={(e) => set("description", e.target.value)}
          data-testid="product-description"
        />
      </FormField>
      <CertRows certs={draft.certifications} onChange={(certs) => set("certifications", certs)} errorFor={errorFor} />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={save.isPending} data-testid="product-save">
          {save.isPending ? t("common.saving") : product ? t("common.save") : tc("products.create")}
        </button>
      </div>
    </form>
  );
}

/** The product's certifications: a row per kind (each kind once), with its number and last valid day. */
function CertRows(props: {
  certs: TCertDraft[];
  onChange: (certs: TCertDraft[]) => void;
  errorFor: (field: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const tc = useCountersT();
  const { certs, onChange, errorFor } = props;
  const setCert = (i: number, patch: Partial<TCertDraft>) => onChange(certs.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  const addKind = nextCertKind(certs);
  return (
    <fieldset className="cert-group" data-testid="product-certs">
      <legend>{tc("products.certifications")}</legend>
      {certs.length === 0 ? <p className="muted small">{tc("products.noCerts")}</p> : null}
      {certs.map((c, i) => (
        <div className="cert-row" key={c.key} data-testid="product-cert-row">
          <FormField id={`product-cert-kind-${i}`} label={tc("products.certKind")} error={errorFor(`certifications.${i}.kind`)}>
            <select
              id={`product-cert-kind-${i}`}
              value={c.kind}
              onChange={(e) => setCert(i, { kind: e.target.value as TCertDraft["kind"] })}
              data-testid={`product-cert-kind-${i}`}
            >
              {CERTIFICATION_KINDS.map((k) => (
                <option key={k} value={k} disabled={k !== c.kind && certs.some((o) => o.kind === k)}>
                  {tc(enumKey("certKinds", k))}
                </option>
              ))}
            </select>
          </FormField>
          <FormField id={`product-cert-number-${i}`} label={tc("products.certNumber")} error={errorFor(`certifications.${i}.number`)}>
            <input
              id={`product-cert-number-${i}`}
              value={c.number}
              onChange={(e) => setCert(i, { number: e.target.value })}
              data-testid={`product-cert-number-${i}`}
            />
          </FormField>
          <FormField
            id={`product-cert-until-${i}`}
            label={tc("products.certValidUntil")}
            error={errorFor(`certifications.${i}.validUntil`)}
          >
            <input
              id={`product-cert-until-${i}`}
              type="date"
              value={c.validUntil}
              onChange={(e) => setCert(i, { validUntil: e.target.value })}
              data-testid={`product-cert-until-${i}`}
            />
          </FormField>
          <button
            type="button"
            className="btn btn-small btn-ghost cert-remove"
            onClick={() => onChange(certs.filter((_, j) => j !== i))}
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
          onClick={() => onChange([...certs, { key: certKey(), kind: addKind, number: "", validUntil: "" }])}
          data-testid="product-cert-add"
        >
          {tc("products.addCert")}
        </button>
      ) : null}
      {errorFor("certifications") && !certs.length ? <p className="field-error">{errorFor("certifications")}</p> : null}
    </fieldset>
  );
}
