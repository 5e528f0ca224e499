// 节点: the county's nodes with filters, and a side panel to create or edit one and change its status.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { editColumn, type TDataColumn } from "../../../components/data-table.tsx";
import { FilterSelect, ListCard, SearchFilter } from "../../../components/list-card.tsx";
import { SidePanel } from "../../../components/side-panel.tsx";
import { type TNode, type TNodeStatus, type TTier } from "../../../lib/network-api.ts";
import { useTRPC } from "../../../lib/trpc.ts";
import { useDebounced } from "../../../lib/use-debounced.ts";
import { formatDate } from "../../../lib/time.ts";
import { CountyScope } from "../county-scope.tsx";
import { StatusPill, YesNo } from "./network-bits.tsx";
import { NODE_STATUSES, TIERS } from "./network-constants.ts";
import { areaLabel, buildAreaIndex, useRefreshNetwork } from "./network-data.ts";
import { NodeForm } from "./node-form.tsx";
import { NodeStatusActions } from "./node-status.tsx";
import { useT } from "../../../i18n/use-t.ts";
import { ENUMS } from "../../../components/form/enums.ts";

export function NodesPage() {
  return <CountyScope>{(countyCode) => <NodesView countyCode={countyCode} />}</CountyScope>;
}

/** The panel: closed, or open on a new node (null) or an existing one, kept fresh from the save/status answers.
 *  `key` changes only when the panel is opened anew, so a create that turns into an edit keeps the form. */
type TPanel = null | { key: number; node: TNode | null };

function NodesView({ countyCode }: { countyCode: string }) {
  const t = useT("network");
  const tc = useT("common");
  const trpc = useTRPC();
  const refresh = useRefreshNetwork();
  const [tier, setTier] = useState<TTier | "">("");
  const [status, setStatus] = useState<TNodeStatus | "">("");
  const [text, setText] = useState("");
  const q = useDebounced(text.trim(), 300);
  const [panel, setPanel] = useState<TPanel>(null);

  const filtered = useQuery(
    trpc.network.nodes.list.queryOptions(
      { countyCode, tier: tier || undefined, status: status || undefined, q: q || undefined },
      { placeholderData: keepPreviousData },
    ),
  );
  const all = useQuery(trpc.network.nodes.list.queryOptions({ countyCode }));
  const tree = useQuery(trpc.network.tree.queryOptions({ countyCode }));
  const areas = useMemo(() => buildAreaIndex(tree.data), [tree.data]);
  const nameByCode = useMemo(() => new Map((all.data ?? []).map((n) => [n.code, n.name])), [all.data]);

  const open = (node: TNode | null) => setPanel({ key: Date.now(), node });
  const onSaved = (node: TNode) => {
    setPanel((p) => (p ? { ...p, node } : p));
    void refresh();
  };
  // Names, areas and parents wrap so the edit buttons stay in view at 1280 px.
  const columns: TDataColumn<TNode>[] = [
    { key: "code", header: t("nodes.field.code"), className: "mono", cell: (n) => n.code },
    { key: "name", header: t("nodes.field.name"), className: "wrap-narrow", cell: (n) => n.name },
    { key: "tier", header: t("nodes.field.tier"), cell: (n) => ENUMS.tier.label(n.tier) },
    {
      key: "area",
      header: t("nodes.area"),
      className: "wrap-narrow",
      cellProps: (n) => ({ title: n.areaCode }),
      cell: (n) => areaLabel(areas, n.areaCode),
    },
    {
      key: "parent",
      header: t("nodes.field.parentCode"),
      className: "wrap-narrow",
      cell: (n) =>
        n.parentCode ? (
          <>
            <span className="mono">{n.parentCode}</span>
            {nameByCode.get(n.parentCode) ? <div className="muted small">{nameByCode.get(n.parentCode)}</div> : null}
          </>
        ) : (
          <span className="muted">{tc("common.none")}</span>
        ),
    },
    {
      key: "status",
      header: t("nodes.status"),
      cell: (n) => (
        <>
          <StatusPill status={n.status} label={ENUMS.nodeStatus.label(n.status)} />
          {n.status === "SUSPENDED" && n.suspendedUntil ? (
            <div className="muted small">{t("nodes.suspendedUntil", { date: formatDate(n.suspendedUntil) })}</div>
          ) : null}
        </>
      ),
    },
    {
      key: "cold",
      header: t("nodes.cold"),
      cell: (n) =>
        n.coldChilled || n.coldFrozen ? (
          <span className="cold-tag">
            {[n.coldChilled ? t("nodes.chilled") : null, n.coldFrozen ? t("nodes.frozen") : null].filter(Boolean).join(" / ")}
          </span>
        ) : (
          <span className="muted">{tc("common.none")}</span>
        ),
    },
    { key: "selfPickup", header: t("nodes.field.selfPickup"), cell: (n) => <YesNo value={n.selfPickup} /> },
    editColumn({ header: tc("common.actions"), label: tc("common.edit"), testId: "node-edit", onEdit: open }),
  ];

  return (
    <>
      <ListCard
        title={t("nodes.title")}
        actions={
          <button type="button" className="btn btn-primary" onClick={() => open(null)} disabled={!tree.data} data-testid="node-new">
            {t("nodes.new")}
          </button>
        }
        filters={
          <>
            <FilterSelect
              value={tier}
              onChange={setTier}
              options={TIERS}
              label={(x) => ENUMS.tier.label(x)}
              allLabel={t("nodes.allTiers")}
              ariaLabel={t("nodes.field.tier")}
              testId="node-filter-tier"
            />
            <FilterSelect
              value={status}
              onChange={setStatus}
              options={NODE_STATUSES}
              label={(x) => ENUMS.nodeStatus.label(x)}
              allLabel={t("nodes.allStatuses")}
              ariaLabel={t("nodes.status")}
              testId="node-filter-status"
            />
            <SearchFilter value={text} onChange={setText} placeholder={t("nodes.searchPlaceholder")} testId="node-filter-q" />
          </>
        }
        query={filtered}
        rows={(rows) => rows}
        table={{
          columns,
          rowKey: (n) => n.id,
          rowProps: (n) => ({ "data-testid": "node-row", "data-code": n.code }),
          testId: "nodes-table",
        }}
      />
      {panel && tree.data ? (
        <SidePanel
          title={panel.node ? t("nodes.editTitle", { name: panel.node.name }) : t("nodes.new")}
          onClose={() => setPanel(null)}
          testId="node-panel"
        >
          <NodeForm
            key={panel.key}
            countyCode={countyCode}
            node={panel.node}
            tree={tree.data}
            allNodes={all.data ?? []}
            onSaved={onSaved}
          />
          {panel.node ? <NodeStatusActions countyCode={countyCode} node={panel.node} onChanged={onSaved} /> : null}
        </SidePanel>
      ) : null}
    </>
  );
}
