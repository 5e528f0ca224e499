// The carrier portal's frame: its nav, and the organisation (API client) the account works for; a page without one
// says so. Every call of the portal names that organisation, and the server checks it is the account's own.
import type { ReactNode } from "react";
import { useUser } from "../../auth/session-context.ts";
import { AreaNav } from "../../components/area-layout.tsx";
import { useT } from "../../i18n/use-t.ts";
import { shanghaiDay } from "../../lib/time.ts";
import { useUrlParams } from "../../lib/use-url-params.ts";

export function CarrierNav() {
  const t = useT("carrier");
  return (
    <AreaNav
      area="carrier"
      items={[
        ["", t("nav.overview"), "overview"],
        ["parcels", t("nav.parcels")],
        ["loads", t("nav.loads")],
        ["keys", t("nav.keys")],
        ["webhooks", t("nav.webhooks")],
      ]}
    />
  );
}

export function CarrierScope({ children }: { children: (clientId: string) => ReactNode }) {
  const t = useT("carrier");
  const user = useUser();
  return <div className="page">{user.apiClientId ? children(user.apiClientId) : <p className="card muted">{t("noScope")}</p>}</div>;
}

/** The day a page shows (Asia/Shanghai, "YYYY-MM-DD"), kept in the address bar; today by default. */
export function useDayParam(): [string, (day: string) => void] {
  const { params, setParam } = useUrlParams();
  const day = params.get("day");
  return [day && /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : shanghaiDay(), (d: string) => setParam("day", d)];
}

export function DayPicker({
  day,
  onChange,
  label,
  testId,
}: {
  day: string;
  onChange: (day: string) => void;
  label: string;
  testId: string;
}) {
  return (
    <label className="inline-field">
      <span>{label}</span>
      <input type="date" value={day} onChange={(e) => e.target.value && onChange(e.target.value)} data-testid={testId} />
    </label>
  );
}
