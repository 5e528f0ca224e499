// The frame of the county's catalog forms (counter, merchant): the kit's form with the server's answer on top and the
// submit button (test id `<prefix>-save`) at the bottom.
import type { ReactNode } from "react";
import type { FieldValues } from "react-hook-form";
import { FormStatus, SubmitButton, ZodForm, type TZodForm } from "../../../components/form/index.ts";

interface Props<TDraft extends FieldValues, TInput> {
  kit: TZodForm<TDraft, TInput>;
  prefix: string;
  submitLabel: string;
  children: ReactNode;
}

export function CatalogForm<TDraft extends FieldValues, TInput>({ kit, prefix, submitLabel, children }: Props<TDraft, TInput>) {
  return (
    <ZodForm kit={kit} prefix={prefix}>
      <FormStatus />
      {children}
      <div className="form-actions">
        <SubmitButton label={submitLabel} testId={`${prefix}-save`} />
      </div>
    </ZodForm>
  );
}
