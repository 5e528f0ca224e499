// A select of the county's nodes, grouped by tier; closed nodes are marked.
import type { TNode } from "../../../lib/network-api.ts";
import { TIERS } from "./network-constants.ts";
import { useT } from "../../../i18n/use-t.ts";
import { ENUMS } from "../../../components/form/enums.ts";

interface Props {
  id: string;
  value: string;
  nodes: readonly TNode[];
  onChange: (code: string) => void;
  invalid?: boolean;
  testId?: string;
  /** The label of the empty choice ("请选择" unless given, e.g. "all nodes" in a filter). */
  emptyLabel?: string;
  ariaLabel?: string;
}

export function NodeSelect({ id, value, nodes, onChange, invalid, testId, emptyLabel, ariaLabel }: Props) {
  const tc = useT("common");
  const known = !value || nodes.some((n) => n.code === value);
  return (
    <select
      id={id}
      value={value}
      aria-invalid={invalid}
      aria-label={ariaLabel}
      onChange={(e) => onChange(e.target.value)}
      data-testid={testId}
    >
      <option value="">{emptyLabel ?? tc("form.choose")}</option>
      {!known ? <option value={value}>{value}</option> : null}
      {TIERS.map((tier) => {
        const group = nodes.filter((n) => n.tier === tier);
        return group.length === 0 ? null : (
          <optgroup key={tier} label={ENUMS.tier.label(tier)}>
            {group.map((n) => (
              <option key={n.code} value={n.code}>
                {n.name}（{n.code}）{n.status !== "ACTIVE" ? ` · ${ENUMS.nodeStatus.label(n.status)}` : ""}
              </option>
            ))}
          </optgroup>
        );
      })}
    </select>
  );
}
