// Create or edit a counter: code, name, venue type, operating organisation, where it is (an area of the county, a
// city outside it, or online), the delivery node that receives its restocks, and whether it is active.
import { useMutation } from "@tanstack/react-query";
import { useMemo, useState, type FormEvent } from "react";
import { VENUE_TYPES } from "@xiangda/domain";
import { FormField } from "../../../components/form-field.tsx";
import { fieldError, readApiError } from "../../../lib/api-error.ts";
import type { TNode, TTree } from "../../../lib/network-api.ts";
import { useTRPC } from "../../../lib/trpc.ts";
import type { TCounter, TVenueType } from "../../../components/counters/counters-api.ts";
import { ErrorSummary } from "../../../components/form/error-summary.tsx";
import { Check } from "../network/network-bits.tsx";
import { buildAreaIndex } from "../network/network-data.ts";
import { NodeSelect } from "../network/node-select.tsx";
import { AreaPicker } from "./area-picker.tsx";
import { counterDraftOf, counterInputOf, type TCounterDraft, type TPlace } from "./counter-draft.ts";
import { useT } from "../../../i18n/use-t.ts";
import { enumKey } from "../../../components/counters/counter-keys.ts";

const FIELDS = ["code", "name", "venueType", "operatorName", "address", "areaCode", "city", "nodeId", "active"] as const;
const PLACES: readonly TPlace[] = ["area", "city", "online"];
type TTextField = "code" | "name" | "operatorName" | "address" | "city";

interface Props {
  countyCode: string;
  counter: TCounter | null;
  tree: TTree;
  nodes: readonly TNode[];
  onSaved: (c: TCounter) => void;
}

export function CounterForm({ countyCode, counter, tree, nodes, onSaved }: Props) {
  const t = useT("common");
  const tc = useT("counters");
  const trpc = useTRPC();
  const areas = useMemo(() => buildAreaIndex(tree), [tree]);
  const [draft, setDraft] = useState<TCounterDraft>(() => counterDraftOf(counter, (code) => areas.get(code)?.townshipCode ?? ""));
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const save = useMutation(
    trpc.catalog.counters.upsert.mutationOptions({
      onSuccess: (c) => {
        setSaved(true);
        onSaved(c);
      },
    }),
  );
  const serverErrors = save.error ? readApiError(save.error).fieldErrors : {};
  const errorFor = (f: string) => clientErrors[f] ?? fieldError(serverErrors, f);
  const set = <K extends keyof TCounterDraft>(field: K, value: TCounterDraft[K]) => {
    setSaved(false);
    setDraft((d) => ({ ...d, [field]: value }));
  };
  // Restocks are routed to an active node only; a closed one stays visible when it is the stored choice.
  const pickable = nodes.filter((n) => n.status === "ACTIVE" || n.code === draft.nodeCode);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setSaved(false);
    const r = counterInputOf(draft, countyCode, (code) => nodes.find((n) => n.code === code)?.id);
    if (!r.ok) {
      setClientErrors(Object.fromEntries(Object.keys(r.errors).map((k) => [k, t("form.required")])));
      return;
    }
    setClientErrors({});
    save.mutate(r.input);
  }

  const text = (field: TTextField, label: string, props: { mono?: boolean; readOnly?: boolean; placeholder?: string } = {}) => (
    <FormField id={`counter-${field}`} label={label} error={errorFor(field)}>
      <input
        id={`counter-${field}`}
        className={props.mono ? "mono" : undefined}
        value={draft[field]}
        readOnly={props.readOnly}
        placeholder={props.placeholder}
        aria-invalid={Boolean(errorFor(field))}
        onChange={(e) => set(field, e.target.value)}
        data-testid={`counter-${field}`}
      />
    </FormField>
  );

  return (
    <form className="form" onSubmit={onSubmit} noValidate data-testid="counter-form">
      <ErrorSummary error={save.error} fields={FIELDS} testId="counter-form-error" />
      {saved ? (
        <div className="alert alert-success" role="status" data-testid="counter-form-ok">
          {t("common.saved")}
        </div>
      ) : null}
      <div className="form-grid">
        {text("code", tc("counters.code"), { mono: true, readOnly: counter !== null, placeholder: "GZ-C01" })}
        {text("name", tc("counters.name"))}
        <FormField id="counter-venueType" label={tc("counters.venueType")} error={errorFor("venueType")}>
          <select
            id="counter-venueType"
            value={draft.venueType}
            onChange={(e) => set("venueType", e.target.value as TVenueType)}
            data-testid="counter-venueType"
          >
            {VENUE_TYPES.map((v) => (
              <option key={v} value={v}>
                {tc(enumKey("venueTypes", v))}
              </option>
            ))}
          </select>
        </FormField>
        {text("operatorName", tc("counters.operatorName"))}
        <FormField id="counter-nodeId" label={tc("counters.node")} error={errorFor("nodeId")}>
          <NodeSelect
            id="counter-nodeId"
            value={draft.nodeCode}
            nodes={pickable}
            onChange={(code) => set("nodeCode", code)}
            invalid={Boolean(errorFor("nodeId"))}
            testId="counter-node"
          />
          <p className="field-hint">{tc("counters.nodeHint")}</p>
        </FormField>
        {text("address", tc("counters.address"))}
      </div>
      <fieldset className="check-group">
        <legend>{tc("counters.place")}</legend>
        {PLACES.map((p) => (
          <label key={p} className="check">
            <input
              type="radio"
              name="counter-place"
              checked={draft.place === p}
              onChange={() => set("place", p)}
              data-testid={`counter-place-${p}`}
            />
            <span>{tc(`counters.places.${p}`)}</span>
          </label>
        ))}
        {draft.place === "area" ? (
          <div className="field">
            <AreaPicker
              idPrefix="counter-area"
              tree={tree}
              townshipCode={draft.townshipCode}
              villageCode={draft.areaCode === draft.townshipCode ? "" : draft.areaCode}
              townshipAllowed
              invalid={Boolean(errorFor("areaCode"))}
              onChange={(township, village) => {
                setSaved(false);
                setDraft((d) => ({ ...d, townshipCode: township, areaCode: village || township }));
              }}
            />
            {errorFor("areaCode") ? <p className="field-error">{errorFor("areaCode")}</p> : null}
          </div>
        ) : draft.place === "city" ? (
          text("city", tc("counters.city"))
        ) : (
          <p className="field-hint">{tc("counters.onlineHint")}</p>
        )}
      </fieldset>
      <Check
        id="counter-active"
        label={tc("counters.active")}
        checked={draft.active}
        onChange={(v) => set("active", v)}
        testId="counter-active"
      />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={save.isPending} data-testid="counter-save">
          {save.isPending ? t("common.saving") : counter ? t("common.save") : tc("counters.create")}
        </button>
      </div>
    </form>
  );
}
