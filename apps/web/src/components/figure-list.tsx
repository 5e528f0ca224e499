// A row of figures (label over value), e.g. a sheet's rows, to create and errors, or a shelf's listings below their
// minimum; a figure marked bad shows as a problem.
import type { ReactNode } from "react";

export interface TFigureItem {
  label: ReactNode;
  value: ReactNode;
  testId?: string;
  bad?: boolean;
}

export function FigureList({ items }: { items: readonly TFigureItem[] }) {
  return (
    <dl className="figures">
      {items.map((f, i) => (
        <div key={i}>
          <dt>{f.label}</dt>
          <dd className={f.bad ? "danger-text" : undefined} data-testid={f.testId}>
            {f.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
