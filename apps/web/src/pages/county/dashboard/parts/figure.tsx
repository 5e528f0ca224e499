// A headline figure of a dashboard section: value, label and an optional line under it.
import type { ReactNode } from "react";

interface Props {
  label: string;
  value: ReactNode;
  sub?: ReactNode;
  tone?: "green" | "yellow" | "red" | "brand";
  testId?: string;
  /** The raw number behind the shown value, for tests and scripts reading the page. */
  raw?: number | null;
}

export function Figure({ label, value, sub, tone, testId, raw }: Props) {
  return (
    <div className={`dash-figure${tone ? ` tone-${tone}` : ""}`} data-testid={testId} data-value={raw ?? undefined}>
      <div className="dash-figure-value">{value}</div>
      <div className="dash-figure-label">{label}</div>
      {sub ? <div className="dash-figure-sub">{sub}</div> : null}
    </div>
  );
}
