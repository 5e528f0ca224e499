// Township then village selects over the county's network tree (network.tree): a merchant's origin village, or
// where a counter sits (a township alone allowed there). Poor villages are marked. AreaField binds it to a form of the
// kit: the township and the area fields by name, the area's error under the selects.
import { useController, useFormContext } from "react-hook-form";
import { FormField } from "../../../components/form-field.tsx";
import { useFormKit } from "../../../components/form/index.ts";
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
  const tp = useT("countyCounters");
  const township = tree.townships.find((tw) => tw.code === townshipCode);
  return (
    <div className="area-picker">
      <select
        id={`${idPrefix}-township`}
        value={townshipCode}
        aria-label={tp("area.township")}
        aria-invalid={invalid}
        onChange={(e) => onChange(e.target.value, "")}
        data-testid={`${idPrefix}-township`}
      >
        <option value="">{tp("area.pickTownship")}</option>
        {tree.townships.map((tw) => (
          <option key={tw.code} value={tw.code}>
            {tw.name}
          </option>
        ))}
      </select>
      <select
        id={idPrefix}
        value={villageCode}
        aria-label={tp("area.village")}
        aria-invalid={invalid}
        disabled={!township}
        onChange={(e) => onChange(townshipCode, e.target.value)}
        data-testid={`${idPrefix}-village`}
      >
        <option value="">
          {township ? (townshipAllowed ? tp("area.wholeTownship") : t("form.choose")) : tp("area.pickTownshipFirst")}
        </option>
        {(township?.villages ?? []).map((v) => (
          <option key={v.code} value={v.code}>
            {v.name}
            {v.isPoor ? `（${tp("area.poor")}）` : ""}
          </option>
        ))}
      </select>
    </div>
  );
}

interface TFieldProps {
  tree: TTree;
  /** The area field (a village; with townshipAllowed, the township itself when no village is picked). */
  name: string;
  /** The field of the township that narrows the village list (not sent). */
  townshipName: string;
  /** Ids `<form prefix>-<idSuffix>`, `…-township`, `…-village`. */
  idSuffix: string;
  /** A labelled field; without, the selects stand alone (in a group with its own legend). */
  label?: string;
  townshipAllowed?: boolean;
}

export function AreaField({ tree, name, townshipName, idSuffix, label, townshipAllowed = false }: TFieldProps) {
  const { prefix } = useFormKit();
  const { control, setValue } = useFormContext();
  const area = useController({ name, control });
  const township = useController({ name: townshipName, control });
  const error = area.fieldState.error?.message;
  const townshipCode = (township.field.value as string | undefined) ?? "";
  const areaCode = (area.field.value as string | undefined) ?? "";
  const id = `${prefix}-${idSuffix}`;
  const picker = (
    <AreaPicker
      idPrefix={id}
      tree={tree}
      townshipCode={townshipCode}
      villageCode={townshipAllowed && areaCode === townshipCode ? "" : areaCode}
      townshipAllowed={townshipAllowed}
      invalid={Boolean(error)}
      onChange={(tw, village) => {
        setValue(townshipName, tw);
        area.field.onChange(townshipAllowed ? village || tw : village);
      }}
    />
  );
  if (label !== undefined)
    return (
      <FormField id={id} label={label} error={error}>
        {picker}
      </FormField>
    );
  return (
    <div className="field">
      {picker}
      {error ? <p className="field-error">{error}</p> : null}
    </div>
  );
}
