// Create or edit a vehicle: unified number, plate, home node, carrier, capacity, cold class, energy, status.
import { useMutation } from "@tanstack/react-query";
import { COLD_CLASSES, ENERGY_TYPES, VEHICLE_STATUSES, ZVehicleUpsertSchema } from "@xiangda/domain";
import { z } from "zod";
import {
  ENUMS,
  EnumSelect,
  FieldSlot,
  NumberField,
  TextField,
  requiredDecimal,
  requiredWholeNumber,
  useZodForm,
} from "../../../components/form/index.ts";
import { type TCarrier, type TNode, type TVehicle, type TVehicleInput } from "../../../lib/network-api.ts";
import { useTRPC } from "../../../lib/trpc.ts";
import { NodeSelect } from "./node-select.tsx";
import { useT } from "../../../i18n/use-t.ts";
import { EditForm, withFixed } from "../../../components/edit-form.tsx";

const ZVehicleDraftSchema = z
  .object({
    number: z.string(),
    plate: z.string(),
    homeNodeCode: z.string(),
    carrierCode: z.string(),
    capacityKg: requiredWholeNumber(),
    capacityM3: requiredDecimal(),
    cold: z.enum(COLD_CLASSES),
    energy: z.enum(ENERGY_TYPES),
    status: z.enum(VEHICLE_STATUSES),
  })
  .transform((d): Omit<TVehicleInput, "countyCode"> => ({
    ...d,
    number: d.number.trim(),
    plate: d.plate.trim().toUpperCase(),
    carrierCode: d.carrierCode || null,
  }))
  .pipe(ZVehicleUpsertSchema);

const FORM_FIELDS = ["number", "plate", "homeNodeCode", "carrierCode", "capacityKg", "capacityM3", "cold", "energy", "status"] as const;

function draftOf(v: TVehicle | null): z.input<typeof ZVehicleDraftSchema> {
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
  const t = useT("network");
  const trpc = useTRPC();
  const save = useMutation(trpc.network.vehicles.upsert.mutationOptions({ onSuccess: onSaved }));
  const kit = useZodForm({
    schema: ZVehicleDraftSchema,
    defaultValues: draftOf(vehicle),
    fields: FORM_FIELDS,
    mutation: withFixed(save, { countyCode }),
  });

  return (
    <EditForm kit={kit} prefix="vehicle" createLabel={vehicle ? undefined : t("fleet.createVehicle")}>
      <div className="form-grid">
        <TextField name="number" label={t("fleet.field.number")} mono readOnly={vehicle !== null} placeholder="GZ-V001" />
        <TextField name="plate" label={t("fleet.field.plate")} placeholder="辽H·D12345" />
        <FieldSlot name="homeNodeCode" label={t("fleet.field.homeNodeCode")}>
          {({ id, value, onChange }) => <NodeSelect id={id} value={value} nodes={nodes} onChange={onChange} testId={id} />}
        </FieldSlot>
        <FieldSlot name="carrierCode" label={t("fleet.field.carrierCode")}>
          {({ id, value, onChange }) => (
            <select id={id} value={value} onChange={(e) => onChange(e.target.value)} data-testid={id}>
              <option value="">{t("fleet.ownFleet")}</option>
              {value && !carriers.some((c) => c.code === value) ? <option value={value}>{value}</option> : null}
              {carriers.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}（{c.code}）{c.blacklisted ? ` · ${t("fleet.blacklisted")}` : ""}
                </option>
              ))}
            </select>
          )}
        </FieldSlot>
        <NumberField name="capacityKg" label={t("fleet.field.capacityKg")} />
        <NumberField name="capacityM3" label={t("fleet.field.capacityM3")} inputMode="decimal" />
        <EnumSelect name="cold" label={t("fleet.field.cold")} options={ENUMS.cold} />
        <EnumSelect name="energy" label={t("fleet.field.energy")} options={ENUMS.energy} />
        <EnumSelect name="status" label={t("fleet.field.status")} options={ENUMS.vehicleStatus} />
      </div>
    </EditForm>
  );
}
