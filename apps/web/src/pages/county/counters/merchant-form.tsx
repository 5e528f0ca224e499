// Create or edit a merchant of the county: name, type, origin village, poverty-alleviation recognition (number and
// last valid day), credit code and contact, with the server's field errors under each field.
import { useMutation } from "@tanstack/react-query";
import { useMemo, useState, type FormEvent } from "react";
import { MERCHANT_TYPES } from "@xiangda/domain";
import { FormField } from "../../../components/form-field.tsx";
import { fieldError, readApiError } from "../../../lib/api-error.ts";
import type { TTree } from "../../../lib/network-api.ts";
import { useTRPC } from "../../../lib/trpc.ts";
import type { TMerchant, TMerchantType } from "../../../components/counters/counters-api.ts";
import { ErrorSummary } from "../../../components/form/error-summary.tsx";
import { buildAreaIndex } from "../network/network-data.ts";
import { AreaPicker } from "./area-picker.tsx";
import { merchantDraftOf, merchantInputOf, type TMerchantDraft } from "./merchant-draft.ts";
import { useT } from "../../../i18n/use-t.ts";
import { enumKey } from "../../../components/counters/counter-keys.ts";

const FIELDS = [
  "id",
  "name",
  "type",
  "originAreaCode",
  "recognitionNo",
  "recognitionValidUntil",
  "creditCode",
  "contactName",
  "contactPhone",
] as const;
type TTextField = "name" | "recognitionNo" | "creditCode" | "contactName" | "contactPhone";

interface Props {
  countyCode: string;
  merchant: TMerchant | null;
  tree: TTree;
  onSaved: (m: TMerchant) => void;
}

export function MerchantForm({ countyCode, merchant, tree, onSaved }: Props) {
  const t = useT("common");
  const tc = useT("counters");
  const trpc = useTRPC();
  const areas = useMemo(() => buildAreaIndex(tree), [tree]);
  const [draft, setDraft] = useState<TMerchantDraft>(() => merchantDraftOf(merchant, (code) => areas.get(code)?.townshipCode ?? ""));
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const save = useMutation(
    trpc.catalog.merchants.upsert.mutationOptions({
      onSuccess: (m) => {
        setSaved(true);
        onSaved(m);
      },
    }),
  );
  const serverErrors = save.error ? readApiError(save.error).fieldErrors : {};
  const errorFor = (f: string) => clientErrors[f] ?? fieldError(serverErrors, f);
  const set = <K extends keyof TMerchantDraft>(field: K, value: TMerchantDraft[K]) => {
    setSaved(false);
    setDraft((d) => ({ ...d, [field]: value }));
  };

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setSaved(false);
    const r = merchantInputOf(draft, countyCode, merchant?.id);
    if (!r.ok) {
      setClientErrors(Object.fromEntries(Object.keys(r.errors).map((k) => [k, t("form.required")])));
      return;
    }
    setClientErrors({});
    save.mutate(r.input);
  }

  const text = (field: TTextField, label: string, props: { mono?: boolean; type?: string; placeholder?: string } = {}) => (
    <FormField id={`merchant-${field}`} label={label} error={errorFor(field)}>
      <input
        id={`merchant-${field}`}
        type={props.type}
        className={props.mono ? "mono" : undefined}
        value={draft[field]}
        placeholder={props.placeholder}
        aria-invalid={Boolean(errorFor(field))}
        onChange={(e) => set(field, e.target.value)}
        data-testid={`merchant-${field}`}
      />
    </FormField>
  );

  return (
    <form className="form" onSubmit={onSubmit} noValidate data-testid="merchant-form">
      <ErrorSummary error={save.error} fields={FIELDS} testId="merchant-form-error" />
      {saved ? (
        <div className="alert alert-success" role="status" data-testid="merchant-form-ok">
          {t("common.saved")}
        </div>
      ) : null}
      <div className="form-grid">
        {text("name", tc("merchants.name"))}
        <FormField id="merchant-type" label={tc("merchants.type")} error={errorFor("type")}>
          <select
            id="merchant-type"
            value={draft.type}
            onChange={(e) => set("type", e.target.value as TMerchantType)}
            data-testid="merchant-type"
          >
            {MERCHANT_TYPES.map((x) => (
              <option key={x} value={x}>
                {tc(enumKey("merchantTypes", x))}
              </option>
            ))}
          </select>
        </FormField>
      </div>
      <FormField id="merchant-origin" label={tc("merchants.origin")} error={errorFor("originAreaCode")}>
        <AreaPicker
          idPrefix="merchant-origin"
          tree={tree}
          townshipCode={draft.townshipCode}
          villageCode={draft.originAreaCode}
          invalid={Boolean(errorFor("originAreaCode"))}
          onChange={(township, village) => {
            setSaved(false);
            setDraft((d) => ({ ...d, townshipCode: township, originAreaCode: village }));
          }}
        />
      </FormField>
      <div className="form-grid">
        {text("recognitionNo", tc("merchants.recognitionNo"), { mono: true })}
        <FormField
          id="merchant-recognitionValidUntil"
          label={tc("merchants.recognitionValidUntil")}
          error={errorFor("recognitionValidUntil")}
        >
          <input
            id="merchant-recognitionValidUntil"
            type="date"
            value={draft.recognitionValidUntil}
            onChange={(e) => set("recognitionValidUntil", e.target.value)}
            data-testid="merchant-recognitionValidUntil"
          />
        </FormField>
        {text("creditCode", tc("merchants.creditCode"), { mono: true, placeholder: "91210881MA0XXXXXXX" })}
        {text("contactName", tc("merchants.contactName"))}
        {text("contactPhone", tc("merchants.contactPhone"), { type: "tel" })}
      </div>
      <p className="field-hint">{tc("merchants.recognitionHint")}</p>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={save.isPending} data-testid="merchant-save">
          {save.isPending ? t("common.saving") : merchant ? t("common.save") : tc("merchants.create")}
        </button>
      </div>
    </form>
  );
}
