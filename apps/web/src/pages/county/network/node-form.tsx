// Create or edit a node: every field of the agreed input, with the server's field errors under each field.
import { useMutation } from "@tanstack/react-query";
import { useMemo } from "react";
import { useFormContext } from "react-hook-form";
import {
  CheckField,
  ENUMS,
  EnumSelect,
  FieldSlot,
  NumberField,
  TextField,
  useFieldError,
  useZodForm,
} from "../../../components/form/index.ts";
import { type TNode, type TTree } from "../../../lib/network-api.ts";
import { useTRPC } from "../../../lib/trpc.ts";
import { PARENT_TIER } from "./network-constants.ts";
import { buildAreaIndex, countyAreaCode } from "./network-data.ts";
import { FLAGS, FORM_FIELDS, draftOf, isMasked, nodeDraftSchema, type TNodeDraft } from "./node-draft.ts";
import { useT } from "../../../i18n/use-t.ts";
import { TownshipOptions } from "./network-bits.tsx";
import { EditForm, withFixed } from "../../../components/edit-form.tsx";

interface Props {
  countyCode: string;
  node: TNode | null;
  tree: TTree;
  allNodes: readonly TNode[];
  onSaved: (node: TNode) => void;
}

export function NodeForm({ countyCode, node, tree, allNodes, onSaved }: Props) {
  const t = useT("network");
  const trpc = useTRPC();
  const areas = useMemo(() => buildAreaIndex(tree), [tree]);
  const schema = useMemo(() => nodeDraftSchema(node), [node]);
  const save = useMutation(trpc.network.nodes.upsert.mutationOptions({ onSuccess: onSaved }));
  const kit = useZodForm({
    schema,
    defaultValues: draftOf(node, (code) => areas.get(code)?.townshipCode ?? ""),
    fields: FORM_FIELDS,
    mutation: withFixed(save, { countyCode }),
  });
  const masked = node?.contactPhone && isMasked(node.contactPhone) ? node.contactPhone : null;

  return (
    <EditForm kit={kit} prefix="node" createLabel={node ? undefined : t("nodes.create")}>
      <div className="form-grid">
        <TextField name="code" label={t("nodes.field.code")} mono readOnly={node !== null} placeholder="GZ-101" />
        <TextField name="name" label={t("nodes.field.name")} />
        <EnumSelect name="tier" label={t("nodes.field.tier")} options={ENUMS.tier} />
        <NodePlacement tree={tree} allNodes={allNodes} />
        <EnumSelect name="operator" label={t("nodes.field.operator")} options={ENUMS.operator} />
        <TextField name="filingNumber" label={t("nodes.field.filingNumber")} mono />
        <TextField name="openingHours" label={t("nodes.field.openingHours")} mono placeholder="08:00-18:00" />
        <NumberField name="dailyCapacity" label={t("nodes.field.dailyCapacity")} />
        <NumberField name="handlingMinutes" label={t("nodes.field.handlingMinutes")} />
        <TextField name="contactName" label={t("nodes.field.contactName")} />
        <TextField
          name="contactPhone"
          type="tel"
          label={t("nodes.field.contactPhone")}
          placeholder={masked ?? ""}
          hint={masked ? t("nodes.phoneKept") : null}
        />
      </div>
      <NodeServices />
    </EditForm>
  );
}

/** Where the node sits: its township (a village point's, to narrow the villages), area, parent, and the reason when a
 *  village point hangs off another township's station. */
