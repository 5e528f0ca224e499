// The form that asks why before a status change (suspending or closing a node, suspending a lane): a required
// reason and, for a node's suspension, the day it ends. On the form kit; the caller sends what it gives. StatusBox is
// the frame around it: the status, why it is suspended, the change's error (test ids `<prefix>-status…`).
import type { ReactNode } from "react";
import { z } from "zod";
import { ErrorSummary, FieldSlot, TextField, ZodForm, useFormKit, useZodForm, type TFormMutation } from "../../../components/form/index.ts";
import { useT } from "../../../i18n/use-t.ts";
import { StatusPill } from "./network-bits.tsx";
import { dayStartIso } from "./network-format.ts";

const ZReasonDraftSchema = z
  .object({ reason: z.string().refine((v) => v.trim() !== "", "form.required"), until: z.string() })
  .transform((d) => ({ reason: d.reason.trim(), until: dayStartIso(d.until) }));

export type TReasonInput = z.output<typeof ZReasonDraftSchema>;

const FIELDS = ["reason", "until"] as const;

interface Props {
  /** Ids and test ids: `<prefix>-reason`, the form `testId` (`<prefix>-form` unless given). */
  prefix: string;
  testId?: string;
  reasonLabel: string;
  /** Shown above the reason (a question naming what is closed). */
  question?: string;
  /** Offers "until" (a date, id `untilId`) when given. */
  until?: { id: string; label: string };
  confirmLabel: string;
  confirmTestId: string;
  danger?: boolean;
  /** The status change's mutation: its error and whether it runs. */
  change: { error: unknown; isPending: boolean };
  onConfirm: (input: TReasonInput) => void;
  onCancel: () => void;
}

export function StatusReasonForm({
  prefix,
  testId,
  reasonLabel,
  question,
  until,
  confirmLabel,
  confirmTestId,
  danger,
  change,
  onConfirm,
  onCancel,
}: Props) {
  const mutation: TFormMutation<TReasonInput> = { mutate: onConfirm, error: change.error, isPending: change.isPending };
  const kit = useZodForm({ schema: ZReasonDraftSchema, defaultValues: { reason: "", until: "" }, fields: FIELDS, mutation });
  return (
    <ZodForm kit={kit} prefix={prefix} testId={testId}>
      {question ? <p className="confirm-line">{question}</p> : null}
      <TextField name="reason" label={reasonLabel} />
      {until ? (
        <FieldSlot name="until" label={until.label} id={until.id}>
          {({ id, value, onChange }) => (
            <input id={id} type="date" value={value} onChange={(e) => onChange(e.target.value)} data-testid={id} />
          )}
        </FieldSlot>
      ) : null}
      <ReasonActions label={confirmLabel} testId={confirmTestId} danger={danger} onCancel={onCancel} />
    </ZodForm>
  );
}

function ReasonActions({ label, testId, danger, onCancel }: { label: string; testId: string; danger?: boolean; onCancel: () => void }) {
  const tc = useT("common");
  const { mutation } = useFormKit();
  return (
    <div className="form-actions">
      <button type="submit" className={`btn ${danger ? "btn-danger" : "btn-primary"}`} disabled={mutation.isPending} data-testid={testId}>
        {label}
      </button>
      <button type="button" className="btn" onClick={onCancel}>
        {tc("common.cancel")}
      </button>
    </div>
  );
}

interface TStatusBoxProps {
  /** Test ids `<prefix>-status`, `<prefix>-status-pill`, `<prefix>-status-error`. */
  prefix: string;
  title: string;
  status: string;
  label: string;
  suspendedReason: string | null | undefined;
  /** More about the status, after the reason (until when). */
  note?: ReactNode;
  error: unknown;
  fields: readonly string[];
  children: ReactNode;
}

export function StatusBox({ prefix, title, status, label, suspendedReason, note, error, fields, children }: TStatusBoxProps) {
  return (
    <section className="status-box" data-testid={`${prefix}-status`}>
      <h3 className="subheading">{title}</h3>
      <div className="hero-line">
        <StatusPill status={status} label={label} testId={`${prefix}-status-pill`} />
        {status === "SUSPENDED" && suspendedReason ? <span className="muted small">{suspendedReason}</span> : null}
        {note}
      </div>
      <ErrorSummary error={error} fields={fields} testId={`${prefix}-status-error`} />
      {children}
    </section>
  );
}
