// Create or edit a counter: code, name, venue type, operating organisation, where it is (an area of the county, a
// city outside it, or online), the delivery node that receives its restocks, and whether it is active.
import { useMutation } from "@tanstack/react-query";
import { useMemo } from "react";
import { CheckField, EnumSelect, FieldSlot, TextField, useZodForm } from "../../../components/form/index.ts";
import type { TNode, TTree } from "../../../lib/network-api.ts";
import { useTRPC } from "../../../lib/trpc.ts";
import type { TCounter } from "../../../components/counters/counters-api.ts";
import { CATALOG_ENUMS } from "../../../components/counters/catalog-enums.ts";
import { buildAreaIndex } from "../network/network-data.ts";
import { NodeSelect } from "../network/node-select.tsx";
import { AreaField } from "./area-picker.tsx";
import { COUNTER_FIELDS, PLACES, counterDraftOf, counterSchema } from "./counter-draft.ts";
import { CatalogForm } from "./catalog-form.tsx";
import { useT } from "../../../i18n/use-t.ts";

interface Props {
  countyCode: string;
  counter: TCounter | null;
  tree: TTree;
  nodes: readonly TNode[];
  onSaved: (c: TCounter) => void;
}

export function CounterForm({ countyCode, counter, tree, nodes, onSaved }: Props) {
  const t = useT("common");
  const tp = useT("countyCounters");
  const trpc = useTRPC();
  const areas = useMemo(() => buildAreaIndex(tree), [tree]);
  const save = useMutation(trpc.catalog.counters.upsert.mutationOptions({ onSuccess: onSaved }));
  const kit = useZodForm({
    schema: counterSchema(countyCode, (code) => nodes.find((n) => n.code === code)?.id),
    defaultValues: counterDraftOf(counter, (code) => areas.get(code)?.townshipCode ?? ""),
    fields: COUNTER_FIELDS,
    mutation: save,
  });
  const [place, nodeCode] = kit.form.watch(["place", "nodeId"]);
  // Restocks are routed to an active node only; a closed one stays visible when it is the stored choice.
  const pickable = nodes.filter((n) => n.status === "ACTIVE" || n.code === nodeCode);

  return (
    <CatalogForm kit={kit} prefix="counter" submitLabel={counter ? t("common.save") : tp("counters.create")}>
      <div className="form-grid">
        <TextField name="code" label={tp("counters.code")} mono readOnly={counter !== null} placeholder="GZ-C01" />
        <TextField name="name" label={tp("counters.name")} />
        <EnumSelect name="venueType" label={tp("counters.venueType")} options={CATALOG_ENUMS.venueType} />
        <TextField name="operatorName" label={tp("counters.operatorName")} />
        <FieldSlot name="nodeId" label={tp("counters.node")} hint={tp("counters.nodeHint")}>
          {(c) => <NodeSelect id={c.id} value={c.value} nodes={pickable} onChange={c.onChange} invalid={c.invalid} testId="counter-node" />}
        </FieldSlot>
        <TextField name="address" label={tp("counters.address")} />
      </div>
      <fieldset className="check-group">
        <legend>{tp("counters.place")}</legend>
        {PLACES.map((p) => (
          <label key={p} className="check">
            <input
              type="radio"
              name="counter-place"
              checked={place === p}
              onChange={() => kit.form.setValue("place", p)}
              data-testid={`counter-place-${p}`}
            />
            <span>{tp(`counters.places.${p}`)}</span>
          </label>
        ))}
        {place === "area" ? (
          <AreaField tree={tree} name="areaCode" townshipName="townshipCode" idSuffix="area" townshipAllowed />
        ) : place === "city" ? (
          <TextField name="city" label={tp("counters.city")} />
        ) : (
          <p className="field-hint">{tp("counters.onlineHint")}</p>
        )}
      </fieldset>
      <CheckField name="active" label={tp("counters.active")} />
    </CatalogForm>
  );
}
