// One text field of an acceptance desk: labelled, its error under it, its test id its id.
import type { ReactNode, Ref } from "react";
import { FormField } from "../../components/form-field.tsx";

export function DeskInput(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  mono?: boolean;
  inputMode?: "numeric" | "decimal" | "tel";
  placeholder?: string;
  spellCheck?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  /** Under the input (a hint that depends on what is typed). */
  hint?: ReactNode;
}) {
  const { id, error } = props;
  return (
    <FormField id={id} label={props.label} error={error}>
      <input
        id={id}
        ref={props.inputRef}
        className={props.mono ? "mono" : undefined}
        value={props.value}
        inputMode={props.inputMode}
        placeholder={props.placeholder}
        spellCheck={props.spellCheck}
        autoComplete="off"
        aria-invalid={Boolean(error)}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => props.onChange(e.target.value)}
        data-testid={id}
      />
      {props.hint}
    </FormField>
  );
}

/** A desk's submit button, wide, with its pending label while the accept runs. */
export function DeskSubmit(props: { pending: boolean; label: string; pendingLabel: string; testId: string }) {
  return (
    <div className="form-actions">
      <button type="submit" className="btn btn-primary btn-wide" disabled={props.pending} data-testid={props.testId}>
        {props.pending ? props.pendingLabel : props.label}
      </button>
    </div>
  );
}
