// One load: barcode, route and times, the manifest PDF; vehicles with fill-rate bars and their stops in visiting
// order with each stop's parcels (masked phones); parcels not on a vehicle, rolled parcels with reasons, and
// totals per carrier.
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { DetailHead, DetailPage, retryUnless } from "../../../components/detail-page.tsx";
import { DataTable } from "../../../components/data-table.tsx";
import { DetailList } from "../../../components/detail-list.tsx";
import { StatCard } from "../../../components/stat-card.tsx";
import { formatDateTime, formatShortDateTime } from "../../../lib/time.ts";
import { useTRPC } from "../../../lib/trpc.ts";
import { FillBar, LoadFigures, LoadBarcode, LoadStatusPill, ParcelTable, RouteLabel, SealLateness } from "./load-bits.tsx";
import { kg, loadRef, manifestHref } from "./load-format.ts";
import type { TLoad, TLoadStop, TLoadVehicle } from "./loads-api.ts";
import "./loads.css";
import { useT } from "../../../i18n/use-t.ts";

export function CountyLoadDetailPage() {
  return <LoadDetailPage back="/county/loads" />;
}

export function StationLoadDetailPage() {
  return <LoadDetailPage back="/station/loads" />;
}

function LoadDetailPage({ back }: { back: string }) {
  const t = useT("loads");
  const { id = "" } = useParams();
  const trpc = useTRPC();
  const load = useQuery(trpc.loads.get.queryOptions(loadRef(id), { retry: retryUnless("NOT_FOUND", "FORBIDDEN") }));
  return (
    <DetailPage
      className="page"
      query={load}
      back={{ to: back, label: t("back"), testId: "load-back" }}
      notFound={{ text: t("notFound", { id }), testId: "load-not-found" }}
    >
      {(d) => <LoadDetail d={d} />}
    </DetailPage>
  );
}

function LoadDetail({ d }: { d: TLoad }) {
  const t = useT("loads");
  const tc = useT("common");
  const { i18n } = useTranslation();
  const none = <span className="muted">{tc("common.none")}</span>;
  return (
    <div className="load-detail" data-testid="load-detail" data-code={d.code}>
      <section className="card">
        <DetailHead
          className="load-hero"
          label={t("code")}
          code={d.code}
          testId="load-code"
          below={
            <div className="hero-badges">
              <LoadStatusPill status={d.status} />
              <RouteLabel load={d} />
            </div>
          }
          aside={<LoadBarcode code={d.code} />}
        />
        <DetailList
          items={[
            { label: t("departAt"), value: <span data-testid="load-depart">{formatDateTime(d.departAt)}</span> },
            { label: t("cutoffAt"), value: formatDateTime(d.cutoffAt) },
            { label: t("from"), value: d.from ? `${d.from.name}（${d.from.code}）` : none },
            ...(d.to ? [{ label: t("to"), value: `${d.to.name}（${d.to.code}）` }] : []),
            ...(d.sealedAt
              ? [
                  {
                    label: t("sealedAt"),
                    value: (
                      <span>
                        {formatDateTime(d.sealedAt)} <SealLateness load={d} />
                      </span>
                    ),
                  },
                ]
              : []),
            ...(d.plannedAt ? [{ label: t("plannedAt"), value: formatDateTime(d.plannedAt) }] : []),
            ...(d.departedAt ? [{ label: t("departedAt"), value: formatDateTime(d.departedAt) }] : []),
            ...(d.arrivedAt ? [{ label: t("arrivedAt"), value: formatDateTime(d.arrivedAt) }] : []),
          ]}
        />
        <div className="toolbar">
          <a
            className="btn btn-primary"
            href={manifestHref(d.id, i18n.resolvedLanguage === "en" ? "en" : "zh")}
            target="_blank"
            rel="noreferrer"
            data-testid="load-manifest"
          >
            {t("manifest")}
          </a>
        </div>
      </section>

      <section className="stat-grid" aria-label={t("figuresTitle")}>
        <StatCard label={t("parcels")} value={d.totals.parcels} testId="load-stat-parcels" />
        <StatCard label={t("weight")} value={t("kg", { value: kg(d.totals.weightG) })} testId="load-stat-weight" />
        <StatCard label={t("rolled")} value={d.totals.rolled} testId="load-stat-rolled" />
        <StatCard label={t("vehicles")} value={d.totals.vehicles} testId="load-stat-vehicles" />
      </section>
      {d.figures.length ? (
        <section className="card">
          <h2 className="card-title">{t("figuresTitle")}</h2>
          <LoadFigures figures={d.figures} />
        </section>
      ) : null}

      <section className="card">
        <h2 className="card-title">{t("vehiclesTitle")}</h2>
        {d.vehicles.length ? (
          <div className="load-vehicles">
            {d.vehicles.map((v) => (
              <VehicleCard key={v.id} v={v} />
            ))}
          </div>
        ) : (
          <p className="muted">{t("noVehicles")}</p>
        )}
      </section>

      {d.unassigned.length ? (
        <section className="card" data-testid="load-unassigned">
          <h2 className="card-title">{t("unassignedTitle")}</h2>
          <StopList stops={d.unassigned} />
        </section>
      ) : null}

      <section className="card" data-testid="load-rolled">
        <h2 className="card-title">
          {t("rolledTitle")} <span className="count-badge">{d.rolled.length}</span>
        </h2>
        {d.rolled.length ? (
          <ParcelTable items={d.rolled} showStop showReason node={d.from?.name ?? ""} testId="rolled-parcels" />
        ) : (
          <p className="muted">{t("noRolled")}</p>
        )}
      </section>

      {d.removed.length ? (
        <section className="card" data-testid="load-removed">
          <h2 className="card-title">
            {t("removedTitle")} <span className="count-badge">{d.removed.length}</span>
          </h2>
          <p className="muted small">{t("removedLead")}</p>
          <ParcelTable items={d.removed} showStop showRemovedReason testId="removed-parcels" />
        </section>
      ) : null}

      <section className="card">
        <h2 className="card-title">{t("carriersTitle")}</h2>
        <DataTable
          testId="load-carriers"
          rows={d.carriers}
          rowKey={(c) => c.code ?? "-"}
          rowProps={(c) => ({ "data-testid": "carrier-total", "data-carrier": c.code ?? "" })}
          columns={[
            { key: "carrier", header: t("carrier"), cell: (c) => c.name ?? t("platform") },
            {
              key: "parcels",
              header: t("parcels"),
              num: true,
              cellProps: () => ({ "data-testid": "carrier-parcels" }),
              cell: (c) => c.parcels,
            },
            {
              key: "weight",
              header: t("weight"),
              num: true,
              className: "nowrap",
              cellProps: () => ({ "data-testid": "carrier-weight" }),
              cell: (c) => t("kg", { value: kg(c.weightG) }),
            },
            { key: "rolled", header: t("rolled"), num: true, cell: (c) => c.rolled },
          ]}
          foot={
            <tr className="total-row" data-testid="carrier-total-all">
              <th>{t("total")}</th>
              <td className="num">{d.totals.parcels}</td>
              <td className="num nowrap">{t("kg", { value: kg(d.totals.weightG) })}</td>
              <td className="num">{d.totals.rolled}</td>
            </tr>
          }
        />
      </section>
    </div>
  );
}

