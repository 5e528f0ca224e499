// One township of the network tree: station and coverage; open, its village-level units.
import { memo } from "react";
import { DataTable } from "../../../components/data-table.tsx";
import type { TCoverage, TTownship } from "../../../lib/network-api.ts";
import { AreaKind, CoverageBar, StatusPill } from "./network-bits.tsx";
import { townshipCoverage } from "./network-format.ts";
import { useT } from "../../../i18n/use-t.ts";
import { ENUMS } from "../../../components/form/enums.ts";

interface Props {
  township: TTownship;
  /** The villages to list (all, or the ones matching the search). */
  villages: TTownship["villages"];
  stats: TCoverage["byTownship"][number] | undefined;
  open: boolean;
  filtered: boolean;
  onToggle: (code: string) => void;
  pendingPoor: ReadonlySet<string>;
  onSetPoor: (code: string, isPoor: boolean) => void;
}

export const TownshipRow = memo(function TownshipRow({
  township,
  villages,
  stats,
  open,
  filtered,
  onToggle,
  pendingPoor,
  onSetPoor,
}: Props) {
  const t = useT("network");
  const tc = useT("common");
  const te = useT("enums");
  const counted = townshipCoverage(township.villages);
  const covered = stats?.villageUnitsCovered ?? counted.covered;
  const total = stats?.villageUnits ?? counted.total;
  const poor = stats?.poorVillages ?? counted.poor;
  const poorCovered = stats?.poorVillagesCovered ?? counted.poorCovered;
  const station = township.station;
  const panelId = `villages-${township.code}`;

  return (
    <li
      className={`township${open ? " open" : ""}`}
      data-testid="township-row"
      data-code={township.code}
      data-station={station?.code ?? ""}
    >
      <div className="township-head">
        <button
          type="button"
          className="township-toggle"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => onToggle(township.code)}
          data-testid="township-toggle"
        >
          <span className="chevron" aria-hidden="true">
            ▸
          </span>
          <span className="township-name">{township.name}</span>
          <span className="kind-tag">
            <AreaKind kind={township.kind} />
          </span>
        </button>
        <div className="township-station">
          {station ? (
            <>
              <span className="station-name">{station.name}</span> <code className="muted small">{station.code}</code>{" "}
              <StatusPill status={station.status} label={ENUMS.nodeStatus.label(station.status)} testId="station-status" />
            </>
          ) : (
            <span className="warn-text">{t("network.noStation")}</span>
          )}
        </div>
        <div className="township-coverage">
          <CoverageBar covered={covered} total={total} testId="township-coverage" />
          {poor > 0 ? (
            <span className="muted small nowrap">
              {t("network.poorShort")} {poorCovered}/{poor}
            </span>
          ) : null}
        </div>
      </div>
      {open ? (
        <div id={panelId} className="villages">
          {filtered ? (
            <p className="muted small">{t("network.filteredVillages", { shown: villages.length, total: township.villages.length })}</p>
          ) : null}
          {villages.length === 0 ? (
            <p className="muted small">{t("network.noVillages")}</p>
          ) : (
            <DataTable
              className="table-compact"
              testId="village-table"
              rows={villages}
              rowKey={(v) => v.code}
              rowProps={(v) => ({ "data-testid": "village-row", "data-code": v.code, "data-point": v.point?.code ?? "" })}
              columns={[
                {
                  key: "village",
                  header: t("network.village"),
                  cell: (v) => (
                    <>
                      {v.name}
                      <div className="muted small mono">{v.code}</div>
                    </>
                  ),
                },
                { key: "kind", header: t("network.kind"), cell: (v) => <AreaKind kind={v.kind} /> },
                {
                  key: "poor",
                  header: t("network.poor"),
                  cell: (v) => (
                    <label className="check check-inline">
                      <input
                        type="checkbox"
                        checked={v.isPoor}
                        disabled={pendingPoor.has(v.code)}
                        onChange={(e) => onSetPoor(v.code, e.target.checked)}
                        data-testid="poor-toggle"
                      />
                      <span className={v.isPoor ? "poor-tag" : "muted"}>{v.isPoor ? t("network.poor") : t("network.notPoor")}</span>
                    </label>
                  ),
                },
                {
                  key: "coverage",
                  header: t("network.coverage"),
                  cell: (v) =>
                    v.coveredBy ? (
                      <span className={`cover-tag cover-${v.coveredBy.toLowerCase()}`}>{t(`network.coveredBy.${v.coveredBy}`)}</span>
                    ) : (
                      <span className="cover-tag cover-none">{t("network.uncovered")}</span>
                    ),
                },
                {
                  key: "point",
                  header: te("tiers.VILLAGE_POINT"),
                  cell: (v) =>
                    v.point ? (
                      <>
                        {v.point.name} <code className="muted small">{v.point.code}</code>{" "}
                        <StatusPill status={v.point.status} label={ENUMS.nodeStatus.label(v.point.status)} />
                      </>
                    ) : (
                      <span className="muted">{tc("common.none")}</span>
                    ),
                },
              ]}
            />
          )}
        </div>
      ) : null}
    </li>
  );
});
