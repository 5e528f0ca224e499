// 线路: the county's lanes (trunk, milk run, passenger bus, direct) and a side panel to create or edit one.
import { useMutation, useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { editColumn, type TDataColumn } from "../../../components/data-table.tsx";
import { FilterSelect, ListCard, SearchFilter } from "../../../components/list-card.tsx";
import { SidePanel } from "../../../components/side-panel.tsx";
import { type TLane, type TLaneMode } from "../../../lib/network-api.ts";
import { useTRPC } from "../../../lib/trpc.ts";
import { CountyScope } from "../county-scope.tsx";
import { LaneForm } from "./lane-form.tsx";
import { StatusPill, YesNo } from "./network-bits.tsx";
import { LANE_MODES } from "./network-constants.ts";
import { useRefreshNetwork } from "./network-data.ts";
import { formatWeekdays } from "./network-format.ts";
import { StatusBox, StatusReasonForm } from "./status-reason-form.tsx";
import { useT } from "../../../i18n/use-t.ts";
import { ENUMS } from "../../../components/form/enums.ts";

export function LanesPage() {
  return <CountyScope>{(countyCode) => <LanesView countyCode={countyCode} />}</CountyScope>;
}

type TPanel = null | { key: number; lane: TLane | null };

function LanesView({ countyCode }: { countyCode: string }) {
  const t = useT("network");
  const tc = useT("common");
  const te = useT("enums");
  const trpc = useTRPC();
  const refresh = useRefreshNetwork();
  const lanes = useQuery(trpc.network.lanes.list.queryOptions({ countyCode }));
  const nodes = useQuery(trpc.network.nodes.list.queryOptions({ countyCode }));
  const tree = useQuery(trpc.network.tree.queryOptions({ countyCode }));
  const [mode, setMode] = useState<TLaneMode | "">("");
  const [text, setText] = useState("");
  const [panel, setPanel] = useState<TPanel>(null);
  const weekdayLabels = t("lanes.weekdayShort").split(",");

  const filter = useMemo(() => {
    const q = text.trim().toLowerCase();
    return (lane: TLane) =>
      (!mode || lane.mode === mode) &&
      (!q || [lane.code, lane.fromCode, lane.toCode, lane.fromName, lane.toName].some((s) => s.toLowerCase().includes(q)));
  }, [mode, text]);

  const open = (lane: TLane | null) => setPanel({ key: Date.now(), lane });
  const onSaved = (lane: TLane) => {
    setPanel((p) => (p ? { ...p, lane } : p));
    void refresh();
  };
  const columns: TDataColumn<TLane>[] = [
    { key: "code", header: t("lanes.field.code"), className: "mono", cell: (lane) => lane.code },
    {
      key: "fromTo",
      header: t("lanes.fromTo"),
      cell: (lane) => (
        <>
          {lane.fromName} → {lane.toName}
          <div className="muted small mono">
            {lane.fromCode} → {lane.toCode}
          </div>
          {lane.mode === "MILK_RUN" && lane.stopAreaCodes.length > 0 ? (
            <div className="muted small">{t("lanes.stopsCount", { count: lane.stopAreaCodes.length })}</div>
          ) : null}
        </>
      ),
    },
    {
      key: "mode",
      header: t("lanes.field.mode"),
      cell: (lane) => <span className={`mode-tag mode-${lane.mode.toLowerCase()}`}>{ENUMS.laneMode.label(lane.mode)}</span>,
    },
    { key: "departures", header: t("lanes.field.departures"), className: "mono", cell: (lane) => lane.departures.join(" ") },
    {
      key: "weekdays",
      header: t("lanes.field.weekdays"),
      cell: (lane) => formatWeekdays(lane.weekdays, weekdayLabels, t("lanes.everyDay"), t("lanes.weekdaySeparator")),
    },
    { key: "cutoff", header: t("lanes.cutoff"), cell: (lane) => tc("common.minutes", { count: lane.cutoffMinutes }) },
    { key: "transit", header: t("lanes.transit"), cell: (lane) => tc("common.minutes", { count: lane.transitMinutes }) },
    { key: "cold", header: t("lanes.field.cold"), cell: (lane) => <YesNo value={lane.cold} /> },
    {
      key: "status",
      header: t("lanes.status"),
      cell: (lane) => (
        <>
          <StatusPill status={lane.status} label={te(`laneStatus.${lane.status}`)} />
          {lane.status === "SUSPENDED" && lane.suspendedReason ? <div className="muted small">{lane.suspendedReason}</div> : null}
        </>
      ),
    },
    editColumn({ header: tc("common.actions"), label: tc("common.edit"), testId: "lane-edit", onEdit: open }),
  ];

  return (
    <>
      <ListCard
        title={t("lanes.title")}
        actions={
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => open(null)}
            disabled={!tree.data || !nodes.data}
            data-testid="lane-new"
          >
            {t("lanes.new")}
          </button>
        }
        filters={
          <>
            <FilterSelect
              value={mode}
              onChange={setMode}
              options={LANE_MODES}
              label={(m) => ENUMS.laneMode.label(m)}
              allLabel={t("lanes.allModes")}
              ariaLabel={t("lanes.field.mode")}
              testId="lane-filter-mode"
            />
            <SearchFilter value={text} onChange={setText} placeholder={t("lanes.searchPlaceholder")} testId="lane-filter-q" />
          </>
        }
        query={lanes}
        isEmpty={(all) => all.length === 0}
        rows={(all) => all.filter(filter)}
        table={{
          columns,
          rowKey: (lane) => lane.id,
          rowProps: (lane) => ({ "data-testid": "lane-row", "data-code": lane.code }),
          testId: "lanes-table",
        }}
      />
      {panel && tree.data && nodes.data ? (
        <SidePanel
          title={panel.lane ? t("lanes.editTitle", { code: panel.lane.code }) : t("lanes.new")}
          onClose={() => setPanel(null)}
          testId="lane-panel"
        >
          <LaneForm key={panel.key} countyCode={countyCode} lane={panel.lane} nodes={nodes.data} tree={tree.data} onSaved={onSaved} />
          {panel.lane ? <LaneStatusActions countyCode={countyCode} lane={panel.lane} onChanged={onSaved} /> : null}
        </SidePanel>
      ) : null}
    </>
  );
}

