// Label/value pairs laid out as a definition list that wraps on narrow screens.
import type { ReactNode } from "react";

export function DetailList({ items }: { items: Array<{ label: string; value: ReactNode }> }) {
  return (
    <dl className="detail-list">
      {items.map((item) => (
        <div className="detail-item" key={item.label}>
          <dt>{item.label}</dt>
          <dd>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
