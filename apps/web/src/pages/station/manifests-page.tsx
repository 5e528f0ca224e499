// 到件清单 at a station: the carrier's courier brings parcels with a manifest; staff import it (preview first), scan
// each parcel in, and see per manifest what has arrived and what is still outstanding.
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useT } from "../../i18n/use-t.ts";
import { DataState } from "../../components/data-state.tsx";
import { DataTable, type TDataColumn } from "../../components/data-table.tsx";
import { formatDateTime } from "../../lib/time.ts";
import { useTRPC, type TRouterOutputs } from "../../lib/trpc.ts";
import { LightBadge, ShipmentStatusPill } from "../county/shipments/shipment-bits.tsx";
import { ManifestImporter } from "../county/shipments/manifest-page.tsx";
import { StationGate } from "./station-gate.tsx";

export function StationManifestsPage() {
  const t = useT("station");
  return (
    <StationGate path="/station/manifests" noScope={<p className="muted">{t("station.noScope")}</p>}>
      {(nodeId) => (
        <div className="page">
          <ManifestImporter scope={{ nodeId }} />
          <NodeManifests nodeId={nodeId} />
        </div>
      )}
    </StationGate>
  );
}

type TNodeManifest = TRouterOutputs["shipments"]["nodeManifests"][number];
type TManifestParcel = TRouterOutputs["shipments"]["manifestParcels"][number];

function NodeManifests({ nodeId }: { nodeId: string }) {
  const t = useT("station");
  const trpc = useTRPC();
  // Scans elsewhere change the counts: always fresh on opening the page, then every 30 s.
  const list = useQuery(trpc.shipments.nodeManifests.queryOptions({ nodeId }, { refetchInterval: 30_000, refetchOnMount: "always" }));
  const [open, setOpen] = useState<string | null>(null);
  const columns: TDataColumn<TNodeManifest>[] = [
    { key: "createdAt", header: t("manifests.importedAt"), className: "mono", cell: (m) => formatDateTime(m.createdAt) },
    { key: "carrier", header: t("manifests.carrier"), cell: (m) => `${m.carrierName}（${m.carrierCode}）` },
    { key: "file", header: t("manifests.file"), className: "wrap", cell: (m) => m.fileName },
    { key: "created", header: t("manifests.created"), num: true, className: "mono", cell: (m) => m.created },
    {
      key: "received",
      header: t("manifests.received"),
      num: true,
      className: "mono",
      cellProps: () => ({ "data-testid": "node-manifest-received" }),
      cell: (m) => m.received,
    },
    {
      key: "outstanding",
      header: t("manifests.outstanding"),
      num: true,
      className: "mono",
      cellProps: (m) => ({ className: m.outstanding > 0 ? "danger-text" : undefined, "data-testid": "node-manifest-outstanding" }),
      cell: (m) => m.outstanding,
    },
    {
      key: "actions",
      header: t("manifests.showParcels"),
      headerHidden: true,
      cell: (m) => (
        <button
          type="button"
          className="btn btn-small"
          aria-expanded={open === m.id}
          onClick={() => setOpen(open === m.id ? null : m.id)}
          data-testid="node-manifest-toggle"
        >
          {open === m.id ? t("manifests.hideParcels") : t("manifests.showParcels")}
        </button>
      ),
    },
  ];
  return (
    <section className="card" data-testid="node-manifests">
      <h2 className="card-title">{t("manifests.listTitle")}</h2>
      <DataState query={list}>
        {(rows) =>
          rows.length === 0 ? (
            <p className="muted">{t("manifests.noManifests")}</p>
          ) : (
            <DataTable
              columns={columns}
              rows={rows}
              rowKey={(m) => m.id}
              rowProps={(m) => ({ "data-testid": "node-manifest-row", "data-id": m.id })}
              rowAfter={(m) =>
                open === m.id ? (
                  <tr>
                    <td colSpan={columns.length}>
                      <ManifestParcels nodeId={nodeId} manifestId={m.id} />
                    </td>
                  </tr>
                ) : null
              }
            />
          )
        }
      </DataState>
    </section>
  );
}

function ManifestParcels({ nodeId, manifestId }: { nodeId: string; manifestId: string }) {
  const t = useT("station");
  const tc = useT("common");
  const trpc = useTRPC();
  const parcels = useQuery(trpc.shipments.manifestParcels.queryOptions({ nodeId, manifestId }, { refetchOnMount: "always" }));
  const columns: TDataColumn<TManifestParcel>[] = [
    {
      key: "carrierWaybill",
      header: t("manifests.carrierWaybillNo"),
      className: "mono",
      cell: (p) => p.carrierWaybillNo ?? tc("common.none"),
    },
    { key: "waybill", header: t("manifests.waybillNo"), className: "mono", cell: (p) => p.waybillNo },
    {
      key: "recipient",
      header: t("manifests.recipient"),
      cell: (p) => (
        <>
          {p.recipientName} <span className="mono muted">{p.recipientPhone}</span>
        </>
      ),
    },
    {
      key: "destination",
      header: t("manifests.destination"),
      cell: (p) => (
        <>
          {p.village ?? tc("common.none")}
          {p.destination ? <span className="muted"> → {p.destination.name}</span> : null}
        </>
      ),
    },
    {
      key: "state",
      header: t("manifests.state"),
      cell: (p) =>
        p.outstanding ? <span className="danger-text">{t("manifests.notArrived")}</span> : <ShipmentStatusPill status={p.status} />,
    },
    { key: "light", header: t("manifests.light"), cell: (p) => <LightBadge light={p.light} /> },
  ];
  return (
    <DataState query={parcels}>
      {(rows) => (
        <DataTable
          columns={columns}
          rows={rows}
          rowKey={(p) => p.waybillNo}
          rowProps={(p) => ({ "data-testid": "manifest-parcel", "data-outstanding": p.outstanding })}
          className="table-compact"
          testId="manifest-parcels"
        />
      )}
    </DataState>
  );
}