function LaneStatusActions({ countyCode, lane, onChanged }: { countyCode: string; lane: TLane; onChanged: (lane: TLane) => void }) {
  const t = useT("network");
  const te = useT("enums");
  const trpc = useTRPC();
  const [asking, setAsking] = useState(false);
  const change = useMutation(
    trpc.network.lanes.setStatus.mutationOptions({
      onSuccess: (result) => {
        setAsking(false);
        onChanged(result);
      },
    }),
  );
  return (
    <StatusBox
      prefix="lane"
      title={t("lanes.statusTitle")}
      status={lane.status}
      label={te(`laneStatus.${lane.status}`)}
      suspendedReason={lane.suspendedReason}
      error={change.error}
      fields={["reason"]}
    >
      {lane.status === "SUSPENDED" ? (
        <button
          type="button"
          className="btn btn-primary"
          disabled={change.isPending}
          onClick={() => change.mutate({ countyCode, code: lane.code, status: "ACTIVE" })}
          data-testid="lane-reactivate"
        >
          {t("lanes.reactivate")}
        </button>
      ) : asking ? (
        <StatusReasonForm
          prefix="lane-suspend"
          reasonLabel={t("lanes.suspendReason")}
          confirmLabel={t("lanes.suspendConfirm")}
          confirmTestId="lane-suspend-confirm"
          change={change}
          onConfirm={(input) => change.mutate({ countyCode, code: lane.code, status: "SUSPENDED", reason: input.reason })}
          onCancel={() => setAsking(false)}
        />
      ) : (
        <button type="button" className="btn" onClick={() => setAsking(true)} data-testid="lane-suspend">
          {t("lanes.suspend")}
        </button>
      )}
    </StatusBox>
  );
}
