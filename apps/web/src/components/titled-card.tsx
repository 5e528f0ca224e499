// A card with a heading that names it for assistive technology (aria-labelledby the heading's id).
import type { ReactNode } from "react";

export function TitledCard({ id, title, testId, children }: { id: string; title: ReactNode; testId?: string; children: ReactNode }) {
  return (
    <section className="card" aria-labelledby={id} data-testid={testId}>
      <h2 className="card-title" id={id}>
        {title}
      </h2>
      {children}
    </section>
  );
}
