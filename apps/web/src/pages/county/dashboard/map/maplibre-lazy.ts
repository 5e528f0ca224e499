// MapLibre (about 1 MB) in a chunk of its own: the indicators do not wait for it. The county home starts its download
// as soon as it knows its county, so it overlaps the dashboard's own chunk and data.
import { preloadableExport } from "../../../../lib/preloadable.ts";

export const MaplibreView = preloadableExport(() => import("./maplibre-view.tsx"), "MaplibreView");
