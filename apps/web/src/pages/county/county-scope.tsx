// Frame of a county page: ADMIN's county picker, then the page for the chosen county (or a note that there is none).
import { Fragment, type ReactNode } from "react";
import { DataState } from "../../components/data-state.tsx";
import { useCountyChoice } from "./use-county-choice.ts";
import { useT } from "../../i18n/use-t.ts";

/** ADMIN's county picker. `value` and `onPick` let a page that keeps the county in its URL (the dashboard) show and
 * follow its own choice; the pick is remembered for the other county pages either way. */
export function CountyPicker({ value, onPick }: { value?: string | null; onPick?: (code: string) => void } = {}) {
  const t = useT("county");
  const { isAdmin, counties, countyCode, setCountyCode } = useCountyChoice();
  const countyList = counties.data ?? [];
  if (!isAdmin || countyList.length < 2) return null;
  const pick = (code: string) => {
    setCountyCode(code);
    onPick?.(code);
  };
  return (
    <div className="toolbar no-print">
      <label className="inline-field">
        <span>{t("county.select")}</span>
        <select value={value ?? countyCode ?? ""} onChange={(e) => pick(e.target.value)} data-testid="county-select">
          {countyList.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}（{c.code}）
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

export function CountyScope({ children }: { children: (countyCode: string) => ReactNode }) {
  const t = useT("county");
  const { isAdmin, counties, countyCode } = useCountyChoice();
  // ADMIN needs the county list before there is anything to show.
  if (isAdmin && !counties.isSuccess) return <DataState query={counties}>{() => null}</DataState>;
  return (
    <div className="page">
      <CountyPicker />
      {/* Keyed by county: switching county starts the page afresh (filters, open panels). */}
      {countyCode ? <Fragment key={countyCode}>{children(countyCode)}</Fragment> : <p className="card muted">{t("county.noCounty")}</p>}
    </div>
  );
}
