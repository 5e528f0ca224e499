// Create or edit a lane: ends, mode, timetable, and for a milk run the villages it stops at.
import { useMutation } from "@tanstack/react-query";
import { CheckField, ENUMS, EnumSelect, FieldSlot, NumberField, TextField, useZodForm } from "../../../components/form/index.ts";
import { EditForm, withFixed } from "../../../components/edit-form.tsx";
import type { TLane, TNode, TTree } from "../../../lib/network-api.ts";
import { useTRPC } from "../../../lib/trpc.ts";
import { useT } from "../../../i18n/use-t.ts";
import { LANE_FORM_FIELDS, ZLaneDraftSchema, laneDraftOf } from "./lane-draft.ts";
import { GroupError, MilkRunStops, Weekdays } from "./lane-fields.tsx";
import { NodeSelect } from "./node-select.tsx";

interface Props {
  countyCode: string;
  lane: TLane | null;
  nodes: readonly TNode[];
  tree: TTree;
  onSaved: (lane: TLane) => void;
}

export function LaneForm({ countyCode, lane, nodes, tree, onSaved }: Props) {
  const t = useT("network");
  const trpc = useTRPC();
  const save = useMutation(trpc.network.lanes.upsert.mutationOptions({ onSuccess: onSaved }));
  const kit = useZodForm({
    schema: ZLaneDraftSchema,
    defaultValues: laneDraftOf(lane),
    fields: LANE_FORM_FIELDS,
    mutation: withFixed(save, { countyCode }),
  });
  const mode = kit.form.watch("mode");
  const nodeSelect = (p: { id: string; value: string; onChange: (v: string) => void }) => (
    <NodeSelect id={p.id} value={p.value} nodes={nodes} onChange={p.onChange} testId={p.id} />
  );

  return (
    <EditForm kit={kit} prefix="lane" createLabel={lane ? undefined : t("lanes.create")}>
      <div className="form-grid">
        <TextField name="code" label={t("lanes.field.code")} mono readOnly={lane !== null} placeholder="GZ-L01" />
        <EnumSelect name="mode" label={t("lanes.field.mode")} options={ENUMS.laneMode} />
        <FieldSlot name="fromCode" label={t("lanes.field.fromCode")}>
          {nodeSelect}
        </FieldSlot>
        <FieldSlot name="toCode" label={t("lanes.field.toCode")}>
          {nodeSelect}
        </FieldSlot>
        {mode === "DIRECT" ? <TextField name="directReason" label={t("lanes.field.directReason")} hint={t("lanes.directHint")} /> : null}
        <TextField name="departures" label={t("lanes.field.departures")} mono placeholder="08:00;14:30" hint={t("lanes.departuresHint")} />
        <NumberField name="cutoffMinutes" label={t("lanes.field.cutoffMinutes")} />
        <NumberField name="transitMinutes" label={t("lanes.field.transitMinutes")} />
      </div>
      <Weekdays />
      <div className="check-group check-group-plain">
        <CheckField name="cold" label={t("lanes.field.cold")} />
        <GroupError name="cold" />
      </div>
      {mode === "MILK_RUN" ? <MilkRunStops lane={lane} nodes={nodes} tree={tree} /> : null}
    </EditForm>
  );
}
