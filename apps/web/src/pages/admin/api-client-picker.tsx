// Choose the organisation (API client) of a carrier user among a county's active clients (apiClients.list): no ids
// pasted by hand.
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../lib/trpc.ts";
import { useT } from "../../i18n/use-t.ts";

interface Props {
  id: string;
  countyCode: string;
  value: string;
  onChange: (apiClientId: string) => void;
  invalid?: boolean;
}

export function ApiClientPicker({ id, countyCode, value, onChange, invalid }: Props) {
  const tc = useT("common");
  const ta = useT("admin");
  const trpc = useTRPC();
  const clients = useQuery(trpc.apiClients.list.queryOptions({ countyCode }, { enabled: countyCode.length === 6, staleTime: 30_000 }));
  if (countyCode.length !== 6) return <p className="muted small">{ta("users.pickCounty")}</p>;
  const shown = (clients.data ?? []).filter((c) => c.active);
  const first = clients.isLoading
    ? tc("common.loading")
    : clients.isError
      ? ta("apiClient.loadFailed")
      : shown.length
        ? ta("apiClient.pick")
        : ta("apiClient.none");
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={invalid} data-testid={id}>
      <option value="">{first}</option>
      {shown.map((c) => (
        <option key={c.id} value={c.id}>
          {c.name} · {ta(`apiClient.kinds.${c.kind}`)}
        </option>
      ))}
    </select>
  );
}
