// The county drawn with MapLibre on a blank style: no tiles, no glyphs, no sprites, no attribution requests — nothing
// leaves the app's origin. Its worker script is bundled by Vite and served by the app (setWorkerUrl). Text needs glyphs,
// so names are HTML (markers, popups, the legend) rather than symbol layers. The hub and stations are HTML markers
// (buttons: focusable, labelled); villages and village points are circle layers.
import {
  Map as MapLibreMap,
  NavigationControl,
  Popup,
  prewarm,
  setWorkerUrl,
  type ExpressionSpecification,
  type MapLayerMouseEvent,
  type StyleSpecification,
} from "maplibre-gl";
import workerUrl from "maplibre-gl/dist/maplibre-gl-worker.mjs?url";
import "maplibre-gl/dist/maplibre-gl.css";
import { useEffect, useRef, useState } from "react";
import type { TMapData } from "../dashboard-api.ts";
import {
  asFeatureCollection,
  boundsOf,
  laneFeatures,
  loadFeatures,
  nodeFeatures,
  nodePositions,
  villageFeatures,
  type TVillageProps,
} from "./map-data.ts";
import { nodeMarkers, redMarkers } from "./map-markers.ts";
import { MAP_COLORS, type TLayerKey, type TLayerState } from "./map-style.ts";

setWorkerUrl(workerUrl);
// The worker (its own 800 kB script) starts loading with this chunk, while the map's data is still on its way, rather
// than once the map has its first source; kept for the next visit of a map page.
prewarm();

const BLANK_STYLE: StyleSpecification = {
  version: 8,
  sources: {},
  layers: [{ id: "bg", type: "background", paint: { "background-color": MAP_COLORS.background } }],
};

/** The map layers each toggle shows or hides (the HTML markers follow the container's classes). */
const LAYER_IDS: Record<TLayerKey, string[]> = {
  boundary: ["boundary-fill", "boundary-line"],
  villages: ["villages"],
  lanes: ["lanes-trunk", "lanes-milk", "lanes-other"],
  loadsToday: ["loads-today"],
  nodes: ["points"],
  // HTML markers only (hidden by the wrapper's class).
  red: [],
};

const SOURCES = ["boundary", "lanes", "loads", "villages", "points"] as const;

const FIT = { padding: 28, animate: false, maxZoom: 12 } as const;
/** Where the map looks before the county's data is in (the demo county's middle); nothing is drawn there but the
 * background. */
const DEFAULT_CENTER: [number, number] = [122.35, 40.4];

export interface TVillageText {
  title: string;
  lines: string[];
}

/** RED open parcels per node holding them (dashboard.lights' redAt). */
export interface TRedAt {
  nodeId: string;
  count: number;
}

interface Props {
  /** Undefined while the map's data is on its way: the map starts without it. */
  data: TMapData | undefined;
  red: readonly TRedAt[];
  redBadge: (node: string, count: number) => string;
  layers: TLayerState;
  label: string;
  onNode: (nodeId: string) => void;
  villageText: (v: TVillageProps) => TVillageText;
  loadsBadge: (count: number) => string;
  onFailure: () => void;
  /** The first complete frame is on the canvas. */
  onDrawn?: () => void;
}

const byState: ExpressionSpecification = [
  "match",
  ["get", "state"],
  "covered",
  MAP_COLORS.covered,
  "poorCovered",
  MAP_COLORS.covered,
  "poorUncovered",
  MAP_COLORS.poorUncovered,
  MAP_COLORS.uncovered,
];

