// A row of figures (label over value), e.g. a sheet's rows, to create and errors, an import's summary, or a shelf's
// listings below their minimum; a figure marked bad shows as a problem.
import type { ReactNode } from "react";

export interface TFigureItem {
  /** The figure's name in the markup (data-key), for tests and scripts reading the page. */
  key?: string;
  label: ReactNode;
  value: ReactNode;
  testId?: string;
  bad?: boolean;
}

export function FigureList({ items, testId }: { items: readonly TFigureItem[]; testId?: string }) {
  return (
    <dl className="figures" data-testid={testId}>
      {items.map((f, i) => (
        <div key={f.key ?? i} data-key={f.key}>
          <dt>{f.label}</dt>
          <dd className={f.bad ? "danger-text" : undefined} data-testid={f.testId}>
            {f.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
