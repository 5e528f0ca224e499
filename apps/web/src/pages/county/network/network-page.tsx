// 网络: coverage figures, uncovered villages and the county → township → village tree.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useDeferredValue, useMemo, useState } from "react";
import { DataState } from "../../../components/data-state.tsx";
import { StatCard } from "../../../components/stat-card.tsx";
import { readApiError } from "../../../lib/api-error.ts";
import { type TCoverage, type TTree } from "../../../lib/network-api.ts";
import { useTRPC } from "../../../lib/trpc.ts";
import { CountyScope } from "../county-scope.tsx";
import { CoverageBar, StatusPill } from "./network-bits.tsx";
import { filterTree, percent } from "./network-format.ts";
import { TownshipRow } from "./township-row.tsx";
import { useT } from "../../../i18n/use-t.ts";
import { TitledCard } from "../../../components/titled-card.tsx";
import { ENUMS } from "../../../components/form/enums.ts";

/** How many uncovered villages to list before "… and N more". */
const UNCOVERED_SHOWN = 300;

export function NetworkPage() {
  return <CountyScope>{(countyCode) => <NetworkView countyCode={countyCode} />}</CountyScope>;
}

function NetworkView({ countyCode }: { countyCode: string }) {
  const trpc = useTRPC();
  const coverage = useQuery(trpc.network.coverage.queryOptions({ countyCode }));
  const tree = useQuery(trpc.network.tree.queryOptions({ countyCode }));
  return (
    <>
      <DataState query={coverage}>{(data) => <CoverageCard coverage={data} />}</DataState>
      <DataState query={tree}>{(data) => <TreeCard countyCode={countyCode} tree={data} coverage={coverage.data} />}</DataState>
    </>
  );
}

function CoverageCard({ coverage }: { coverage: TCoverage }) {
  const t = useT("network");
  const [showUncovered, setShowUncovered] = useState(false);
  const uncovered = coverage.uncovered;
  return (
    <TitledCard id="coverage-title" title={t("network.coverageTitle")}>
      <div className="coverage-hero">
        <div>
          <div className="coverage-rate" data-testid="coverage-rate">
            {percent(coverage.coverageRate)}
          </div>
          <div className="muted small">{t("network.coverageRate")}</div>
        </div>
        <div className="coverage-hero-bar">
          <CoverageBar covered={coverage.villageUnitsCovered} total={coverage.villageUnits} />
          <span className="muted small">
            {t("network.coveredOf", { covered: coverage.villageUnitsCovered, total: coverage.villageUnits })}
          </span>
        </div>
      </div>
      <div className="stat-grid stat-grid-6">
        <StatCard label={t("network.townships")} value={coverage.townships} testId="cov-townships" />
        <StatCard label={t("network.townshipsWithStation")} value={coverage.townshipsWithStation} testId="cov-stations" />
        <StatCard label={t("network.villageUnits")} value={coverage.villageUnits} testId="cov-villages" />
        <StatCard label={t("network.villageUnitsCovered")} value={coverage.villageUnitsCovered} testId="cov-covered" />
        <StatCard label={t("network.poorVillages")} value={coverage.poorVillages} testId="cov-poor" />
        <StatCard label={t("network.poorVillagesCovered")} value={coverage.poorVillagesCovered} testId="cov-poor-covered" />
      </div>
      <details className="uncovered" onToggle={(e) => setShowUncovered(e.currentTarget.open)} data-testid="uncovered">
        <summary>{t("network.uncoveredTitle", { count: uncovered.length })}</summary>
        {showUncovered ? (
          uncovered.length === 0 ? (
            <p className="muted">{t("network.allCovered")}</p>
          ) : (
            <>
              <ul className="chip-list">
                {uncovered.slice(0, UNCOVERED_SHOWN).map((v) => (
                  <li key={v.code} className={`chip${v.isPoor ? " chip-poor" : ""}`} title={v.code}>
                    {v.name}
                    <span className="muted"> · {v.townshipName}</span>
                    {v.isPoor ? <span className="poor-tag">{t("network.poor")}</span> : null}
                  </li>
                ))}
              </ul>
              {uncovered.length > UNCOVERED_SHOWN ? (
                <p className="muted small">{t("network.andMore", { count: uncovered.length - UNCOVERED_SHOWN })}</p>
              ) : null}
            </>
          )
        ) : null}
      </details>
    </TitledCard>
  );
}

interface TreeCardProps {
  countyCode: string;
  tree: TTree;
  coverage: TCoverage | undefined;
}

