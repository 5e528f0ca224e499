// 到件清单 at a station: the carrier's courier brings parcels with a manifest; staff import it (preview first), scan
// each parcel in, and see per manifest what has arrived and what is still outstanding.
import { useQuery } from "@tanstack/react-query";
import { Fragment, useState } from "react";
import { useTranslation } from "react-i18next";
import { useUser } from "../../auth/session-context.ts";
import { DataState } from "../../components/data-state.tsx";
import { stationPageAllowed } from "../../lib/roles.ts";
import { formatDateTime } from "../../lib/time.ts";
import { useTRPC } from "../../lib/trpc.ts";
import { LightBadge, ShipmentStatusPill } from "../shipments/shipment-bits.tsx";
import { ManifestImporter } from "../shipments/manifest-page.tsx";
import { NotAtThisNode } from "./station-nav.tsx";

export function StationManifestsPage() {
  const { t } = useTranslation();
  const user = useUser();
  if (!user.nodeId) {
    return (
      <div className="page">
        <p className="muted">{t("station.noScope")}</p>
      </div>
    );
  }
  if (!stationPageAllowed("/station/manifests", user.nodeTier)) return <NotAtThisNode tier={user.nodeTier} />;
  return (
    <div className="page">
      <ManifestImporter scope={{ nodeId: user.nodeId }} />
      <NodeManifests nodeId={user.nodeId} />
    </div>
  );
}

function NodeManifests({ nodeId }: { nodeId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  // Scans elsewhere change the counts: always fresh on opening the page, then every 30 s.
  const list = useQuery(trpc.shipments.nodeManifests.queryOptions({ nodeId }, { refetchInterval: 30_000, refetchOnMount: "always" }));
  const [open, setOpen] = useState<string | null>(null);
  return (
    <section className="card" data-testid="node-manifests">
      <h2 className="card-title">{t("manifest.listTitle")}</h2>
      <DataState query={list}>
        {(rows) =>
          rows.length === 0 ? (
            <p className="muted">{t("manifest.noManifests")}</p>
          ) : (
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th>{t("manifest.importedAt")}</th>
                    <th>{t("manifest.carrier")}</th>
                    <th>{t("manifest.file")}</th>
                    <th className="num">{t("manifest.created")}</th>
                    <th className="num">{t("manifest.received")}</th>
                    <th className="num">{t("manifest.outstanding")}</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {rows.map((m) => (
                    <Fragment key={m.id}>
                      <tr data-testid="node-manifest-row" data-id={m.id}>
                        <td className="mono">{formatDateTime(m.createdAt)}</td>
                        <td>
                          {m.carrierName}（{m.carrierCode}）
                        </td>
                        <td className="wrap">{m.fileName}</td>
                        <td className="num mono">{m.created}</td>
                        <td className="num mono" data-testid="node-manifest-received">
                          {m.received}
                        </td>
                        <td className={`num mono${m.outstanding > 0 ? " danger-text" : ""}`} data-testid="node-manifest-outstanding">
                          {m.outstanding}
                        </td>
                        <td>
                          <button
                            type="button"
                            className="btn btn-small"
                            aria-expanded={open === m.id}
                            onClick={() => setOpen(open === m.id ? null : m.id)}
                            data-testid="node-manifest-toggle"
                          >
                            {open === m.id ? t("manifest.hideParcels") : t("manifest.showParcels")}
                          </button>
                        </td>
                      </tr>
                      {open === m.id ? (
                        <tr>
                          <td colSpan={7}>
                            <ManifestParcels nodeId={nodeId} manifestId={m.id} />
                          </td>
                        </tr>
                      ) : null}
                    </Fragment>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </DataState>
    </section>
  );
}

function ManifestParcels({ nodeId, manifestId }: { nodeId: string; manifestId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const parcels = useQuery(trpc.shipments.manifestParcels.queryOptions({ nodeId, manifestId }, { refetchOnMount: "always" }));
  return (
    <DataState query={parcels}>
      {(rows) => (
        <table className="table table-compact" data-testid="manifest-parcels">
          <thead>
            <tr>
              <th>{t("manifest.waybillNo")}</th>
              <th>{t("shipments.waybillNo")}</th>
              <th>{t("manifest.recipient")}</th>
              <th>{t("manifest.destination")}</th>
              <th>{t("manifest.state")}</th>
              <th>{t("manifest.light")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.waybillNo} data-testid="manifest-parcel" data-outstanding={p.outstanding}>
                <td className="mono">{p.carrierWaybillNo ?? t("common.none")}</td>
                <td className="mono">{p.waybillNo}</td>
                <td>
                  {p.recipientName} <span className="mono muted">{p.recipientPhone}</span>
                </td>
                <td>
                  {p.village ?? t("common.none")}
                  {p.destination ? <span className="muted"> → {p.destination.name}</span> : null}
                </td>
                <td>
                  {p.outstanding ? (
                    <span className="danger-text">{t("manifest.notArrived")}</span>
                  ) : (
                    <ShipmentStatusPill status={p.status} />
                  )}
                </td>
                <td>
                  <LightBadge light={p.light} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </DataState>
  );
}
