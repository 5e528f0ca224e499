// The map's HTML markers: the hub and stations as focusable, labelled buttons (with today's loads as a badge), and the
// RED parcels' counts above the nodes holding them.
import { Marker, type Map as MapLibreMap } from "maplibre-gl";
import type { TMapData } from "../dashboard-api.ts";
import { loadsByNode, nodePositions } from "./map-data.ts";
import type { TRedAt } from "./maplibre-view.tsx";

export function nodeMarkers(map: MapLibreMap, data: TMapData, onNode: (id: string) => void, loadsBadge: (n: number) => string): Marker[] {
  const loads = loadsByNode(data.loadsToday);
  return data.nodes
    .filter((n) => n.tier !== "VILLAGE_POINT" && typeof n.lng === "number" && typeof n.lat === "number")
    .map((n) => {
      const el = document.createElement("button");
      el.type = "button";
      const kind = n.tier === "COUNTY_HUB" ? "hub" : "station";
      el.className = `map-node map-node-${kind}${n.synthetic ? " synthetic" : ""}${n.status !== "ACTIVE" ? " inactive" : ""}`;
      el.dataset.testid = "map-node";
      el.dataset.code = n.code;
      el.dataset.tier = n.tier;
      el.setAttribute("aria-label", n.name);
      el.title = `${n.name}（${n.code}）`;
      const glyph = document.createElement("span");
      glyph.className = "map-node-glyph";
      glyph.setAttribute("aria-hidden", "true");
      el.append(glyph);
      const count = loads.get(n.id) ?? 0;
      if (count > 0) {
        const badge = document.createElement("span");
        badge.className = "map-badge";
        badge.textContent = String(count);
        badge.title = loadsBadge(count);
        el.append(badge);
      }
      el.addEventListener("click", (event) => {
        event.stopPropagation();
        onNode(n.id);
      });
      return new Marker({ element: el, anchor: "center" }).setLngLat([n.lng as number, n.lat as number]).addTo(map);
    });
}

export function redMarkers(
  map: MapLibreMap,
  data: TMapData,
  red: readonly TRedAt[],
  onNode: (id: string) => void,
  label: (node: string, count: number) => string,
): Marker[] {
  const positions = nodePositions(data.nodes);
  const nodes = new Map(data.nodes.map((n) => [n.id, n]));
  const markers: Marker[] = [];
  for (const r of red) {
    const at = positions.get(r.nodeId);
    const node = nodes.get(r.nodeId);
    if (!at || !node || r.count <= 0) continue;
    const el = document.createElement("button");
    el.type = "button";
    el.className = "map-red";
    el.dataset.testid = "map-red";
    el.dataset.code = node.code;
    el.dataset.count = String(r.count);
    el.textContent = String(r.count);
    el.title = label(node.name, r.count);
    el.setAttribute("aria-label", el.title);
    el.addEventListener("click", (event) => {
      event.stopPropagation();
      onNode(node.id);
    });
    // Above the node's own marker, so both stay clickable.
    markers.push(new Marker({ element: el, anchor: "bottom", offset: [0, -8] }).setLngLat([at[0]!, at[1]!]).addTo(map));
  }
  return markers;
}
