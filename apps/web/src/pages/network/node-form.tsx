// Create or edit a node: every field of the agreed input, with the server's field errors under each field.
import { useMutation } from "@tanstack/react-query";
import { useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { FormField } from "../../components/form-field.tsx";
import { fieldError, readApiError } from "../../lib/api-error.ts";
import { type TNode, type TNodeInput, type TOperator, type TTier, type TTree } from "../../lib/network-api.ts";
import { useTRPC } from "../../lib/trpc.ts";
import { Check } from "./network-bits.tsx";
import { NODE_OPERATORS as OPERATORS } from "@xiangda/domain";
import { PARENT_TIER, TIERS } from "./network-constants.ts";
import { buildAreaIndex, countyAreaCode } from "./network-data.ts";
import { ErrorSummary } from "./error-summary.tsx";
import { parseWholeNumber } from "./network-format.ts";
import { PICKUP_CHECKS, PICKUP_HOLD_RANGE, pickupHoldDaysError, type TPickupCheck } from "./pickup-settings.ts";

const FLAGS = ["coldChilled", "coldFrozen", "selfPickup", "parcelLocker", "passengerStop", "recyclables"] as const;
type TFlag = (typeof FLAGS)[number];

type TTextField = "code" | "name" | "filingNumber" | "openingHours" | "contactName" | "dailyCapacity" | "handlingMinutes" | "pickupHoldDays";

interface TDraft extends Record<TFlag, boolean> {
  code: string;
  name: string;
  tier: TTier;
  /** Only to narrow the village list; not sent. */
  townshipCode: string;
  areaCode: string;
  parentCode: string;
  crossBorderReason: string;
  operator: TOperator;
  filingNumber: string;
  openingHours: string;
  dailyCapacity: string;
  contactName: string;
  contactPhone: string;
  handlingMinutes: string;
  /** Self-pickup (取件核验 and 保管天数): set with selfPickup, kept while it is off. */
  pickupCheck: TPickupCheck;
  pickupHoldDays: string;
}

/** Every field path the form places under a field (the rest go to the summary). */
const FORM_FIELDS = [
  "code",
  "name",
  "tier",
  "areaCode",
  "parentCode",
  "crossBorderReason",
  "operator",
  "filingNumber",
  "openingHours",
  "dailyCapacity",
  "contactName",
  "contactPhone",
  "handlingMinutes",
  "pickupCheck",
  "pickupHoldDays",
  ...FLAGS,
] as const;

const isMasked = (phone: string) => phone.includes("*");

function draftOf(node: TNode | null, townshipOf: (areaCode: string) => string): TDraft {
  return {
    code: node?.code ?? "",
    name: node?.name ?? "",
    tier: node?.tier ?? "VILLAGE_POINT",
    townshipCode: node ? townshipOf(node.areaCode) : "",
    areaCode: node?.areaCode ?? "",
    parentCode: node?.parentCode ?? "",
    crossBorderReason: node?.crossBorderReason ?? "",
    coldChilled: node?.coldChilled ?? false,
    coldFrozen: node?.coldFrozen ?? false,
    selfPickup: node?.selfPickup ?? false,
    parcelLocker: node?.parcelLocker ?? false,
    passengerStop: node?.passengerStop ?? false,
    recyclables: node?.recyclables ?? false,
    operator: node?.operator ?? "OTHER",
    filingNumber: node?.filingNumber ?? "",
    openingHours: node?.openingHours ?? "",
    dailyCapacity: node?.dailyCapacity == null ? "" : String(node.dailyCapacity),
    contactName: node?.contactName ?? "",
    // A masked phone ("138****5678") is never sent back: the field starts empty and empty keeps the number.
    contactPhone: node?.contactPhone && !isMasked(node.contactPhone) ? node.contactPhone : "",
    handlingMinutes: node ? String(node.handlingMinutes) : "",
    pickupCheck: node?.pickupCheck ?? "CODE_OR_PHONE",
    pickupHoldDays: node ? String(node.pickupHoldDays) : "7",
  };
}

interface Props {
  countyCode: string;
  node: TNode | null;
  tree: TTree;
  allNodes: readonly TNode[];
  onSaved: (node: TNode) => void;
}

export function NodeForm({ countyCode, node, tree, allNodes, onSaved }: Props) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const areas = useMemo(() => buildAreaIndex(tree), [tree]);
  const [draft, setDraft] = useState<TDraft>(() => draftOf(node, (code) => areas.get(code)?.townshipCode ?? ""));
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const save = useMutation(
    trpc.network.nodes.upsert.mutationOptions({
      onSuccess: (result) => {
        setSaved(true);
        onSaved(result);
      },
    }),
  );
  const serverErrors = save.error ? readApiError(save.error).fieldErrors : {};
  const errorFor = (field: string) => clientErrors[field] ?? fieldError(serverErrors, field);
  const set = <K extends keyof TDraft>(field: K, value: TDraft[K]) => {
    setSaved(false);
    setDraft((d) => ({ ...d, [field]: value }));
  };

  const township = tree.townships.find((tw) => tw.code === draft.townshipCode);
  const pickedArea = areas.get(draft.areaCode);
  const wantsVillage = draft.tier === "VILLAGE_POINT";
  // Which area levels fit the tier: a hub sits on the county or a township, a station on a township, a point on a village.
  const fitsTier = (level: string) =>
    draft.tier === "COUNTY_HUB" ? level !== "VILLAGE" : draft.tier === "TOWNSHIP_STATION" ? level === "TOWNSHIP" : level === "VILLAGE";
  const areaFits = !draft.areaCode || (pickedArea ? fitsTier(pickedArea.level) : false);
  const parentTier = PARENT_TIER[draft.tier];
  const parents = parentTier ? allNodes.filter((n) => n.tier === parentTier && n.code !== draft.code) : [];
  const parentNode = allNodes.find((n) => n.code === draft.parentCode);
  const parentFits = !draft.parentCode || (parentNode ? parentNode.tier === parentTier : false);
  // A village point hung off another township's station needs a reason (跨乡镇挂靠).
  const parentTownship = parentNode ? areas.get(parentNode.areaCode)?.townshipCode : undefined;
  const crossBorder = wantsVillage && Boolean(parentTownship && pickedArea && parentTownship !== pickedArea.townshipCode);
  const showCrossBorder = crossBorder || draft.crossBorderReason !== "" || Boolean(errorFor("crossBorderReason"));

  function pickVillage(code: string) {
    setSaved(false);
    setDraft((d) => {
      const next = { ...d, areaCode: code };
      // Suggest the village's own township station as parent when none is chosen yet.
      const station = tree.townships.find((tw) => tw.code === d.townshipCode)?.station;
      if (!d.parentCode && station && station.code !== d.code) next.parentCode = station.code;
      return next;
    });
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const errors: Record<string, string> = {};
    const capacity = parseWholeNumber(draft.dailyCapacity);
    const handling = parseWholeNumber(draft.handlingMinutes);
    if (capacity === "invalid") errors.dailyCapacity = t("form.wholeNumber");
    if (handling === "invalid") errors.handlingMinutes = t("form.wholeNumber");
    // The self-pickup settings count only for a self-pickup node; otherwise the node keeps what it has.
    const holdError = draft.selfPickup ? pickupHoldDaysError(draft.pickupHoldDays) : null;
    if (holdError) errors.pickupHoldDays = t(`nodes.pickupHoldDaysError.${holdError}`, PICKUP_HOLD_RANGE);
    if (!draft.areaCode) errors.areaCode = t("form.required");
    setClientErrors(errors);
    const holdDays = draft.selfPickup ? parseWholeNumber(draft.pickupHoldDays) : null;
    if (Object.keys(errors).length > 0 || capacity === "invalid" || handling === "invalid" || holdDays === "invalid") return;
    // Empty clears a field (null); only a masked phone left empty means "keep" (undefined).
    const opt = (value: string) => value.trim() || null;
    const phoneMasked = node?.contactPhone ? isMasked(node.contactPhone) : false;
    const input: TNodeInput = {
      countyCode,
      code: draft.code.trim(),
      name: draft.name.trim(),
      tier: draft.tier,
      areaCode: draft.areaCode,
      parentCode: draft.parentCode || null,
      crossBorderReason: wantsVillage ? opt(draft.crossBorderReason) : null,
      coldChilled: draft.coldChilled,
      coldFrozen: draft.coldFrozen,
      selfPickup: draft.selfPickup,
      parcelLocker: draft.parcelLocker,
      passengerStop: draft.passengerStop,
      recyclables: draft.recyclables,
      operator: draft.operator,
      filingNumber: opt(draft.filingNumber),
      openingHours: opt(draft.openingHours),
      dailyCapacity: capacity,
      contactName: opt(draft.contactName),
      contactPhone: phoneMasked && !draft.contactPhone.trim() ? undefined : opt(draft.contactPhone),
      handlingMinutes: handling ?? undefined,
      pickupCheck: draft.selfPickup ? draft.pickupCheck : undefined,
      pickupHoldDays: holdDays ?? undefined,
    };
    save.mutate(input);
  }

  const textInput = (
    field: TTextField,
    props: { placeholder?: string; inputMode?: "numeric"; mono?: boolean; readOnly?: boolean } = {},
  ) => (
    <FormField id={`node-${field}`} label={t(`nodes.field.${field}`)} error={errorFor(field)}>
      <input
        id={`node-${field}`}
        className={props.mono ? "mono" : undefined}
        value={draft[field]}
        placeholder={props.placeholder}
        inputMode={props.inputMode}
        readOnly={props.readOnly}
        aria-invalid={Boolean(errorFor(field))}
        onChange={(e) => set(field, e.target.value)}
        data-testid={`node-${field}`}
      />
    </FormField>
  );

  return (
    <form className="form" onSubmit={onSubmit} noValidate data-testid="node-form">
      <ErrorSummary error={save.error} fields={FORM_FIELDS} testId="node-form-error" />
      {saved ? (
        <div className="alert alert-success" role="status" data-testid="node-form-ok">
          {t("common.saved")}
        </div>
      ) : null}
      <div className="form-grid">
        {textInput("code", { mono: true, readOnly: node !== null, placeholder: "GZ-101" })}
        {textInput("name")}
        <FormField id="node-tier" label={t("nodes.field.tier")} error={errorFor("tier")}>
          <select id="node-tier" value={draft.tier} onChange={(e) => set("tier", e.target.value as TTier)} data-testid="node-tier">
            {TIERS.map((tier) => (
              <option key={tier} value={tier}>
                {t(`tiers.${tier}`)}
              </option>
            ))}
          </select>
        </FormField>
        {wantsVillage ? (
          <FormField id="node-township" label={t("nodes.field.township")}>
            <select
              id="node-township"
              value={draft.townshipCode}
              onChange={(e) => {
                const code = e.target.value;
                setSaved(false);
                setDraft((d) => ({ ...d, townshipCode: code, areaCode: areas.get(d.areaCode)?.townshipCode === code ? d.areaCode : "" }));
              }}
              data-testid="node-township"
            >
              <option value="">{t("form.choose")}</option>
              {tree.townships.map((tw) => (
                <option key={tw.code} value={tw.code}>
                  {tw.name}
                </option>
              ))}
            </select>
          </FormField>
        ) : null}
        <FormField
          id="node-areaCode"
          label={t(
            wantsVillage ? "nodes.field.village" : draft.tier === "COUNTY_HUB" ? "nodes.field.areaCode" : "nodes.field.areaTownship",
          )}
          error={errorFor("areaCode")}
        >
          <select
            id="node-areaCode"
            value={draft.areaCode}
            aria-invalid={Boolean(errorFor("areaCode"))}
            onChange={(e) => (wantsVillage ? pickVillage(e.target.value) : set("areaCode", e.target.value))}
            data-testid="node-areaCode"
          >
            <option value="">{wantsVillage && !township ? t("nodes.pickTownshipFirst") : t("form.choose")}</option>
            {!areaFits && pickedArea ? <option value={pickedArea.code}>{t("nodes.areaMismatch", { name: pickedArea.name })}</option> : null}
            {wantsVillage
              ? (township?.villages ?? []).map((v) => (
                  <option key={v.code} value={v.code}>
                    {v.name}
                    {v.point && v.point.code !== draft.code ? ` · ${t("nodes.hasPoint", { name: v.point.name })}` : ""}
                  </option>
                ))
              : [
                  draft.tier === "COUNTY_HUB" ? (
                    <option key="county" value={countyAreaCode(tree.county.code)}>
                      {tree.county.name}（{t("nodes.countyLevel")}）
                    </option>
                  ) : null,
                  ...tree.townships.map((tw) => (
                    <option key={tw.code} value={tw.code}>
                      {tw.name}（{tw.kind}）
                      {draft.tier === "TOWNSHIP_STATION" && tw.station && tw.station.code !== draft.code
                        ? ` · ${t("nodes.hasStation", { name: tw.station.name })}`
                        : ""}
                    </option>
                  )),
                ]}
          </select>
        </FormField>
        <FormField id="node-parentCode" label={t("nodes.field.parentCode")} error={errorFor("parentCode")}>
          <select
            id="node-parentCode"
            value={draft.parentCode}
            onChange={(e) => set("parentCode", e.target.value)}
            data-testid="node-parentCode"
          >
            <option value="">{parentTier ? t("form.choose") : t("nodes.noParent")}</option>
            {!parentFits ? <option value={draft.parentCode}>{t("nodes.parentMismatch", { code: draft.parentCode })}</option> : null}
            {parents.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}（{p.code}）
              </option>
            ))}
          </select>
        </FormField>
        {showCrossBorder ? (
          <FormField id="node-crossBorderReason" label={t("nodes.field.crossBorderReason")} error={errorFor("crossBorderReason")}>
            <input
              id="node-crossBorderReason"
              value={draft.crossBorderReason}
              onChange={(e) => set("crossBorderReason", e.target.value)}
              data-testid="node-crossBorderReason"
            />
            {crossBorder ? <p className="field-hint">{t("nodes.crossBorderHint")}</p> : null}
          </FormField>
        ) : null}
        <FormField id="node-operator" label={t("nodes.field.operator")} error={errorFor("operator")}>
          <select
            id="node-operator"
            value={draft.operator}
            onChange={(e) => set("operator", e.target.value as TOperator)}
            data-testid="node-operator"
          >
            {OPERATORS.map((op) => (
              <option key={op} value={op}>
                {t(`operators.${op}`)}
              </option>
            ))}
          </select>
        </FormField>
        {textInput("filingNumber", { mono: true })}
        {textInput("openingHours", { placeholder: "08:00-18:00", mono: true })}
        {textInput("dailyCapacity", { inputMode: "numeric" })}
        {textInput("handlingMinutes", { inputMode: "numeric" })}
        {textInput("contactName")}
        <FormField id="node-contactPhone" label={t("nodes.field.contactPhone")} error={errorFor("contactPhone")}>
          <input
            id="node-contactPhone"
            type="tel"
            value={draft.contactPhone}
            placeholder={node?.contactPhone && isMasked(node.contactPhone) ? node.contactPhone : ""}
            onChange={(e) => set("contactPhone", e.target.value)}
            data-testid="node-contactPhone"
          />
          {node?.contactPhone && isMasked(node.contactPhone) ? <p className="field-hint">{t("nodes.phoneKept")}</p> : null}
        </FormField>
      </div>
      <fieldset className="check-group">
        <legend>{t("nodes.services")}</legend>
        {FLAGS.map((flag) => (
          <Check
            key={flag}
            id={`node-${flag}`}
            label={t(`nodes.field.${flag}`)}
            checked={draft[flag]}
            onChange={(v) => set(flag, v)}
            testId={`node-${flag}`}
          />
        ))}
        {draft.selfPickup ? (
          <div className="form-grid" data-testid="node-pickup-settings">
            <FormField id="node-pickupCheck" label={t("nodes.field.pickupCheck")} error={errorFor("pickupCheck")}>
              <select
                id="node-pickupCheck"
                value={draft.pickupCheck}
                onChange={(e) => set("pickupCheck", e.target.value as TPickupCheck)}
                data-testid="node-pickupCheck"
              >
                {PICKUP_CHECKS.map((c) => (
                  <option key={c} value={c}>
                    {t(`nodes.pickupChecks.${c}`)}
                  </option>
                ))}
              </select>
            </FormField>
            {textInput("pickupHoldDays", { inputMode: "numeric" })}
          </div>
        ) : null}
        {FLAGS.map((flag) =>
          errorFor(flag) ? (
            <p key={`${flag}-error`} className="field-error">
              {t(`nodes.field.${flag}`)}: {errorFor(flag)}
            </p>
          ) : null,
        )}
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={save.isPending} data-testid="node-submit">
          {save.isPending ? t("common.saving") : node ? t("common.save") : t("nodes.create")}
        </button>
      </div>
    </form>
  );
}
