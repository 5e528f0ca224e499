// A form's submit button that says what it is doing while its request runs (and cannot be pressed again meanwhile),
// for a form that is not a <ZodForm> of the kit (whose SubmitButton reads the same from the form).
import type { ReactNode } from "react";

interface Props {
  pending: boolean;
  label: ReactNode;
  pendingLabel: ReactNode;
  testId: string;
  /** "btn-wide" on a till's phone. */
  className?: string;
}

export function PendingButton({ pending, label, pendingLabel, testId, className }: Props) {
  return (
    <div className="form-actions">
      <button type="submit" className={`btn btn-primary${className ? ` ${className}` : ""}`} disabled={pending} data-testid={testId}>
        {pending ? pendingLabel : label}
      </button>
    </div>
  );
}
