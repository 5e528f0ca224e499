// A mode's extra input under the console's scan box (LOAD's vehicle, EXCEPTION's reason): its label, the controls on
// one row, and what follows them.
import type { ReactNode } from "react";

export function ScanExtra(props: { id: string; label: string; testId?: string; children: ReactNode; after?: ReactNode }) {
  return (
    <div className="scan-extra" data-testid={props.testId}>
      <label className="scan-extra-label" htmlFor={props.id}>
        {props.label}
      </label>
      <div className="scan-extra-row">{props.children}</div>
      {props.after}
    </div>
  );
}