function VehicleCard({ v }: { v: TLoadVehicle }) {
  const t = useT("loads");
  const tc = useT("common");
  return (
    <article className="load-vehicle" data-testid="load-vehicle" data-plate={v.plate ?? ""}>
      <header className="load-vehicle-head">
        <div>
          <strong>{t("vehicleN", { seq: v.seq })}</strong> <span className="plate">{v.plate ?? tc("common.none")}</span>{" "}
          <span className="muted small mono">{v.number ?? ""}</span>
          <div className="muted small">
            {v.carrier ?? t("sharedFleet")} · {t("parcels")} {v.parcels} · {t("kg", { value: kg(v.weightG) })}
            {v.plannedMeters != null || v.plannedMinutes != null
              ? ` · ${t("planned", { km: v.plannedMeters != null ? (v.plannedMeters / 1000).toFixed(1) : "—", minutes: v.plannedMinutes ?? "—" })}`
              : ""}
          </div>
        </div>
        <div className="load-fills">
          <FillBar label={t("fillWeight")} share={v.fillWeight} testId="fill-weight" />
          <FillBar label={t("fillVolume")} share={v.fillVolume} testId="fill-volume" />
        </div>
      </header>
      {v.planned ? null : <p className="muted small">{t("notPlanned")}</p>}
      <StopList stops={v.stops} />
    </article>
  );
}

function StopList({ stops }: { stops: readonly TLoadStop[] }) {
  const t = useT("loads");
  const tc = useT("common");
  return (
    <ol className="load-stops" data-testid="load-stops">
      {stops.map((s, i) => (
        <li key={`${s.nodeId ?? "x"}-${i}`} className="load-stop" data-testid="load-stop" data-code={s.code ?? ""} data-seq={s.seq ?? ""}>
          <div className="load-stop-head">
            <span className="stop-seq" aria-label={s.seq != null ? t("stopN", { seq: s.seq }) : undefined}>
              {s.seq ?? "·"}
            </span>
            <span className="stop-time nowrap" title={s.arriveAt ? formatDateTime(s.arriveAt) : undefined}>
              {s.arriveAt ? formatShortDateTime(s.arriveAt).slice(-5) : "--:--"}
            </span>
            <span className="stop-name">
              {s.name ?? tc("common.none")} {s.code ? <code className="mono muted small">{s.code}</code> : null}
            </span>
            <span className="stop-counts small">
              {t("drops", { count: s.drops })} · {t("pickups", { count: s.pickups })}
            </span>
          </div>
          {s.items.length ? <ParcelTable items={s.items} /> : null}
        </li>
      ))}
    </ol>
  );
}
