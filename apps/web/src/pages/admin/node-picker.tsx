// Choose a node by name or code within a county (a manager's own county, any for ADMIN): no ids pasted by hand.
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "../../lib/trpc.ts";
import { useT } from "../../i18n/use-t.ts";
import { ENUMS } from "../../components/form/enums.ts";

interface Props {
  id: string;
  countyCode: string;
  value: string;
  onChange: (nodeId: string) => void;
  invalid?: boolean;
}

export function NodePicker({ id, countyCode, value, onChange, invalid }: Props) {
  const tc = useT("common");
  const ta = useT("admin");
  const trpc = useTRPC();
  const [q, setQ] = useState("");
  const nodes = useQuery(trpc.network.nodes.list.queryOptions({ countyCode }, { enabled: countyCode.length === 6, staleTime: 60_000 }));
  if (countyCode.length !== 6) return <p className="muted small">{ta("users.pickCounty")}</p>;
  const needle = q.trim().toLowerCase();
  const shown = (nodes.data ?? []).filter(
    (n) =>
      n.status !== "CLOSED" &&
      (!needle || n.id === value || n.name.toLowerCase().includes(needle) || n.code.toLowerCase().includes(needle)),
  );
  return (
    <div className="node-picker">
      <input
        type="search"
        aria-label={ta("users.nodeSearch")}
        placeholder={ta("users.nodeSearch")}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        data-testid={`${id}-search`}
      />
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={invalid} data-testid={id}>
        <option value="">{nodes.isLoading ? tc("common.loading") : shown.length ? ta("users.pickNode") : ta("users.noNodes")}</option>
        {shown.map((n) => (
          <option key={n.id} value={n.id}>
            {n.name}（{n.code}） · {ENUMS.tier.label(n.tier)}
          </option>
        ))}
      </select>
    </div>
  );
}
