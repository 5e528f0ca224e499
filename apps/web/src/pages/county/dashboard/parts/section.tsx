// A dashboard section: a card with its heading, actions on the right and, when useful, a note under the heading.
import type { UseQueryResult } from "@tanstack/react-query";
import { useId, type ReactNode } from "react";
import { DataState } from "../../../../components/data-state.tsx";

interface Props {
  title: string;
  actions?: ReactNode;
  note?: ReactNode;
  testId: string;
  className?: string;
  children: ReactNode;
}

export function Section({ title, actions, note, testId, className = "", children }: Props) {
  const id = useId();
  return (
    <section className={`card dash-card ${className}`} aria-labelledby={id} data-testid={testId}>
      <div className="card-head">
        <h2 className="card-title" id={id}>
          {title}
        </h2>
        {actions ? <div className="dash-actions no-print">{actions}</div> : null}
      </div>
      {note ? <p className="muted small dash-note">{note}</p> : null}
      {children}
    </section>
  );
}

/** A sub-heading inside a section. */
export function SubTitle({ children }: { children: ReactNode }) {
  return <h3 className="dash-subtitle">{children}</h3>;
}

/** A section showing one query: its loading and error states, then `children` with the data. */
export function QuerySection<T, TError>({
  query,
  children,
  className = "dash-min-md",
  ...section
}: Omit<Props, "children" | "className"> & { className?: string; query: UseQueryResult<T, TError>; children: (data: T) => ReactNode }) {
  return (
    <Section className={className} {...section}>
      <DataState query={query}>{children}</DataState>
    </Section>
  );
}
