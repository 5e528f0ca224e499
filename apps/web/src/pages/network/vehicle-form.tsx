// Create or edit a vehicle: unified number, plate, home node, carrier, capacity, cold class, energy, status.
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { FormField } from "../../components/form-field.tsx";
import { fieldError, readApiError } from "../../lib/api-error.ts";
import { type TCarrier, type TNode, type TVehicle, type TVehicleInput } from "../../lib/network-api.ts";
import { useTRPC } from "../../lib/trpc.ts";
import { ErrorSummary } from "./error-summary.tsx";
import { COLD_CLASSES, ENERGY_TYPES, VEHICLE_STATUSES } from "@xiangda/domain";
import { parseDecimal, parseWholeNumber } from "./network-format.ts";
import { NodeSelect } from "./node-select.tsx";

interface TDraft {
  number: string;
  plate: string;
  homeNodeCode: string;
  carrierCode: string;
  capacityKg: string;
  capacityM3: string;
  cold: TVehicle["cold"];
  energy: TVehicle["energy"];
  status: TVehicle["status"];
}

const FORM_FIELDS = ["number", "plate", "homeNodeCode", "carrierCode", "capacityKg", "capacityM3", "cold", "energy", "status"] as const;

function draftOf(v: TVehicle | null): TDraft {
  return {
    number: v?.number ?? "",
    plate: v?.plate ?? "",
    homeNodeCode: v?.homeNodeCode ?? "",
    carrierCode: v?.carrierCode ?? "",
    capacityKg: v ? String(v.capacityKg) : "",
    capacityM3: v ? String(v.capacityM3) : "",
    cold: v?.cold ?? "NONE",
    energy: v?.energy ?? "NEW_ENERGY",
    status: v?.status ?? "ACTIVE",
  };
}

interface Props {
  countyCode: string;
  vehicle: TVehicle | null;
  nodes: readonly TNode[];
  carriers: readonly TCarrier[];
  onSaved: (vehicle: TVehicle) => void;
}

