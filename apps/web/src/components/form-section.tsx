// A titled form of a side panel on the form kit (a listing's price, its stock, delisting it): the kit's form in a
// bordered section, its heading, then the server's error (and "saved" with showSaved) above the fields and its
// submit button below them.
import type { ReactNode } from "react";
import type { FieldValues } from "react-hook-form";
import { ErrorSummary, FormStatus, ZodForm, type TZodForm } from "./form/index.ts";

interface Props<TDraft extends FieldValues, TInput> {
  kit: TZodForm<TDraft, TInput>;
  /** Ids and test ids, as ZodForm's. */
  prefix: string;
  testId?: string;
  title: string;
  showSaved?: boolean;
  /** The submit button: "btn" plus tone; pendingLabel while the mutation runs, if given. */
  submit: { label: string; testId: string; tone?: "btn-primary" | "btn-danger-ghost"; pendingLabel?: string };
  children: ReactNode;
}

export function FormSection<TDraft extends FieldValues, TInput>({
  kit,
  prefix,
  testId,
  title,
  showSaved,
  submit,
  children,
}: Props<TDraft, TInput>) {
  return (
    <section className="form-section">
      <ZodForm kit={kit} prefix={prefix} testId={testId}>
        <h3 className="subheading">{title}</h3>
        {showSaved ? <FormStatus /> : <ErrorSummary error={kit.mutation.error} fields={kit.fields} />}
        {children}
        <div className="form-actions">
          <button
            type="submit"
            className={submit.tone ? `btn ${submit.tone}` : "btn"}
            disabled={kit.mutation.isPending}
            data-testid={submit.testId}
          >
            {kit.mutation.isPending && submit.pendingLabel ? submit.pendingLabel : submit.label}
          </button>
        </div>
      </ZodForm>
    </section>
  );
}
