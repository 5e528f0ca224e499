// The kit's fields: each a FormField (label, control, `<id>-error`) bound by name to the form of the ZodForm around it.
// The id is `<prefix>-<name>` unless given, and is also the data-testid.
import type { ReactNode } from "react";
import { useController, useFormContext } from "react-hook-form";
import { useT } from "../../i18n/use-t.ts";
import { FormField } from "../form-field.tsx";
import type { TEnum } from "./enums.ts";
import { useFormKit } from "./zod-form.tsx";

interface TBase {
  name: string;
  label: string;
  id?: string;
  /** Shown under the control. */
  hint?: ReactNode;
}

function useBound(name: string, id?: string) {
  const { prefix } = useFormKit();
  const { control } = useFormContext();
  const { field, fieldState } = useController({ name, control });
  return { id: id ?? `${prefix}-${name}`, field, error: fieldState.error?.message };
}

interface TTextProps extends TBase {
  mono?: boolean;
  readOnly?: boolean;
  placeholder?: string;
  inputMode?: "numeric" | "decimal" | "tel";
  type?: "text" | "password" | "tel" | "datetime-local";
  autoComplete?: string;
  autoCapitalize?: "none" | "characters" | "words" | "sentences";
  spellCheck?: boolean;
  multiline?: boolean;
  /** With multiline: the text box's height in lines. */
  rows?: number;
  /** The control's data-testid: its id unless given (a test id shared by the rows of a list). */
  testId?: string;
}

export function TextField({ name, label, id: givenId, hint, mono, multiline, rows, testId, ...rest }: TTextProps) {
  const { id, field, error } = useBound(name, givenId);
  const props = {
    id,
    className: mono ? "mono" : undefined,
    name: field.name,
    value: (field.value as string | undefined) ?? "",
    onChange: (e: { target: { value: string } }) => field.onChange(e.target.value),
    onBlur: field.onBlur,
    ref: field.ref,
    "aria-invalid": Boolean(error),
    "data-testid": testId ?? id,
  };
  return (
    <FormField id={id} label={label} error={error}>
      {multiline ? (
        <textarea {...props} rows={rows} readOnly={rest.readOnly} placeholder={rest.placeholder} />
      ) : (
        <input {...props} {...rest} />
      )}
      {hint ? <p className="field-hint">{hint}</p> : null}
    </FormField>
  );
}

/** A number typed as text (the schema parses it: see draft-fields.ts). */
export function NumberField(props: TTextProps) {
  return <TextField inputMode="numeric" {...props} />;
}

/** A code typed as is (a waybill, a trace code): monospace, never autocompleted, capitalised or spell-checked. */
export function CodeField(props: TTextProps) {
  return <TextField mono autoComplete="off" autoCapitalize="characters" spellCheck={false} {...props} />;
}

interface TEnumProps<T extends string> extends TBase {
  options: TEnum<T>;
  /** Offered instead of all the enum's values (e.g. the roles one may grant). */
  only?: readonly T[];
  /** A first, empty choice. */
  emptyLabel?: string;
}

export function EnumSelect<T extends string>({ name, label, id: givenId, hint, options, only, emptyLabel }: TEnumProps<T>) {
  useT("enums"); // the labels are read in the current language: re-render on a switch
  const { id, field, error } = useBound(name, givenId);
  return (
    <FormField id={id} label={label} error={error}>
      <select
        id={id}
        name={field.name}
        value={(field.value as string | undefined) ?? ""}
        onChange={(e) => field.onChange(e.target.value)}
        onBlur={field.onBlur}
        ref={field.ref}
        aria-invalid={Boolean(error)}
        data-testid={id}
      >
        {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
        {(only ?? options.values).map((v) => (
          <option key={v} value={v}>
            {options.label(v)}
          </option>
        ))}
      </select>
      {hint ? <p className="field-hint">{hint}</p> : null}
    </FormField>
  );
}

/** A labelled checkbox. */
export function Check({
  id,
  label,
  checked,
  onChange,
  disabled,
  testId,
}: {
  id: string;
  label: ReactNode;
  checked: boolean;
  onChange: (on: boolean) => void;
  disabled?: boolean;
  testId?: string;
}) {
  return (
    <label className="check" htmlFor={id}>
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
        data-testid={testId}
      />
      <span>{label}</span>
    </label>
  );
}

/** A boolean field as a labelled checkbox (its error, if any, is the form's to place). */
export function CheckField({ name, label, id: givenId }: Omit<TBase, "hint">) {
  const { id, field } = useBound(name, givenId);
  return <Check id={id} label={label} checked={Boolean(field.value)} onChange={field.onChange} testId={id} />;
}

/** A field holding some of `options` (an array, kept in the options' order): one check box each, labelled by `label`,
 *  with the id `<prefix>-<name>-<key(option)>`. */
export function CheckList<T extends string>({
  name,
  label,
  options,
  optionKey,
  optionLabel,
}: {
  name: string;
  label: string;
  options: readonly T[];
  optionKey: (o: T) => string;
  optionLabel: (o: T) => ReactNode;
}) {
  const { id, field, error } = useBound(name);
  const chosen = new Set(field.value as T[]);
  const toggle = (o: T, on: boolean) => field.onChange(options.filter((x) => (x === o ? on : chosen.has(x))));
  return (
    <FormField id={id} label={label} error={error}>
      <div className="check-group check-group-plain">
        {options.map((o) => (
          <Check key={o} id={`${id}-${optionKey(o)}`} label={optionLabel(o)} checked={chosen.has(o)} onChange={(on) => toggle(o, on)} />
        ))}
      </div>
    </FormField>
  );
}

interface TSlotProps extends TBase {
  children: (control: { id: string; value: string; onChange: (value: string) => void; invalid: boolean }) => ReactNode;
}

/** Any other control (a node picker, a select with its own options) bound to a string field. */
export function FieldSlot({ name, label, id: givenId, hint, children }: TSlotProps) {
  const { id, field, error } = useBound(name, givenId);
  const value = (field.value as string | undefined) ?? "";
  return (
    <FormField id={id} label={label} error={error}>
      {children({ id, value, onChange: field.onChange, invalid: Boolean(error) })}
      {hint ? <p className="field-hint">{hint}</p> : null}
    </FormField>
  );
}

/** A field's error message, for a group the form lays out itself (check boxes, chips). */
export function useFieldError(name: string): string | undefined {
  const { getFieldState, formState } = useFormContext();
  return getFieldState(name, formState).error?.message;
}
