// Colours and layer toggles shared by the map, its legend and the toggle bar.
export const MAP_COLORS = {
  background: "#eef3f6",
  land: "#fbfcf8",
  boundary: "#0a4f66",
  covered: "#2f9e62",
  uncovered: "#9aa7b4",
  poorUncovered: "#c23b2f",
  point: "#0a4f66",
  suspended: "#b0b8c1",
  trunk: "#0f6e8c",
  milkRun: "#2bb38a",
  otherLane: "#7a5cc2",
  load: "#e07b24",
  red: "#c62828",
} as const;

export const LAYER_KEYS = ["boundary", "villages", "nodes", "lanes", "loadsToday", "red"] as const;
export type TLayerKey = (typeof LAYER_KEYS)[number];
export type TLayerState = Record<TLayerKey, boolean>;

export const DEFAULT_LAYERS: TLayerState = { boundary: true, villages: true, nodes: true, lanes: true, loadsToday: true, red: true };
