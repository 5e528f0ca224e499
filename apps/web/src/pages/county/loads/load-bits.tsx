// Pieces of the load pages: status pill, route label, fill-rate bar, the load barcode (Code128 drawn by
// zxing-wasm's writer, whose .wasm ships with the app), a parcel table and the report's key figures.
import { useEffect, useState } from "react";
import { isRolledReason } from "@xiangda/domain";
import wasmUrl from "zxing-wasm/writer/zxing_writer.wasm?url";
import { DataTable } from "../../../components/data-table.tsx";
import { barWidth, figureLabel, figureValue, kg, percent, scalableSvg, STATUS_TONE } from "./load-format.ts";
import type { TLoadFigure, TLoadItem, TLoadRow, TLoadStatus } from "./loads-api.ts";
import { dynamicKey, useT } from "../../../i18n/use-t.ts";

export function LoadStatusPill({ status }: { status: TLoadStatus }) {
  const t = useT("loads");
  return (
    <span className={`status-pill ${STATUS_TONE[status]}`} data-testid="load-status" data-status={status}>
      {t(`statuses.${status}`)}
    </span>
  );
}

/** "Lane T-GZ-102-DN · hub → station" or "Milk run · station". */
export function RouteLabel({ load }: { load: Pick<TLoadRow, "milkRun" | "lane" | "from" | "to"> }) {
  const t = useT("loads");
  const tc = useT("common");
  const ends = `${load.from?.name ?? tc("common.none")}${load.to ? ` → ${load.to.name}` : ""}`;
  return (
    <span className="load-route">
      <span className={`load-kind${load.milkRun ? " load-kind-milk" : ""}`}>
        {load.milkRun ? t("milkRun") : load.lane ? t("lane", { code: load.lane.code }) : t("route")}
      </span>{" "}
      {ends}
    </span>
  );
}

export function FillBar({ label, share, testId }: { label: string; share: number; testId?: string }) {
  const value = percent(share);
  const tone = value >= 90 ? " fill-high" : value >= 60 ? " fill-mid" : "";
  return (
    <div className="fill-row" data-testid={testId} data-value={value}>
      <span className="fill-label">{label}</span>
      <span className="fill-track" role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={value}>
        <span className={`fill-bar${tone}`} style={{ width: `${barWidth(share)}%` }} />
      </span>
      <span className="fill-value">{value}%</span>
    </div>
  );
}

let prepared = false;

/** The load's barcode, drawn in the browser; the code stays readable as text while (or if not) drawn. */
export function LoadBarcode({ code }: { code: string }) {
  const t = useT("loads");
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    void (async () => {
      const zxing = await import("zxing-wasm/writer");
      if (!prepared) {
        prepared = true;
        zxing.prepareZXingModule({
          overrides: { locateFile: (path: string, prefix: string) => (path.endsWith(".wasm") ? wasmUrl : prefix + path) },
          fireImmediately: false,
        });
      }
      const r = await zxing.writeBarcode(code, { format: "Code128", scale: 2, withQuietZones: true });
      if (alive && !r.error && r.svg) setSvg(scalableSvg(r.svg));
    })().catch(() => {
      // No barcode drawn: the code below is still there to type or scan from the manifest.
    });
    return () => {
      alive = false;
    };
  }, [code]);
  return (
    <figure className="load-barcode" data-testid="load-barcode" data-code={code} data-drawn={svg ? "true" : "false"}>
      {/* The SVG is zxing's rendering of our own load code, not user input. */}
      {svg ? (
        <div className="load-barcode-svg" role="img" aria-label={`${t("barcode")} ${code}`} dangerouslySetInnerHTML={{ __html: svg }} />
      ) : null}
      <figcaption className="mono">{code}</figcaption>
    </figure>
  );
}

