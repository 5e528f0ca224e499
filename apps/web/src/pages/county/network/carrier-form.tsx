// ADMIN: create or edit a carrier (credit grade, blacklist, waybill pattern). Carriers are shared by all counties.
import { useMutation } from "@tanstack/react-query";
import { CREDIT_GRADES, ZCarrierUpsertSchema } from "@xiangda/domain";
import { z } from "zod";
import { CheckField, ENUMS, EnumSelect, TextField, optionalText, useZodForm } from "../../../components/form/index.ts";
import { type TCarrier, type TCarrierInput } from "../../../lib/network-api.ts";
import { useTRPC } from "../../../lib/trpc.ts";
import { useT } from "../../../i18n/use-t.ts";
import { EditForm } from "../../../components/edit-form.tsx";

const ZCarrierDraftSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    waybillPattern: z.string(),
    creditGrade: z.enum(CREDIT_GRADES),
    blacklisted: z.boolean(),
    blacklistReason: z.string(),
  })
  .transform((d): TCarrierInput => ({
    code: d.code.trim(),
    name: d.name.trim(),
    waybillPattern: optionalText(d.waybillPattern),
    creditGrade: d.creditGrade,
    blacklisted: d.blacklisted,
    blacklistReason: d.blacklisted ? optionalText(d.blacklistReason) : null,
  }))
  .pipe(ZCarrierUpsertSchema);

const gradeOf = (grade: string | undefined) => CREDIT_GRADES.find((g) => g === grade) ?? "B";

const FORM_FIELDS = ["code", "name", "waybillPattern", "creditGrade", "blacklisted", "blacklistReason"] as const;

export function CarrierForm({ carrier, onSaved }: { carrier: TCarrier | null; onSaved: (carrier: TCarrier) => void }) {
  const t = useT("network");
  const trpc = useTRPC();
  const save = useMutation(trpc.network.carriers.upsert.mutationOptions({ onSuccess: onSaved }));
  const kit = useZodForm({
    schema: ZCarrierDraftSchema,
    defaultValues: {
      code: carrier?.code ?? "",
      name: carrier?.name ?? "",
      waybillPattern: carrier?.waybillPattern ?? "",
      creditGrade: gradeOf(carrier?.creditGrade),
      blacklisted: carrier?.blacklisted ?? false,
      blacklistReason: carrier?.blacklistReason ?? "",
    },
    fields: FORM_FIELDS,
    mutation: save,
  });
  const blacklisted = kit.form.watch("blacklisted");

  return (
    <EditForm kit={kit} prefix="carrier" createLabel={carrier ? undefined : t("fleet.createCarrier")}>
      <div className="form-grid">
        <TextField name="code" label={t("fleet.carrier.code")} mono readOnly={carrier !== null} placeholder="ZTO" />
        <TextField name="name" label={t("fleet.carrier.name")} />
        <EnumSelect name="creditGrade" label={t("fleet.carrier.creditGrade")} options={ENUMS.creditGrade} />
        <TextField name="waybillPattern" label={t("fleet.carrier.waybillPattern")} mono placeholder="^7\d{11}$" />
      </div>
      <div className="check-group check-group-plain">
        <CheckField name="blacklisted" label={t("fleet.carrier.blacklisted")} />
      </div>
      {blacklisted ? <TextField name="blacklistReason" label={t("fleet.carrier.blacklistReason")} /> : null}
    </EditForm>
  );
}