function addLayers(map: MapLibreMap, data: TMapData): void {
  const positions = nodePositions(data.nodes);
  const boundary = asFeatureCollection(data.boundary);
  if (boundary) {
    map.addSource("boundary", { type: "geojson", data: boundary });
    map.addLayer({ id: "boundary-fill", type: "fill", source: "boundary", paint: { "fill-color": MAP_COLORS.land, "fill-opacity": 1 } });
    map.addLayer({ id: "boundary-line", type: "line", source: "boundary", paint: { "line-color": MAP_COLORS.boundary, "line-width": 2 } });
  }
  map.addSource("lanes", { type: "geojson", data: laneFeatures(data.lanes, positions) });
  map.addLayer({
    id: "lanes-trunk",
    type: "line",
    source: "lanes",
    filter: ["==", ["get", "mode"], "TRUNK"],
    paint: { "line-color": MAP_COLORS.trunk, "line-width": 2.2, "line-opacity": 0.85 },
  });
  map.addLayer({
    id: "lanes-milk",
    type: "line",
    source: "lanes",
    filter: ["==", ["get", "mode"], "MILK_RUN"],
    paint: { "line-color": MAP_COLORS.milkRun, "line-width": 1.2, "line-dasharray": [3, 2], "line-opacity": 0.8 },
  });
  map.addLayer({
    id: "lanes-other",
    type: "line",
    source: "lanes",
    filter: ["!", ["in", ["get", "mode"], ["literal", ["TRUNK", "MILK_RUN"]]]],
    paint: { "line-color": MAP_COLORS.otherLane, "line-width": 1.4, "line-dasharray": [1, 2] },
  });
  map.addSource("loads", { type: "geojson", data: loadFeatures(data.loadsToday, data.lanes, positions) });
  map.addLayer({
    id: "loads-today",
    type: "line",
    source: "loads",
    layout: { "line-cap": "round" },
    paint: { "line-color": MAP_COLORS.load, "line-width": ["get", "width"], "line-opacity": 0.55 },
  });
  map.addSource("villages", { type: "geojson", data: villageFeatures(data.villages) });
  // Surveyed positions are filled dots; synthetic ones hollow rings, so nobody reads them as a real location.
  map.addLayer({
    id: "villages",
    type: "circle",
    source: "villages",
    paint: {
      "circle-radius": ["interpolate", ["linear"], ["zoom"], 8, ["case", ["get", "poor"], 5, 4], 12, ["case", ["get", "poor"], 9, 7]],
      "circle-color": byState,
      "circle-opacity": ["case", ["get", "synthetic"], 0.12, 0.85],
      "circle-stroke-color": [
        "case",
        ["==", ["get", "state"], "poorCovered"],
        MAP_COLORS.poorUncovered,
        ["get", "synthetic"],
        byState,
        "#ffffff",
      ],
      "circle-stroke-width": ["case", ["get", "poor"], 2, ["get", "synthetic"], 1.5, 1],
    },
  });
  const points = nodeFeatures(data.nodes.filter((n) => n.tier === "VILLAGE_POINT"));
  map.addSource("points", { type: "geojson", data: points });
  map.addLayer({
    id: "points",
    type: "circle",
    source: "points",
    paint: {
      "circle-radius": ["interpolate", ["linear"], ["zoom"], 8, 2.5, 12, 4.5],
      "circle-color": [
        "case",
        ["!=", ["get", "status"], "ACTIVE"],
        MAP_COLORS.suspended,
        ["get", "synthetic"],
        "#ffffff",
        MAP_COLORS.point,
      ],
      "circle-stroke-color": ["case", ["!=", ["get", "status"], "ACTIVE"], MAP_COLORS.suspended, MAP_COLORS.point],
      "circle-stroke-width": 1.2,
    },
  });
}

