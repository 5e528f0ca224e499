// 专柜: the county's poverty-alleviation counters (venue, place, delivery node, operators), and a side panel to create or
// edit one and choose who runs it (COUNTER_OPERATOR accounts of the county, created by ADMIN on the users page).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { DataState } from "../../../components/data-state.tsx";
import { editColumn, type TDataColumn } from "../../../components/data-table.tsx";
import { ListCard } from "../../../components/list-card.tsx";
import { SidePanel } from "../../../components/side-panel.tsx";
import type { TNode, TTree } from "../../../lib/network-api.ts";
import { useTRPC } from "../../../lib/trpc.ts";
import { CatalogFilters, NewButton, useCatalogFilters, usePanel } from "../../../components/counters/catalog-list.tsx";
import type { TCounter } from "../../../components/counters/counters-api.ts";
import { CountyScope } from "../county-scope.tsx";
import { ErrorSummary } from "../../../components/form/error-summary.tsx";
import { Check } from "../../../components/form/index.ts";
import { CounterForm } from "./counter-form.tsx";
import { useT } from "../../../i18n/use-t.ts";
import { CATALOG_ENUMS } from "../../../components/counters/catalog-enums.ts";

export function CountersPage() {
  return <CountyScope>{(countyCode) => <Counters countyCode={countyCode} />}</CountyScope>;
}

function Counters({ countyCode }: { countyCode: string }) {
  const t = useT("common");
  const tp = useT("countyCounters");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const filters = useCatalogFilters();
  const tc = useT("counters");
  const { panel, open, keep, close } = usePanel<TCounter>();
  const list = useQuery(
    trpc.catalog.counters.list.queryOptions(
      { countyCode, includeInactive: filters.input.includeInactive },
      { placeholderData: keepPreviousData },
    ),
  );
  const tree = useQuery(trpc.network.tree.queryOptions({ countyCode }));
  const nodes = useQuery(trpc.network.nodes.list.queryOptions({ countyCode }));
  const ready = tree.data && nodes.data ? { tree: tree.data, nodes: nodes.data } : null;
  const columns: TDataColumn<TCounter>[] = [
    { key: "code", header: tp("counters.code"), className: "mono", cell: (c) => c.code },
    {
      key: "name",
      header: tp("counters.name"),
      cell: (c) => (
        <>
          <strong>{c.name}</strong>
          {!c.active ? <span className="status-pill status-muted">{t("common.inactive")}</span> : null}
          <div className="muted small">{c.operatorName}</div>
        </>
      ),
    },
    { key: "venueType", header: tp("counters.venueType"), cell: (c) => CATALOG_ENUMS.venueType.label(c.venueType) },
    { key: "place", header: tp("counters.place"), cell: (c) => c.areaName ?? c.city ?? tc("counters.online") },
    {
      key: "node",
      header: tp("counters.node"),
      cell: (c) => (
        <>
          {c.node.name} <span className="muted small mono">{c.node.code}</span>
        </>
      ),
    },
    {
      key: "operators",
      header: tp("counters.operators"),
      cell: (c) => (c.operators.length ? c.operators.map((o) => o.displayName).join("、") : <span className="muted">—</span>),
    },
    editColumn({
      header: t("common.actions"),
      label: t("common.edit"),
      testId: "counter-edit",
      onEdit: open,
      disabled: !ready,
    }),
  ];
  const onSaved = (c: TCounter) => {
    keep(c);
    void queryClient.invalidateQueries(trpc.catalog.counters.pathFilter());
  };

  return (
    <>
      <ListCard
        title={tp("counters.title")}
        actions={<NewButton label={tp("counters.new")} disabled={!ready} onClick={() => open(null)} testId="counter-new" />}
        filters={<CatalogFilters filters={filters} prefix="counter" inactiveLabel={tp("counters.showInactive")} />}
        query={list}
        rows={(rows) => rows}
        table={{
          columns,
          rowKey: (c) => c.id,
          rowProps: (c) => ({ "data-testid": "counter-row", "data-code": c.code, "data-id": c.id }),
          testId: "counters-table",
        }}
      />
      {panel && ready ? (
        <SidePanel
          title={panel.of ? tp("counters.editTitle", { name: panel.of.name }) : tp("counters.new")}
          onClose={close}
          testId="counter-panel"
        >
          <CounterPanelBody key={panel.key} countyCode={countyCode} counter={panel.of} {...ready} onSaved={onSaved} />
        </SidePanel>
      ) : null}
    </>
  );
}

function CounterPanelBody(props: {
  countyCode: string;
  counter: TCounter | null;
  tree: TTree;
  nodes: readonly TNode[];
  onSaved: (c: TCounter) => void;
}) {
  return (
    <>
      <CounterForm {...props} />
      {props.counter ? <OperatorsForm countyCode={props.countyCode} counter={props.counter} onSaved={props.onSaved} /> : null}
    </>
  );
}

function OperatorsForm({ countyCode, counter, onSaved }: { countyCode: string; counter: TCounter; onSaved: (c: TCounter) => void }) {
  const t = useT("common");
  const tp = useT("countyCounters");
  const trpc = useTRPC();
  const users = useQuery(trpc.users.list.queryOptions({ countyCode }));
  const [picked, setPicked] = useState<string[]>(() => counter.operators.map((o) => o.id));
  const save = useMutation(trpc.catalog.counters.setOperators.mutationOptions({ onSuccess: onSaved }));
  const toggle = (id: string, on: boolean) => setPicked((p) => (on ? [...p, id] : p.filter((x) => x !== id)));

  return (
    <section className="form form-section" data-testid="counter-operators">
      <h3 className="subheading">{tp("counters.operators")}</h3>
      <p className="muted small">{tp("counters.operatorsHint")}</p>
      <DataState query={users}>
        {(all) => {
          const operators = all.filter((u) => u.role === "COUNTER_OPERATOR");
          return operators.length === 0 ? (
            <p className="muted">{tp("counters.noOperators")}</p>
          ) : (
            <div className="check-group check-group-plain">
              {operators.map((u) => (
                <Check
                  key={u.id}
                  id={`counter-op-${u.id}`}
                  label={`${u.displayName}（${u.username}）${u.active ? "" : ` · ${t("common.inactive")}`}`}
                  checked={picked.includes(u.id)}
                  onChange={(on) => toggle(u.id, on)}
                  testId="counter-operator"
                />
              ))}
            </div>
          );
        }}
      </DataState>
      <ErrorSummary error={save.error} fields={[]} testId="counter-operators-error" />
      {save.isSuccess ? <div className="alert alert-success">{t("common.saved")}</div> : null}
      <div className="form-actions">
        <button
          type="button"
          className="btn"
          disabled={save.isPending}
          onClick={() => save.mutate({ countyCode, counterId: counter.id, userIds: picked })}
          data-testid="counter-operators-save"
        >
          {save.isPending ? t("common.saving") : tp("counters.saveOperators")}
        </button>
      </div>
    </section>
  );
}
