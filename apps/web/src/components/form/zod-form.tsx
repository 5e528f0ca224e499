// <ZodForm>: the <form> of a useZodForm, giving its fields their form and id prefix; FormStatus (error summary and
// "saved") and SubmitButton read the same form.
import { createContext, useContext, type ReactNode } from "react";
import { FormProvider, type FieldValues } from "react-hook-form";
import { ErrorSummary } from "./error-summary.tsx";
import type { TFormMutation, TZodForm } from "./use-zod-form.ts";
import { useT } from "../../i18n/use-t.ts";

interface TKit {
  prefix: string;
  saved: boolean;
  mutation: TFormMutation<never>;
  fields: readonly string[];
}

const FormKit = createContext<TKit | null>(null);

export function useFormKit(): TKit {
  const kit = useContext(FormKit);
  if (!kit) throw new Error("a form kit field outside <ZodForm>");
  return kit;
}

interface Props<TDraft extends FieldValues, TInput> {
  kit: TZodForm<TDraft, TInput>;
  /** Ids and test ids: `<prefix>-<field>`, `<prefix>-form`, `<prefix>-submit`. */
  prefix: string;
  testId?: string;
  /** The form's class: "form" unless given. */
  className?: string;
  children: ReactNode;
}

export function ZodForm<TDraft extends FieldValues, TInput>({ kit, prefix, testId, className = "form", children }: Props<TDraft, TInput>) {
  const value: TKit = { prefix, saved: kit.saved, mutation: kit.mutation, fields: kit.fields };
  return (
    <FormProvider {...kit.form}>
      <FormKit.Provider value={value}>
        <form className={className} onSubmit={kit.onSubmit} noValidate data-testid={testId ?? `${prefix}-form`}>
          {children}
        </form>
      </FormKit.Provider>
    </FormProvider>
  );
}

/** The server's error as a whole (and field issues no field shows), or "saved". */
export function FormStatus() {
  const t = useT("common");
  const { prefix, saved, mutation, fields } = useFormKit();
  return (
    <>
      <ErrorSummary error={mutation.error} fields={fields} testId={`${prefix}-form-error`} />
      {saved ? (
        <div className="alert alert-success" role="status" data-testid={`${prefix}-form-ok`}>
          {t("common.saved")}
        </div>
      ) : null}
    </>
  );
}

/** The submit button: `pendingLabel` ("saving…" unless given) while the mutation runs; test id `<prefix>-submit`
 * and class "btn btn-primary" unless given. */
export function SubmitButton({
  label,
  pendingLabel,
  testId,
  disabled,
  className = "btn btn-primary",
}: {
  label: string;
  pendingLabel?: string;
  testId?: string;
  disabled?: boolean;
  className?: string;
}) {
  const t = useT("common");
  const { prefix, mutation } = useFormKit();
  return (
    <button type="submit" className={className} disabled={mutation.isPending || disabled} data-testid={testId ?? `${prefix}-submit`}>
      {mutation.isPending ? (pendingLabel ?? t("common.saving")) : label}
    </button>
  );
}
