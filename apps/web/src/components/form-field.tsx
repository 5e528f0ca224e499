// A labelled form control with its error message underneath.
import type { ReactNode } from "react";

interface Props {
  id: string;
  label: string;
  error?: string | undefined;
  children: ReactNode;
}

export function FormField({ id, label, error, children }: Props) {
  return (
    <div className={`field${error ? " field-invalid" : ""}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {error ? (
        <p className="field-error" id={`${id}-error`} data-testid={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
