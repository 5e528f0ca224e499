// The headline figures of a dashboard section: each a value, a label and an optional line under it.
import type { ReactNode } from "react";

export interface TFigure {
  label: string;
  value: ReactNode;
  sub?: ReactNode;
  tone?: "green" | "yellow" | "red" | "brand";
  testId?: string;
  /** The raw number behind the shown value, for tests and scripts reading the page. */
  raw?: number | null;
}

export function Figure({ label, value, sub, tone, testId, raw }: TFigure) {
  return (
    <div className={`dash-figure${tone ? ` tone-${tone}` : ""}`} data-testid={testId} data-value={raw ?? undefined}>
      <div className="dash-figure-value">{value}</div>
      <div className="dash-figure-label">{label}</div>
      {sub ? <div className="dash-figure-sub">{sub}</div> : null}
    </div>
  );
}

/** A section's row of figures, in order (`className` adds to "dash-figures"). */
export function FigureRow({ figures, className }: { figures: readonly TFigure[]; className?: string }) {
  return (
    <div className={className ? `dash-figures ${className}` : "dash-figures"}>
      {figures.map((f) => (
        <Figure key={f.testId ?? f.label} {...f} />
      ))}
    </div>
  );
}