function NodePlacement({ tree, allNodes }: { tree: TTree; allNodes: readonly TNode[] }) {
  const t = useT("network");
  const tc = useT("common");
  const { watch, setValue } = useFormContext<TNodeDraft>();
  const areas = useMemo(() => buildAreaIndex(tree), [tree]);
  const [tier, code, townshipCode, areaCode, parentCode, crossBorderReason] = watch([
    "tier",
    "code",
    "townshipCode",
    "areaCode",
    "parentCode",
    "crossBorderReason",
  ]);
  const crossBorderError = useFieldError("crossBorderReason");
  const township = tree.townships.find((tw) => tw.code === townshipCode);
  const pickedArea = areas.get(areaCode);
  const wantsVillage = tier === "VILLAGE_POINT";
  // Which area levels fit the tier: a hub sits on the county or a township, a station on a township, a point on a village.
  const fitsTier = (level: string) =>
    tier === "COUNTY_HUB" ? level !== "VILLAGE" : tier === "TOWNSHIP_STATION" ? level === "TOWNSHIP" : level === "VILLAGE";
  const areaFits = !areaCode || (pickedArea ? fitsTier(pickedArea.level) : false);
  const parentTier = PARENT_TIER[tier];
  const parents = parentTier ? allNodes.filter((n) => n.tier === parentTier && n.code !== code) : [];
  const parentNode = allNodes.find((n) => n.code === parentCode);
  const parentFits = !parentCode || (parentNode ? parentNode.tier === parentTier : false);
  // A village point hung off another township's station needs a reason (跨乡镇挂靠).
  const parentTownship = parentNode ? areas.get(parentNode.areaCode)?.townshipCode : undefined;
  const crossBorder = wantsVillage && Boolean(parentTownship && pickedArea && parentTownship !== pickedArea.townshipCode);
  const showCrossBorder = crossBorder || crossBorderReason !== "" || Boolean(crossBorderError);

  function pickArea(value: string) {
    setValue("areaCode", value);
    // Suggest the village's own township station as parent when none is chosen yet.
    if (!wantsVillage) return;
    const station = township?.station;
    if (!parentCode && station && station.code !== code) setValue("parentCode", station.code);
  }
  function pickTownship(value: string) {
    setValue("townshipCode", value);
    if (areas.get(areaCode)?.townshipCode !== value) setValue("areaCode", "");
  }
  const areaLabel = wantsVillage ? "nodes.field.village" : tier === "COUNTY_HUB" ? "nodes.field.areaCode" : "nodes.field.areaTownship";

  return (
    <>
      {wantsVillage ? (
        <FieldSlot name="townshipCode" id="node-township" label={t("nodes.field.township")}>
          {({ id, value }) => (
            <select id={id} value={value} onChange={(e) => pickTownship(e.target.value)} data-testid={id}>
              <TownshipOptions townships={tree.townships} />
            </select>
          )}
        </FieldSlot>
      ) : null}
      <FieldSlot name="areaCode" label={t(areaLabel)}>
        {({ id, value, invalid }) => (
          <select id={id} value={value} aria-invalid={invalid} onChange={(e) => pickArea(e.target.value)} data-testid={id}>
            <option value="">{wantsVillage && !township ? t("nodes.pickTownshipFirst") : tc("form.choose")}</option>
            {!areaFits && pickedArea ? <option value={pickedArea.code}>{t("nodes.areaMismatch", { name: pickedArea.name })}</option> : null}
            {wantsVillage
              ? (township?.villages ?? []).map((v) => (
                  <option key={v.code} value={v.code}>
                    {v.name}
                    {v.point && v.point.code !== code ? ` · ${t("nodes.hasPoint", { name: v.point.name })}` : ""}
                  </option>
                ))
              : [
                  tier === "COUNTY_HUB" ? (
                    <option key="county" value={countyAreaCode(tree.county.code)}>
                      {tree.county.name}（{t("nodes.countyLevel")}）
                    </option>
                  ) : null,
                  ...tree.townships.map((tw) => (
                    <option key={tw.code} value={tw.code}>
                      {tw.name}（{tw.kind}）
                      {tier === "TOWNSHIP_STATION" && tw.station && tw.station.code !== code
                        ? ` · ${t("nodes.hasStation", { name: tw.station.name })}`
                        : ""}
                    </option>
                  )),
                ]}
          </select>
        )}
      </FieldSlot>
      <FieldSlot name="parentCode" label={t("nodes.field.parentCode")}>
        {({ id, value, onChange }) => (
          <select id={id} value={value} onChange={(e) => onChange(e.target.value)} data-testid={id}>
            <option value="">{parentTier ? tc("form.choose") : t("nodes.noParent")}</option>
            {!parentFits ? <option value={value}>{t("nodes.parentMismatch", { code: value })}</option> : null}
            {parents.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}（{p.code}）
              </option>
            ))}
          </select>
        )}
      </FieldSlot>
      {showCrossBorder ? (
        <TextField
          name="crossBorderReason"
          label={t("nodes.field.crossBorderReason")}
          hint={crossBorder ? t("nodes.crossBorderHint") : null}
        />
      ) : null}
    </>
  );
}

/** The node's services (check boxes), with the self-pickup settings while self-pickup is ticked. */
function NodeServices() {
  const t = useT("network");
  const { watch, getFieldState, formState } = useFormContext<TNodeDraft>();
  const selfPickup = watch("selfPickup");
  return (
    <fieldset className="check-group">
      <legend>{t("nodes.services")}</legend>
      {FLAGS.map((flag) => (
        <CheckField key={flag} name={flag} label={t(`nodes.field.${flag}`)} />
      ))}
      {selfPickup ? (
        <div className="form-grid" data-testid="node-pickup-settings">
          <EnumSelect name="pickupCheck" label={t("nodes.field.pickupCheck")} options={ENUMS.pickupCheck} />
          <NumberField name="pickupHoldDays" label={t("nodes.field.pickupHoldDays")} />
        </div>
      ) : null}
      {FLAGS.map((flag) => {
        const error = getFieldState(flag, formState).error?.message;
        return error ? (
          <p key={`${flag}-error`} className="field-error">
            {t(`nodes.field.${flag}`)}: {error}
          </p>
        ) : null;
      })}
    </fieldset>
  );
}