function TreeCard({ countyCode, tree, coverage }: TreeCardProps) {
  const t = useT("network");
  const te = useT("enums");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState("");
  const query = useDeferredValue(search);
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set());
  const [pendingPoor, setPendingPoor] = useState<ReadonlySet<string>>(() => new Set());

  const matches = useMemo(() => filterTree(tree.townships, query), [tree.townships, query]);
  const byTownship = useMemo(() => new Map((coverage?.byTownship ?? []).map((row) => [row.code, row])), [coverage]);
  const searching = query.trim() !== "";

  const treeKey = trpc.network.tree.queryKey({ countyCode });
  const setPoor = useMutation(
    trpc.network.areas.setPoor.mutationOptions({
      onMutate: async ({ codes, isPoor }) => {
        setPendingPoor((s) => new Set([...s, ...codes]));
        // Flip the flag at once; the refetch after the call brings the server's truth.
        await queryClient.cancelQueries({ queryKey: treeKey });
        const before = queryClient.getQueryData<TTree>(treeKey);
        const wanted = new Set(codes);
        queryClient.setQueryData<TTree>(treeKey, (old) =>
          old
            ? {
                ...old,
                townships: old.townships.map((tw) =>
                  tw.villages.some((v) => wanted.has(v.code))
                    ? { ...tw, villages: tw.villages.map((v) => (wanted.has(v.code) ? { ...v, isPoor } : v)) }
                    : tw,
                ),
              }
            : old,
        );
        return { before };
      },
      onError: (_err, _vars, context) => {
        if (context?.before) queryClient.setQueryData(treeKey, context.before);
      },
      onSettled: async (_data, _err, { codes }) => {
        setPendingPoor((s) => new Set([...s].filter((c) => !codes.includes(c))));
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: treeKey }),
          queryClient.invalidateQueries({ queryKey: trpc.network.coverage.queryKey({ countyCode }) }),
        ]);
      },
    }),
  );

  const { mutate: mutatePoor } = setPoor;
  const onSetPoor = useCallback(
    (code: string, isPoor: boolean) => mutatePoor({ countyCode, codes: [code], isPoor }),
    [mutatePoor, countyCode],
  );
  const toggle = useCallback(
    (code: string) =>
      setOpen((s) => {
        const next = new Set(s);
        if (next.has(code)) next.delete(code);
        else next.add(code);
        return next;
      }),
    [],
  );

  return (
    <TitledCard id="tree-title" title={t("network.treeTitle")}>
      <div className="filters">
        <input
          type="search"
          className="filter-search"
          placeholder={t("network.searchPlaceholder")}
          aria-label={t("network.searchPlaceholder")}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          data-testid="network-search"
        />
        <button
          type="button"
          className="btn btn-small"
          onClick={() => setOpen(new Set(matches.map((m) => m.township.code)))}
          data-testid="network-expand-all"
        >
          {t("network.expandAll")}
        </button>
        <button type="button" className="btn btn-small" onClick={() => setOpen(new Set())} data-testid="network-collapse-all">
          {t("network.collapseAll")}
        </button>
      </div>
      {setPoor.error ? (
        <div className="alert alert-error" role="alert" data-testid="poor-error">
          {t("network.poorFailed", { message: readApiError(setPoor.error).message })}
        </div>
      ) : null}
      <div className="county-root">
        <div className="county-root-name">
          <strong>{tree.county.name}</strong> <code className="muted">{tree.county.code}</code>
        </div>
        <div className="county-root-hubs">
          <span className="muted small">{te("tiers.COUNTY_HUB")}：</span>
          {tree.hubs.length === 0 ? (
            <span className="warn-text">{t("network.noHub")}</span>
          ) : (
            tree.hubs.map((hub) => (
              <span key={hub.id} className="node-tag">
                {hub.name} <code className="muted">{hub.code}</code>{" "}
                <StatusPill status={hub.status} label={ENUMS.nodeStatus.label(hub.status)} />
              </span>
            ))
          )}
        </div>
      </div>
      {matches.length === 0 ? (
        <p className="muted" data-testid="network-no-match">
          {t("network.noMatch")}
        </p>
      ) : null}
      <ul className="tree" data-testid="network-tree">
        {matches.map((m) => (
          <TownshipRow
            key={m.township.code}
            township={m.township}
            villages={m.villages}
            stats={byTownship.get(m.township.code)}
            open={open.has(m.township.code) || (searching && m.villageHit)}
            filtered={searching && m.villages.length !== m.township.villages.length}
            onToggle={toggle}
            pendingPoor={pendingPoor}
            onSetPoor={onSetPoor}
          />
        ))}
      </ul>
    </TitledCard>
  );
}
