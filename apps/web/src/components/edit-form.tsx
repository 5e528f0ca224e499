// The frame of a create-or-edit form on the form kit: the server's error or "saved" above the fields, the submit
// button below ("save" unless a create label is given). withFixed sends fields the form does not show (the county).
//
//   const save = useMutation(trpc.network.vehicles.upsert.mutationOptions({ onSuccess: onSaved }));
//   const kit = useZodForm({ schema, defaultValues, fields, mutation: withFixed(save, { countyCode }) });
//   <EditForm kit={kit} prefix="vehicle" createLabel={vehicle ? undefined : t("fleet.createVehicle")}>…fields…</EditForm>
import type { ReactNode } from "react";
import type { FieldValues } from "react-hook-form";
import { useT } from "../i18n/use-t.ts";
import { FormStatus, SubmitButton, ZodForm, type TFormMutation, type TZodForm } from "./form/index.ts";

interface Props<TDraft extends FieldValues, TInput> {
  kit: TZodForm<TDraft, TInput>;
  /** Ids and test ids, as ZodForm's. */
  prefix: string;
  /** The submit label when the form creates a thing; "save" without it. */
  createLabel?: string;
  children: ReactNode;
}

export function EditForm<TDraft extends FieldValues, TInput>({ kit, prefix, createLabel, children }: Props<TDraft, TInput>) {
  const tc = useT("common");
  return (
    <ZodForm kit={kit} prefix={prefix}>
      <FormStatus />
      {children}
      <div className="form-actions">
        <SubmitButton label={createLabel ?? tc("common.save")} />
      </div>
    </ZodForm>
  );
}

/** A mutation whose input also carries `fixed` (fields the form does not edit, such as the county code). */
export function withFixed<TInput, K extends keyof TInput>(
  mutation: TFormMutation<TInput>,
  fixed: Pick<TInput, K>,
): TFormMutation<Omit<TInput, K>> {
  return {
    error: mutation.error,
    isPending: mutation.isPending,
    mutate: (input, options) => mutation.mutate({ ...fixed, ...input } as TInput, options),
  };
}
