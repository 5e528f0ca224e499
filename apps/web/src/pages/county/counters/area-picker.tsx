// Township then village selects over the county's network tree (network.tree): a merchant's origin village, or
// where a counter sits (a township alone allowed there). Poor villages are marked.
import type { TTree } from "../../../lib/network-api.ts";
import { useT } from "../../../i18n/use-t.ts";

interface Props {
  idPrefix: string;
  tree: TTree;
  townshipCode: string;
  villageCode: string;
  onChange: (townshipCode: string, villageCode: string) => void;
  /** Whether "the township itself" is a valid choice (no village). */
  townshipAllowed?: boolean;
  invalid?: boolean;
}

export function AreaPicker({ idPrefix, tree, townshipCode, villageCode, onChange, townshipAllowed = false, invalid }: Props) {
  const t = useT("common");
  const tc = useT("counters");
  const township = tree.townships.find((tw) => tw.code === townshipCode);
  return (
    <div className="area-picker">
      <select
        id={`${idPrefix}-township`}
        value={townshipCode}
        aria-label={tc("area.township")}
        aria-invalid={invalid}
        onChange={(e) => onChange(e.target.value, "")}
        data-testid={`${idPrefix}-township`}
      >
        <option value="">{tc("area.pickTownship")}</option>
        {tree.townships.map((tw) => (
          <option key={tw.code} value={tw.code}>
            {tw.name}
          </option>
        ))}
      </select>
      <select
        id={idPrefix}
        value={villageCode}
        aria-label={tc("area.village")}
        aria-invalid={invalid}
        disabled={!township}
        onChange={(e) => onChange(townshipCode, e.target.value)}
        data-testid={`${idPrefix}-village`}
      >
        <option value="">
          {township ? (townshipAllowed ? tc("area.wholeTownship") : t("form.choose")) : tc("area.pickTownshipFirst")}
        </option>
        {(township?.villages ?? []).map((v) => (
          <option key={v.code} value={v.code}>
            {v.name}
            {v.isPoor ? `（${tc("area.poor")}）` : ""}
          </option>
        ))}
      </select>
    </div>
  );
}
