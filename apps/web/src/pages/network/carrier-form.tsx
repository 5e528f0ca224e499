// ADMIN: create or edit a carrier (credit grade, blacklist, waybill pattern). Carriers are shared by all counties.
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { FormField } from "../../components/form-field.tsx";
import { fieldError, readApiError } from "../../lib/api-error.ts";
import { type TCarrier, type TCarrierInput } from "../../lib/network-api.ts";
import { useTRPC } from "../../lib/trpc.ts";
import { ErrorSummary } from "./error-summary.tsx";
import { Check } from "./network-bits.tsx";
import { CREDIT_GRADES } from "./network-constants.ts";

type TGrade = TCarrierInput["creditGrade"];

const gradeOf = (grade: string | undefined): TGrade => CREDIT_GRADES.find((g) => g === grade) ?? "B";

const FORM_FIELDS = ["code", "name", "waybillPattern", "creditGrade", "blacklisted", "blacklistReason"] as const;

export function CarrierForm({ carrier, onSaved }: { carrier: TCarrier | null; onSaved: (carrier: TCarrier) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [draft, setDraft] = useState({
    code: carrier?.code ?? "",
    name: carrier?.name ?? "",
    waybillPattern: carrier?.waybillPattern ?? "",
    creditGrade: gradeOf(carrier?.creditGrade),
    blacklisted: carrier?.blacklisted ?? false,
    blacklistReason: carrier?.blacklistReason ?? "",
  });
  const [saved, setSaved] = useState(false);
  const save = useMutation(
    trpc.network.carriers.upsert.mutationOptions({
      onSuccess: (result) => {
        setSaved(true);
        onSaved(result);
      },
    }),
  );
  const serverErrors = save.error ? readApiError(save.error).fieldErrors : {};
  const errorFor = (field: string) => fieldError(serverErrors, field);
  const set = <K extends keyof typeof draft>(field: K, value: (typeof draft)[K]) => {
    setSaved(false);
    setDraft((d) => ({ ...d, [field]: value }));
  };

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const input: TCarrierInput = {
      code: draft.code.trim(),
      name: draft.name.trim(),
      waybillPattern: draft.waybillPattern.trim() || null,
      creditGrade: draft.creditGrade,
      blacklisted: draft.blacklisted,
      blacklistReason: draft.blacklisted ? draft.blacklistReason.trim() || null : null,
    };
    save.mutate(input);
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate data-testid="carrier-form">
      <ErrorSummary error={save.error} fields={FORM_FIELDS} testId="carrier-form-error" />
      {saved ? (
        <div className="alert alert-success" role="status">
          {t("common.saved")}
        </div>
      ) : null}
      <div className="form-grid">
        <FormField id="carrier-code" label={t("fleet.carrier.code")} error={errorFor("code")}>
          <input
            id="carrier-code"
            className="mono"
            value={draft.code}
            readOnly={carrier !== null}
            placeholder="ZTO"
            onChange={(e) => set("code", e.target.value)}
            data-testid="carrier-code"
          />
        </FormField>
        <FormField id="carrier-name" label={t("fleet.carrier.name")} error={errorFor("name")}>
          <input id="carrier-name" value={draft.name} onChange={(e) => set("name", e.target.value)} data-testid="carrier-name" />
        </FormField>
        <FormField id="carrier-creditGrade" label={t("fleet.carrier.creditGrade")} error={errorFor("creditGrade")}>
          <select
            id="carrier-creditGrade"
            value={draft.creditGrade}
            onChange={(e) => set("creditGrade", e.target.value as TGrade)}
            data-testid="carrier-creditGrade"
          >
            {CREDIT_GRADES.map((g) => (
              <option key={g} value={g}>
                {g}
              </option>
            ))}
          </select>
        </FormField>
        <FormField id="carrier-waybillPattern" label={t("fleet.carrier.waybillPattern")} error={errorFor("waybillPattern")}>
          <input
            id="carrier-waybillPattern"
            className="mono"
            value={draft.waybillPattern}
            placeholder="^7\d{11}$"
            onChange={(e) => set("waybillPattern", e.target.value)}
            data-testid="carrier-waybillPattern"
          />
        </FormField>
      </div>
      <div className="check-group check-group-plain">
        <Check
          id="carrier-blacklisted"
          label={t("fleet.carrier.blacklisted")}
          checked={draft.blacklisted}
          onChange={(v) => set("blacklisted", v)}
          testId="carrier-blacklisted"
        />
      </div>
      {draft.blacklisted ? (
        <FormField id="carrier-blacklistReason" label={t("fleet.carrier.blacklistReason")} error={errorFor("blacklistReason")}>
          <input
            id="carrier-blacklistReason"
            value={draft.blacklistReason}
            onChange={(e) => set("blacklistReason", e.target.value)}
            data-testid="carrier-blacklistReason"
          />
        </FormField>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={save.isPending} data-testid="carrier-submit">
          {save.isPending ? t("common.saving") : carrier ? t("common.save") : t("fleet.createCarrier")}
        </button>
      </div>
    </form>
  );
}
