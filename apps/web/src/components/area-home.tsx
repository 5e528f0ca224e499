// The home page of an area: a welcome line, and a card with what the account acts for (its merchant, its station's
// node) once loaded, or a note that it acts for none.
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { DataState } from "./data-state.tsx";

interface Props<T, TError> {
  lead?: ReactNode;
  title: string;
  /** The query of what the account acts for; null when it acts for none. */
  query: UseQueryResult<T, TError> | null;
  noScope: ReactNode;
  children: (data: T) => ReactNode;
}

export function AreaHome<T, TError>({ lead, title, query, noScope, children }: Props<T, TError>) {
  return (
    <div className="page">
      {lead ? <p className="page-lead">{lead}</p> : null}
      <section className="card">
        <h2 className="card-title">{title}</h2>
        {query ? <DataState query={query}>{children}</DataState> : <p className="muted">{noScope}</p>}
      </section>
    </div>
  );
}
