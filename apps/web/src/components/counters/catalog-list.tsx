// What the county's and the merchant's catalog lists share on top of the list card: the search box with its
// "show inactive" box, the card's "new" button, and the side panel's state (closed, or open on a new or an
// existing record, with a fresh key so the form starts over).
import { useState } from "react";
import { SearchFilter } from "../list-card.tsx";
import { useDebounced } from "../../lib/use-debounced.ts";
import { Check } from "../form/index.ts";

/** The search text as typed, the trimmed and debounced query sent, and the "show inactive" switch. */
export function useCatalogFilters() {
  const [text, setText] = useState("");
  const [inactive, setInactive] = useState(false);
  const q = useDebounced(text.trim(), 300);
  return { text, setText, inactive, setInactive, input: { q: q || undefined, includeInactive: inactive || undefined } };
}

export function CatalogFilters(props: {
  filters: ReturnType<typeof useCatalogFilters>;
  /** `merchant` → testids `merchant-search`, and the box `merchant-inactive`. */
  prefix: string;
  searchLabel?: string;
  inactiveLabel: string;
}) {
  const { filters: f, prefix } = props;
  return (
    <>
      {props.searchLabel ? (
        <SearchFilter value={f.text} onChange={f.setText} placeholder={props.searchLabel} testId={`${prefix}-search`} />
      ) : null}
      <Check id={`${prefix}-inactive`} label={props.inactiveLabel} checked={f.inactive} onChange={f.setInactive} />
    </>
  );
}

export function NewButton(props: { label: string; onClick: () => void; disabled?: boolean; testId: string }) {
  return (
    <button type="button" className="btn btn-primary" disabled={props.disabled} onClick={props.onClick} data-testid={props.testId}>
      {props.label}
    </button>
  );
}

/** The edit panel: null when closed; `of` is the record (or its id), null for a new one. */
export type TPanelState<V> = null | { key: number; of: V | null };

export function usePanel<V>() {
  const [panel, setPanel] = useState<TPanelState<V>>(null);
  return {
    panel,
    open: (of: V | null) => setPanel({ key: Date.now(), of }),
    /** Keeps the panel (and its form) open on what was just created or saved. */
    keep: (of: V) => setPanel((p) => (p ? { ...p, of } : p)),
    close: () => setPanel(null),
  };
}