export function MaplibreView({ data, red, redBadge, layers, label, onNode, villageText, loadsBadge, onFailure, onDrawn }: Props) {
  const boxRef = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const [styled, setStyled] = useState(false);
  const [drawnData, setDrawnData] = useState<TMapData | null>(null);
  // Callbacks change with the language; the map is built once and reads the latest ones.
  const latest = useRef({ onNode, villageText, loadsBadge, onFailure, onDrawn, layers });
  useEffect(() => {
    latest.current = { onNode, villageText, loadsBadge, onFailure, onDrawn, layers };
  });

  // The map itself is made at once, before its data is in: WebGL's start and the first frames (slow where WebGL is
  // drawn in software) overlap the data's download.
  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    let created: MapLibreMap;
    try {
      created = new MapLibreMap({
        container: box,
        style: BLANK_STYLE,
        center: DEFAULT_CENTER,
        zoom: 8,
        attributionControl: false,
        dragRotate: false,
        pitchWithRotate: false,
        touchPitch: false,
        maxPitch: 0,
        renderWorldCopies: false,
        // Keeps the drawn frame so the canvas prints (and can be captured).
        canvasContextAttributes: { preserveDrawingBuffer: true, antialias: true },
      });
    } catch {
      latest.current.onFailure();
      return;
    }
    created.addControl(new NavigationControl({ showCompass: false }), "top-right");
    created.touchZoomRotate.disableRotation();
    created.on("load", () => setStyled(true));
    const popup = new Popup({ closeButton: true, closeOnClick: true, maxWidth: "240px" });
    created.on("click", "points", (e: MapLayerMouseEvent) => {
      const id: unknown = e.features?.[0]?.properties.id;
      if (typeof id === "string") latest.current.onNode(id);
    });
    created.on("click", "villages", (e: MapLayerMouseEvent) => {
      const f = e.features?.[0];
      // A village point sits on its village: the point's click wins.
      if (!f || created.queryRenderedFeatures(e.point, { layers: ["points"] }).length > 0) return;
      const p = f.properties as TVillageProps;
      const text = latest.current.villageText(p);
      const body = document.createElement("div");
      body.className = "map-popup";
      const title = document.createElement("strong");
      title.textContent = text.title;
      body.append(title);
      for (const line of text.lines) {
        const div = document.createElement("div");
        div.textContent = line;
        body.append(div);
      }
      popup.setLngLat(e.lngLat).setDOMContent(body).addTo(created);
    });
    for (const layer of ["points", "villages"]) {
      created.on("mouseenter", layer, () => (created.getCanvas().style.cursor = "pointer"));
      created.on("mouseleave", layer, () => (created.getCanvas().style.cursor = ""));
    }
    const observer = new ResizeObserver(() => created.resize());
    observer.observe(box);
    setMap(created);
    return () => {
      observer.disconnect();
      popup.remove();
      created.remove();
      setMap(null);
      setStyled(false);
    };
  }, []);

  // The county's layers and markers, once both the map and the data are in (again for new data).
  useEffect(() => {
    const box = boxRef.current;
    if (!map || !styled || !data || !box) return;
    const bounds = boundsOf(asFeatureCollection(data.boundary), [...data.nodes, ...data.villages]);
    if (bounds) map.fitBounds(bounds, FIT);
    addLayers(map, data);
    const markers = nodeMarkers(
      map,
      data,
      (id) => latest.current.onNode(id),
      (n) => latest.current.loadsBadge(n),
    );
    applyLayers(map, latest.current.layers);
    box.dataset.ready = "true";
    setDrawnData(data);
    // Drawn: everything added is on the canvas, nothing left to load or animate (tests and screenshots wait for it).
    const drawn = () => {
      box.dataset.drawn = "true";
      latest.current.onDrawn?.();
    };
    map.once("idle", drawn);
    // Print lays the page out anew: fit and draw at the printed size before the snapshot (redraw is synchronous).
    const refit = () => {
      map.resize();
      if (bounds) map.fitBounds(bounds, FIT);
      map.redraw();
    };
    window.addEventListener("beforeprint", refit);
    window.addEventListener("afterprint", refit);
    return () => {
      window.removeEventListener("beforeprint", refit);
      window.removeEventListener("afterprint", refit);
      map.off("idle", drawn);
      for (const m of markers) m.remove();
      removeLayers(map);
      setDrawnData(null);
      delete box.dataset.ready;
      delete box.dataset.drawn;
    };
  }, [map, styled, data]);

  useEffect(() => {
    if (map && styled) applyLayers(map, layers);
  }, [map, styled, layers]);

  // Where the RED parcels are: one marker per node holding any, with their count (live: follows the lights query).
  useEffect(() => {
    if (!map || !drawnData) return;
    const markers = redMarkers(map, drawnData, red, (id) => latest.current.onNode(id), redBadge);
    return () => {
      for (const m of markers) m.remove();
    };
  }, [map, drawnData, red, redBadge]);

  const hidden = (Object.keys(layers) as TLayerKey[]).filter((k) => !layers[k]).map((k) => `hide-${k}`);
  // The toggles' classes sit on a wrapper: MapLibre owns the classes of the element it draws in.
  return (
    <div className={`dash-map-layers ${hidden.join(" ")}`}>
      <div
        ref={boxRef}
        className="dash-map-canvas"
        role="region"
        aria-label={label}
        aria-busy={drawnData ? undefined : true}
        data-testid="dash-map-canvas"
      />
      {drawnData ? null : <span className="spinner map-waiting" aria-hidden="true" />}
    </div>
  );
}

function applyLayers(map: MapLibreMap, layers: TLayerState): void {
  for (const key of Object.keys(LAYER_IDS) as TLayerKey[]) {
    for (const id of LAYER_IDS[key]) if (map.getLayer(id)) map.setLayoutProperty(id, "visibility", layers[key] ? "visible" : "none");
  }
}

/** Takes the county's layers and sources off (new data is drawn from scratch on the same map). */
function removeLayers(map: MapLibreMap): void {
  for (const ids of Object.values(LAYER_IDS)) for (const id of ids) if (map.getLayer(id)) map.removeLayer(id);
  for (const source of SOURCES) if (map.getSource(source)) map.removeSource(source);
}
