// 节点: the county's nodes with filters, and a side panel to create or edit one and change its status.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { DataState } from "../../components/data-state.tsx";
import { DataTable, editColumn, type TDataColumn } from "../../components/data-table.tsx";
import { SidePanel } from "../../components/side-panel.tsx";
import { type TNode, type TNodeStatus, type TTier } from "../../lib/network-api.ts";
import { useTRPC } from "../../lib/trpc.ts";
import { useDebounced } from "../../lib/use-debounced.ts";
import { formatDate } from "../../lib/time.ts";
import { CountyScope } from "../county/county-scope.tsx";
import { StatusPill, YesNo } from "./network-bits.tsx";
import { NODE_STATUSES, TIERS } from "./network-constants.ts";
import { areaLabel, buildAreaIndex, useRefreshNetwork } from "./network-data.ts";
import { NodeForm } from "./node-form.tsx";
import { NodeStatusActions } from "./node-status.tsx";

export function NodesPage() {
  return <CountyScope>{(countyCode) => <NodesView countyCode={countyCode} />}</CountyScope>;
}

/** The panel: closed, or open on a new node (null) or an existing one, kept fresh from the save/status answers.
 *  `key` changes only when the panel is opened anew, so a create that turns into an edit keeps the form. */
type TPanel = null | { key: number; node: TNode | null };

function NodesView({ countyCode }: { countyCode: string }) {
  const { t } = useTranslation();
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
    { key: "tier", header: t("nodes.field.tier"), cell: (n) => t(`tiers.${n.tier}`) },
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
          <span className="muted">{t("common.none")}</span>
        ),
    },
    {
      key: "status",
      header: t("nodes.status"),
      cell: (n) => (
        <>
          <StatusPill status={n.status} label={t(`nodeStatus.${n.status}`)} />
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
          <span className="muted">{t("common.none")}</span>
        ),
    },
    { key: "selfPickup", header: t("nodes.field.selfPickup"), cell: (n) => <YesNo value={n.selfPickup} /> },
    editColumn({ header: t("common.actions"), label: t("common.edit"), testId: "node-edit", onEdit: open }),
  ];

  return (
    <>
      <section className="card">
        <div className="card-head">
          <h2 className="card-title">{t("nodes.title")}</h2>
          <button type="button" className="btn btn-primary" onClick={() => open(null)} disabled={!tree.data} data-testid="node-new">
            {t("nodes.new")}
          </button>
        </div>
        <div className="filters">
          <select
            value={tier}
            onChange={(e) => setTier(e.target.value as TTier | "")}
            aria-label={t("nodes.field.tier")}
            data-testid="node-filter-tier"
          >
            <option value="">{t("nodes.allTiers")}</option>
            {TIERS.map((x) => (
              <option key={x} value={x}>
                {t(`tiers.${x}`)}
              </option>
            ))}
          </select>
          <select
            value={status}
            onChange={(e) => setStatus(e.target.value as TNodeStatus | "")}
            aria-label={t("nodes.status")}
            data-testid="node-filter-status"
          >
            <option value="">{t("nodes.allStatuses")}</option>
            {NODE_STATUSES.map((x) => (
              <option key={x} value={x}>
                {t(`nodeStatus.${x}`)}
              </option>
            ))}
          </select>
          <input
            type="search"
            className="filter-search"
            value={text}
            placeholder={t("nodes.searchPlaceholder")}
            aria-label={t("nodes.searchPlaceholder")}
            onChange={(e) => setText(e.target.value)}
            data-testid="node-filter-q"
          />
        </div>
        <DataState query={filtered} isEmpty={(rows) => rows.length === 0}>
          {(rows) => (
            <>
              <p className="muted small" aria-live="polite">
                {t("common.count", { count: rows.length })}
              </p>
              <DataTable
                columns={columns}
                rows={rows}
                rowKey={(n) => n.id}
                rowProps={(n) => ({ "data-testid": "node-row", "data-code": n.code })}
                testId="nodes-table"
              />
            </>
          )}
        </DataState>
      </section>
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
