// A desk's submit button, wide, with its pending label while the accept runs (inside the desk's ZodForm).
import { SubmitButton } from "../../components/form/index.ts";

export function DeskSubmit(props: { label: string; pendingLabel: string; testId: string }) {
  return (
    <div className="form-actions">
      <SubmitButton className="btn btn-primary btn-wide" label={props.label} pendingLabel={props.pendingLabel} testId={props.testId} />
    </div>
  );
}
