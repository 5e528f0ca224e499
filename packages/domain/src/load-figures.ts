// The figures of a load's report (Load.report, flattened "a.b") that people read, with their labels in both
// languages: the manifest PDF (server side) uses these labels; the web app has the same keys in its "loads"
// namespace (figures.*, a dot as "_"). Other keys of the report (solver.cost, demo, rolledReasons …) are internal and
// never shown.
export const LOAD_FIGURE_LABELS = {
  vehicles: { zh: "车辆数", en: "Vehicles" },
  freeVehicles: { zh: "可用车辆", en: "Free vehicles" },
  parcels: { zh: "件数", en: "Parcels" },
  rolled: { zh: "滚动件数", en: "Rolled parcels" },
  weightKg: { zh: "重量 (kg)", en: "Weight (kg)" },
  weightG: { zh: "重量 (g)", en: "Weight (g)" },
  fillWeight: { zh: "载重率", en: "Fill (weight)" },
  fillVolume: { zh: "容积率", en: "Fill (volume)" },
  plannedKm: { zh: "计划里程 (km)", en: "Planned distance (km)" },
  plannedMinutes: { zh: "计划时长 (分钟)", en: "Planned time (min)" },
  emptyKm: { zh: "空驶里程 (km)", en: "Empty running (km)" },
  emptyRunningRate: { zh: "空驶率", en: "Empty running rate" },
  parcelsPerVehicleKm: { zh: "每车公里件数", en: "Parcels per vehicle-km" },
  "baseline.trips": { zh: "分送基准车次", en: "Baseline trips" },
  "baseline.km": { zh: "分送基准里程 (km)", en: "Baseline distance (km)" },
  tripsSaved: { zh: "节省车次", en: "Trips saved" },
  kmSaved: { zh: "节省里程 (km)", en: "Distance saved (km)" },
  savedKm: { zh: "节省里程 (km)", en: "Distance saved (km)" },
} as const;

export type TLoadFigureKey = keyof typeof LOAD_FIGURE_LABELS;

export function isShownLoadFigure(key: string): key is TLoadFigureKey {
  return Object.prototype.hasOwnProperty.call(LOAD_FIGURE_LABELS, key);
}