export function ParcelTable({
  items,
  showStop = false,
  showReason = false,
  showRemovedReason = false,
  node = "",
  testId = "load-parcels",
}: {
  items: readonly TLoadItem[];
  showStop?: boolean;
  showReason?: boolean;
  /** The load's node, named in the rolled parcels' reasons. */
  node?: string;
  /** The reason it left the load before sealing (REMOVED items). */
  showRemovedReason?: boolean;
  testId?: string;
}) {
  const t = useT("loads");
  const tc = useT("common");
  const te = useT("enums");
  if (items.length === 0) return <p className="muted small">{t("noParcels")}</p>;
  return (
    <DataTable<TLoadItem>
      className="load-parcels"
      testId={testId}
      rows={items}
      rowKey={(i) => i.id}
      rowProps={(i) => ({ "data-testid": "load-parcel", "data-waybill": i.waybillNo ?? "", "data-pickup": i.pickup })}
      columns={[
        {
          key: "waybill",
          header: t("waybill"),
          cell: (i) => (
            <>
              <span className="mono">{i.waybillNo ?? tc("common.none")}</span>
              {i.pickup ? <span className="pickup-tag small">{t("pickup")}</span> : null}
              {i.carrierWaybillNo ? <div className="muted small mono">{i.carrierWaybillNo}</div> : null}
            </>
          ),
        },
        { key: "carrier", header: t("carrier"), cell: (i) => i.carrier?.name ?? <span className="muted">{t("platform")}</span> },
        { key: "weight", header: t("weight"), num: true, className: "nowrap", cell: (i) => t("kg", { value: kg(i.weightG) }) },
        {
          key: "temp",
          header: t("temp"),
          cell: (i) => (i.temp === "AMBIENT" ? te("temps.AMBIENT") : <span className="cold-tag small">{te(`temps.${i.temp}`)}</span>),
        },
        { key: "phone", header: t("phone"), className: "mono nowrap", cell: (i) => i.recipientPhone || tc("common.none") },
        showStop && { key: "stop", header: t("stop"), cell: (i) => (i.stop ? `${i.stop.name}` : tc("common.none")) },
        showReason && {
          key: "rolledReason",
          header: t("reason"),
          cellProps: (i) => ({ "data-testid": "rolled-reason", "data-reason": i.rolledReason ?? "" }),
          cell: (i) => <RolledReason code={i.rolledReason} node={node} temp={te(`temps.${i.temp}`)} />,
        },
        showRemovedReason && {
          key: "removedReason",
          header: t("reason"),
          cellProps: (i) => ({ "data-testid": "removed-reason", "data-reason": i.removedReason ?? "" }),
          cell: (i) => <RemovedReason code={i.removedReason} />,
        },
      ]}
    />
  );
}

export function LoadFigures({ figures }: { figures: readonly TLoadFigure[] }) {
  const t = useT("loads");
  return (
    <dl className="load-figures" data-testid="load-figures">
      {figures.map((f) => {
        const label = figureLabel(f.key);
        // Internal figures (solver.cost, demo, rolledReasons …) are not for people: never shown by their key.
        if (!label) return null;
        return (
          <div className="load-figure" key={f.key} data-key={f.key}>
            <dt>{t(`figures.${label}`)}</dt>
            <dd>{figureValue(f)}</dd>
          </div>
        );
      })}
    </dl>
  );
}

/** Why a parcel rolled to a later departure, from the server's code (rolled-reasons.ts in @xiangda/domain). Rows from
 * before the codes hold an English sentence: they get the general reason rather than that text. */
export function RolledReason({ code, node, temp }: { code: string | null; node: string; temp: string }) {
  const t = useT("loads");
  const tc = useT("common");
  if (!code) return <>{tc("common.none")}</>;
  return <>{isRolledReason(code) ? t(`rolledReasons.${code}`, { node, temp }) : t("rolledReasons.OTHER")}</>;
}

/** Why a parcel left its load before sealing, from the server's code (PARCEL_<status> names the parcel's status). */
export function RemovedReason({ code }: { code: string | null }) {
  const t = useT("loads");
  const tc = useT("common");
  const te = useT("enums");
  if (!code) return <>{tc("common.none")}</>;
  if (code.startsWith("PARCEL_") && code !== "PARCEL_MOVED") {
    const status = code.slice("PARCEL_".length);
    return <>{t("removedReasons.PARCEL", { status: te(dynamicKey("enums", "shipmentStatus", status), { defaultValue: status }) })}</>;
  }
  const known = ["REPLANNED", "LEG_DEPARTED", "LEG_ARRIVED", "PARCEL_MOVED", "DUPLICATE"] as const;
  const k = known.find((x) => x === code);
  return <>{k ? t(`removedReasons.${k}`) : code}</>;
}

/** "1 分 44 秒" / "1 min 44 s". */
export function useDuration(): (seconds: number) => string {
  const t = useT("loads");
  return (seconds) => {
    const m = Math.floor(seconds / 60);
    const s = seconds % 60;
    return m ? t("durationMinSec", { m, s }) : t("durationSec", { s });
  };
}

/** A sealed load's lateness against its cut-off: a warning past the grace, else how soon after the cut-off. */
export function SealLateness({ load }: { load: Pick<TLoadRow, "sealedLateSeconds" | "lateSeal"> }) {
  const t = useT("loads");
  const duration = useDuration();
  if (load.sealedLateSeconds === null) return null;
  return load.lateSeal ? (
    <span className="warn-text small" data-testid="load-seal-late" data-seconds={load.sealedLateSeconds}>
      {t("sealLate", { duration: duration(load.sealedLateSeconds) })}
    </span>
  ) : (
    <span className="muted small" data-testid="load-seal-on-time">
      {t("sealOnTime", { duration: duration(load.sealedLateSeconds) })}
    </span>
  );
}
