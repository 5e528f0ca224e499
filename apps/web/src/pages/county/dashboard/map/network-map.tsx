// 网络地图: the county's network on a map with layer toggles and a legend, a keyboard-friendly node list beside it,
// and a node's details in the side panel. Not bound to the date filter.
import { useQuery } from "@tanstack/react-query";
import { Suspense, useCallback, useEffect, useMemo, useState } from "react";
import { DataState } from "../../../../components/data-state.tsx";
import { useAfterMap } from "../charts/after-map.tsx";
import { OWN_REQUEST, useTRPC } from "../../../../lib/trpc.ts";
import { MAP_STALE_MS } from "../dashboard-filter.ts";
import type { TMapData, TMapNode } from "../dashboard-api.ts";
import { useDashboard } from "../dashboard-context.ts";
import { useLabels } from "../parts/labels.ts";
import { Section } from "../parts/section.tsx";
import type { TVillageProps } from "./map-data.ts";
import { useLights } from "../sections/lights-section.tsx";
import { MapLegend } from "./map-legend.tsx";
import { MaplibreView } from "./maplibre-lazy.ts";
import type { TRedAt } from "./maplibre-view.tsx";
import { DEFAULT_LAYERS, LAYER_KEYS, type TLayerState } from "./map-style.ts";
import { NodePanel } from "./node-panel.tsx";
import { useT } from "../../../../i18n/use-t.ts";

const NO_RED: readonly TRedAt[] = [];

export function NetworkMap() {
  const t = useT("dashboard");
  const trpc = useTRPC();
  const { countyCode } = useDashboard();
  const map = useQuery(trpc.dashboard.map.queryOptions({ countyCode }, { staleTime: MAP_STALE_MS, ...OWN_REQUEST }));
  useEffect(() => {
    void MaplibreView.preload();
  }, []);
  return (
    <Section title={t("map.title")} note={`${t("map.lead")} ${t("notDateBound")}`} testId="dash-map" className="dash-map-card">
      {/* The map starts while its data is on its way (see MaplibreView); a failed query shows its error instead. */}
      {map.isError ? <DataState query={map}>{() => null}</DataState> : <MapBody data={map.data} />}
    </Section>
  );
}

function MapBody({ data }: { data: TMapData | undefined }) {
  const t = useT("dashboard");
  const labels = useLabels();
  const [layers, setLayers] = useState<TLayerState>(DEFAULT_LAYERS);
  const [openNode, setOpenNode] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const nodeById = useMemo(() => new Map(data?.nodes.map((n) => [n.id, n])), [data]);

  const villageText = useCallback(
    (v: TVillageProps) => ({
      title: v.name,
      lines: [
        v.state === "covered" || v.state === "poorCovered" ? t("map.villageState.covered") : t("map.villageState.uncovered"),
        ...(v.poor ? [t("map.poor")] : []),
        ...(v.synthetic ? [t("map.synthetic")] : []),
      ],
    }),
    [t],
  );
  const loadsBadge = useCallback((count: number) => t("map.loadsBadge", { count }), [t]);
  const redBadge = useCallback((node: string, count: number) => t("map.redBadge", { node, count }), [t]);
  const red = useLights().data?.redAt ?? NO_RED;
  const { settleMap } = useAfterMap();
  const onFailure = useCallback(() => {
    setFailed(true);
    settleMap();
  }, [settleMap]);

  return (
    <>
      <fieldset className="map-toggles no-print" data-testid="map-toggles">
        <legend>{t("map.layers")}</legend>
        {LAYER_KEYS.map((key) => (
          <label key={key} className="map-toggle">
            <input
              type="checkbox"
              checked={layers[key]}
              onChange={(e) => setLayers({ ...layers, [key]: e.target.checked })}
              data-testid={`map-layer-${key}`}
            />
            {t(`map.${key}`)}
          </label>
        ))}
      </fieldset>
      {data && !data.boundary ? <p className="muted small">{t("map.noBoundary")}</p> : null}
      <div className="dash-map-wrap">
        {failed ? (
          <div className="dash-map-canvas map-failed" role="alert" data-testid="map-failed">
            {t("map.noWebgl")}
          </div>
        ) : (
          <Suspense
            fallback={
              <div className="dash-map-canvas map-failed" role="status">
                <span className="spinner" aria-hidden="true" />
              </div>
            }
          >
            <MaplibreView
              data={data}
              red={red}
              redBadge={redBadge}
              layers={layers}
              label={data ? t("map.aria", { county: data.county.name }) : t("map.title")}
              onNode={setOpenNode}
              villageText={villageText}
              loadsBadge={loadsBadge}
              onFailure={onFailure}
              onDrawn={settleMap}
            />
          </Suspense>
        )}
        {data ? <MapLegend unplaced={countUnplaced(data)} datum={data.datum} /> : null}
      </div>
      {data ? <NodeList nodes={data.nodes} onOpen={setOpenNode} tierLabel={labels.tier} /> : null}
      {openNode ? (
        <NodePanel nodeId={openNode} fallbackName={nodeById.get(openNode)?.name ?? ""} onClose={() => setOpenNode(null)} />
      ) : null}
    </>
  );
}

function countUnplaced(data: TMapData): number {
  return data.villages.filter((v) => v.lng === null || v.lat === null).length;
}

const LIST_LIMIT = 40;

/** Every node reachable by keyboard and screen reader: search by name or code, open its details. */
function NodeList({
  nodes,
  onOpen,
  tierLabel,
}: {
  nodes: readonly TMapNode[];
  onOpen: (id: string) => void;
  tierLabel: (tier: string) => string;
}) {
  const t = useT("dashboard");
  const [query, setQuery] = useState("");
  const q = query.trim().toLowerCase();
  const matches = q ? nodes.filter((n) => n.name.toLowerCase().includes(q) || n.code.toLowerCase().includes(q)) : nodes;
  const shown = matches.slice(0, LIST_LIMIT);
  return (
    <details className="node-list no-print" data-testid="node-list">
      <summary>{t("map.nodeList")}</summary>
      <input
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder={t("map.nodeSearch")}
        aria-label={t("map.nodeSearch")}
        data-testid="node-search"
      />
      <p className="muted small" aria-live="polite">
        {t("map.nodeListHint", { count: matches.length, shown: shown.length })}
      </p>
      <ul>
        {shown.map((n) => (
          <li key={n.id}>
            <button
              type="button"
              className="btn btn-small btn-ghost"
              onClick={() => onOpen(n.id)}
              data-testid="node-list-item"
              data-code={n.code}
            >
              <span>{n.name}</span> <code className="mono muted small">{n.code}</code>{" "}
              <span className="muted small">{tierLabel(n.tier)}</span>
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