export function VehicleForm({ countyCode, vehicle, nodes, carriers, onSaved }: Props) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [draft, setDraft] = useState<TDraft>(() => draftOf(vehicle));
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const save = useMutation(
    trpc.network.vehicles.upsert.mutationOptions({
      onSuccess: (result) => {
        setSaved(true);
        onSaved(result);
      },
    }),
  );
  const serverErrors = save.error ? readApiError(save.error).fieldErrors : {};
  const errorFor = (field: string) => clientErrors[field] ?? fieldError(serverErrors, field);
  const set = <K extends keyof TDraft>(field: K, value: TDraft[K]) => {
    setSaved(false);
    setDraft((d) => ({ ...d, [field]: value }));
  };

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const kg = parseWholeNumber(draft.capacityKg);
    const m3 = parseDecimal(draft.capacityM3);
    const errors: Record<string, string> = {};
    if (kg === null) errors.capacityKg = t("form.required");
    if (kg === "invalid") errors.capacityKg = t("form.wholeNumber");
    if (m3 === null) errors.capacityM3 = t("form.required");
    if (m3 === "invalid") errors.capacityM3 = t("form.number");
    setClientErrors(errors);
    if (typeof kg !== "number" || typeof m3 !== "number") return;
    const input: TVehicleInput = {
      countyCode,
      number: draft.number.trim(),
      plate: draft.plate.trim().toUpperCase(),
      homeNodeCode: draft.homeNodeCode,
      carrierCode: draft.carrierCode || null,
      capacityKg: kg,
      capacityM3: m3,
      cold: draft.cold,
      energy: draft.energy,
      status: draft.status,
    };
    save.mutate(input);
  }

  const knownCarrier = !draft.carrierCode || carriers.some((c) => c.code === draft.carrierCode);

  return (
    <form className="form" onSubmit={onSubmit} noValidate data-testid="vehicle-form">
      <ErrorSummary error={save.error} fields={FORM_FIELDS} testId="vehicle-form-error" />
      {saved ? (
        <div className="alert alert-success" role="status" data-testid="vehicle-form-ok">
          {t("common.saved")}
        </div>
      ) : null}
      <div className="form-grid">
        <FormField id="vehicle-number" label={t("fleet.field.number")} error={errorFor("number")}>
          <input
            id="vehicle-number"
            className="mono"
            value={draft.number}
            readOnly={vehicle !== null}
            placeholder="GZ-V001"
            onChange={(e) => set("number", e.target.value)}
            data-testid="vehicle-number"
          />
        </FormField>
        <FormField id="vehicle-plate" label={t("fleet.field.plate")} error={errorFor("plate")}>
          <input
            id="vehicle-plate"
            value={draft.plate}
            placeholder="辽H·D12345"
            onChange={(e) => set("plate", e.target.value)}
            data-testid="vehicle-plate"
          />
        </FormField>
        <FormField id="vehicle-homeNodeCode" label={t("fleet.field.homeNodeCode")} error={errorFor("homeNodeCode")}>
          <NodeSelect
            id="vehicle-homeNodeCode"
            value={draft.homeNodeCode}
            nodes={nodes}
            onChange={(v) => set("homeNodeCode", v)}
            testId="vehicle-homeNodeCode"
          />
        </FormField>
        <FormField id="vehicle-carrierCode" label={t("fleet.field.carrierCode")} error={errorFor("carrierCode")}>
          <select
            id="vehicle-carrierCode"
            value={draft.carrierCode}
            onChange={(e) => set("carrierCode", e.target.value)}
            data-testid="vehicle-carrierCode"
          >
            <option value="">{t("fleet.ownFleet")}</option>
            {!knownCarrier ? <option value={draft.carrierCode}>{draft.carrierCode}</option> : null}
            {carriers.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}（{c.code}）{c.blacklisted ? ` · ${t("fleet.blacklisted")}` : ""}
              </option>
            ))}
          </select>
        </FormField>
        <FormField id="vehicle-capacityKg" label={t("fleet.field.capacityKg")} error={errorFor("capacityKg")}>
          <input
            id="vehicle-capacityKg"
            inputMode="numeric"
            value={draft.capacityKg}
            onChange={(e) => set("capacityKg", e.target.value)}
            data-testid="vehicle-capacityKg"
          />
        </FormField>
        <FormField id="vehicle-capacityM3" label={t("fleet.field.capacityM3")} error={errorFor("capacityM3")}>
          <input
            id="vehicle-capacityM3"
            inputMode="decimal"
            value={draft.capacityM3}
            onChange={(e) => set("capacityM3", e.target.value)}
            data-testid="vehicle-capacityM3"
          />
        </FormField>
        <FormField id="vehicle-cold" label={t("fleet.field.cold")} error={errorFor("cold")}>
          <select
            id="vehicle-cold"
            value={draft.cold}
            onChange={(e) => set("cold", e.target.value as TVehicle["cold"])}
            data-testid="vehicle-cold"
          >
            {COLD_CLASSES.map((c) => (
              <option key={c} value={c}>
                {t(`coldClass.${c}`)}
              </option>
            ))}
          </select>
        </FormField>
        <FormField id="vehicle-energy" label={t("fleet.field.energy")} error={errorFor("energy")}>
          <select
            id="vehicle-energy"
            value={draft.energy}
            onChange={(e) => set("energy", e.target.value as TVehicle["energy"])}
            data-testid="vehicle-energy"
          >
            {ENERGY_TYPES.map((x) => (
              <option key={x} value={x}>
                {t(`energy.${x}`)}
              </option>
            ))}
          </select>
        </FormField>
        <FormField id="vehicle-status" label={t("fleet.field.status")} error={errorFor("status")}>
          <select
            id="vehicle-status"
            value={draft.status}
            onChange={(e) => set("status", e.target.value as TVehicle["status"])}
            data-testid="vehicle-status"
          >
            {VEHICLE_STATUSES.map((x) => (
              <option key={x} value={x}>
                {t(`vehicleStatus.${x}`)}
              </option>
            ))}
          </select>
        </FormField>
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={save.isPending} data-testid="vehicle-submit">
          {save.isPending ? t("common.saving") : vehicle ? t("common.save") : t("fleet.createVehicle")}
        </button>
      </div>
    </form>
  );
}
