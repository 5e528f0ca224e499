// The map's legend (HTML and SVG: a blank style has no glyphs for text on the map), printed with it.
import { MAP_COLORS } from "./map-style.ts";
import { useT } from "../../../../i18n/use-t.ts";

type TSwatch =
  | { kind: "dot"; fill: string; stroke: string; width?: number }
  | { kind: "line"; color: string; dash?: string; width?: number }
  | { kind: "node"; css: string };

function Swatch({ s }: { s: TSwatch }) {
  if (s.kind === "node") return <span className={`legend-node ${s.css}`} aria-hidden="true" />;
  return (
    <svg width="22" height="14" viewBox="0 0 22 14" aria-hidden="true">
      {s.kind === "dot" ? (
        <circle cx="11" cy="7" r="5" fill={s.fill} stroke={s.stroke} strokeWidth={s.width ?? 1.5} />
      ) : (
        <line x1="1" y1="7" x2="21" y2="7" stroke={s.color} strokeWidth={s.width ?? 2} strokeDasharray={s.dash} strokeLinecap="round" />
      )}
    </svg>
  );
}

export function MapLegend({ unplaced, datum }: { unplaced: number; datum: string }) {
  const t = useT("dashboard");
  const items: Array<{ key: string; label: string; swatch: TSwatch }> = [
    { key: "hub", label: t("map.legendItems.hub"), swatch: { kind: "node", css: "map-node-hub" } },
    { key: "station", label: t("map.legendItems.station"), swatch: { kind: "node", css: "map-node-station" } },
    {
      key: "point",
      label: t("map.legendItems.point"),
      swatch: { kind: "dot", fill: MAP_COLORS.point, stroke: MAP_COLORS.point, width: 1 },
    },
    { key: "covered", label: t("map.legendItems.covered"), swatch: { kind: "dot", fill: MAP_COLORS.covered, stroke: "#fff" } },
    { key: "uncovered", label: t("map.legendItems.uncovered"), swatch: { kind: "dot", fill: MAP_COLORS.uncovered, stroke: "#fff" } },
    {
      key: "poorUncovered",
      label: t("map.legendItems.poorUncovered"),
      swatch: { kind: "dot", fill: MAP_COLORS.poorUncovered, stroke: MAP_COLORS.poorUncovered, width: 2 },
    },
    {
      key: "poorCovered",
      label: t("map.legendItems.poorCovered"),
      swatch: { kind: "dot", fill: MAP_COLORS.covered, stroke: MAP_COLORS.poorUncovered, width: 2 },
    },
    {
      key: "synthetic",
      label: t("map.legendItems.synthetic"),
      swatch: { kind: "dot", fill: "rgba(154,167,180,0.12)", stroke: MAP_COLORS.uncovered },
    },
    {
      key: "suspended",
      label: t("map.legendItems.suspended"),
      swatch: { kind: "dot", fill: MAP_COLORS.suspended, stroke: MAP_COLORS.suspended },
    },
    { key: "trunk", label: t("map.legendItems.trunk"), swatch: { kind: "line", color: MAP_COLORS.trunk } },
    { key: "milkRun", label: t("map.legendItems.milkRun"), swatch: { kind: "line", color: MAP_COLORS.milkRun, dash: "4 3", width: 1.5 } },
    { key: "otherLane", label: t("map.legendItems.otherLane"), swatch: { kind: "line", color: MAP_COLORS.otherLane, dash: "1 3" } },
    { key: "load", label: t("map.legendItems.loadToday"), swatch: { kind: "line", color: MAP_COLORS.load, width: 5 } },
    { key: "red", label: t("map.legendItems.red"), swatch: { kind: "node", css: "legend-red" } },
  ];
  return (
    <div className="map-legend" role="group" aria-label={t("map.legend")} data-testid="map-legend">
      <ul>
        {items.map((i) => (
          <li key={i.key} data-key={i.key}>
            <Swatch s={i.swatch} />
            <span>{i.label}</span>
          </li>
        ))}
      </ul>
      <p className="muted small">
        {t("map.datum", { datum })}
        {unplaced > 0 ? ` · ${t("map.noPosition", { count: unplaced })}` : ""}
      </p>
    </div>
  );
}
