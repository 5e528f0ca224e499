// One shipment for county staff: summary (status, light and why, promise, where from and to, the three rules of an
// upward parcel), the route as a diagram with earlier cancelled plans faded below, and the event timeline.
import { formatScaled } from "../../../lib/numbers.ts";
import { useQuery } from "@tanstack/react-query";
import { useParams } from "react-router";
import { DetailHead, DetailPage, retryUnless } from "../../../components/detail-page.tsx";
import { DetailList } from "../../../components/detail-list.tsx";
import type { TShipment } from "../../../lib/shipments-api.ts";
import { formatDateTime } from "../../../lib/time.ts";
import { useTRPC } from "../../../lib/trpc.ts";
import { CountyScope } from "../county-scope.tsx";
import { LegDiagram, LightBadge, LightReason, ShipmentStatusPill, ThreeRules, Timeline, useNow } from "./shipment-bits.tsx";
import { splitLegs } from "./shipment-format.ts";
import { useT } from "../../../i18n/use-t.ts";

export function ShipmentDetailPage() {
  const { waybillNo = "" } = useParams();
  return <CountyScope>{(countyCode) => <ShipmentDetailView countyCode={countyCode} waybillNo={waybillNo} />}</CountyScope>;
}

function ShipmentDetailView({ countyCode, waybillNo }: { countyCode: string; waybillNo: string }) {
  const t = useT("shipments");
  const trpc = useTRPC();
  const shipment = useQuery(trpc.shipments.get.queryOptions({ countyCode, waybillNo }, { retry: retryUnless("NOT_FOUND") }));
  const back = { to: "/county/shipments", label: t("shipments.back"), testId: "shipment-back" };
  const notFound = { text: t("shipments.notFound", { waybillNo }), testId: "shipment-not-found" };
  return (
    <DetailPage query={shipment} back={back} notFound={notFound}>
      {(s) => <ShipmentDetail s={s} />}
    </DetailPage>
  );
}

function ShipmentDetail({ s }: { s: TShipment }) {
  const t = useT("shipments");
  const tc = useT("common");
  const te = useT("enums");
  const now = useNow();
  const { current, previous } = splitLegs(s.legs);
  const none = <span className="muted">{tc("common.none")}</span>;
  const destination = s.direction === "UP" && s.outboundCity ? `${s.destination ?? ""} → ${s.outboundCity}` : s.destination;

  return (
    <div className="shipment-detail" data-testid="shipment-detail" data-waybill={s.waybillNo}>
      <section className="card">
        <DetailHead
          label={t("shipments.waybillNo")}
          code={s.waybillNo}
          testId="shipment-waybill"
          below={
            s.carrier ? (
              <div className="muted small">
                {s.carrier.name}
                {s.carrierWaybillNo ? (
                  <>
                    {" · "}
                    <span className="mono">{s.carrierWaybillNo}</span>
                  </>
                ) : null}
              </div>
            ) : null
          }
          aside={
            <div className="hero-badges">
              <ShipmentStatusPill status={s.status} />
              <LightBadge light={s.light} />
              {s.lightReason ? (
                <span className="light-reason" data-testid="shipment-light-reason">
                  <LightReason reason={s.lightReason} />
                </span>
              ) : null}
            </div>
          }
        />
        {s.routeError ? (
          <div className="alert alert-error" role="alert" data-testid="shipment-route-error">
            {t("shipments.routeError", { message: s.routeError })}
          </div>
        ) : null}
        <DetailList
          items={[
            { label: t("shipments.promisedAt"), value: s.promisedAt ? formatDateTime(s.promisedAt) : none },
            { label: t("shipments.direction"), value: te(`directions.${s.direction}`) },
            {
              label: t("shipments.route"),
              value: (
                <span data-testid="shipment-route">
                  {s.origin ?? tc("common.none")} → {destination ?? tc("common.none")}
                </span>
              ),
            },
            { label: t("shipments.currentNode"), value: s.currentNode ?? none },
            {
              label: t("shipments.selfPickup"),
              value: s.selfPickup ? <span className="warn-text">{t("shipments.selfPickupYes")}</span> : none,
            },
            {
              label: t("shipments.recipient"),
              value: (
                <span data-testid="shipment-recipient">
                  {s.recipientName} <span className="mono">{s.recipientPhone}</span>
                </span>
              ),
            },
            ...(s.senderName || s.senderId
              ? [
                  {
                    label: t("shipments.sender"),
                    value: (
                      <span>
                        {s.senderName ?? ""} {s.senderId ? <span className="mono">{s.senderId}</span> : null}
                      </span>
                    ),
                  },
                ]
              : []),
            {
              label: t("shipments.parcel"),
              value: (
                <span>
                  {t("shipments.kg", { value: formatScaled(s.weightG, 3) })}
                  {s.volumeCm3 ? ` · ${t("shipments.cm3", { value: s.volumeCm3.toLocaleString("zh-CN") })}` : ""} · {te(`temps.${s.temp}`)}{" "}
                  · {s.contentsCategory}
                </span>
              ),
            },
            { label: t("shipments.declaredValue"), value: t("shipments.yuan", { value: formatScaled(s.declaredValueFen, 2) }) },
            ...(s.threeRules ? [{ label: t("shipments.threeRules"), value: <ThreeRules rules={s.threeRules} /> }] : []),
          ]}
        />
      </section>

      <section className="card">
        <h2 className="card-title">{t("shipments.legsTitle")}</h2>
        {current.length ? <LegDiagram legs={current} now={now} /> : <p className="muted">{t("shipments.noLegs")}</p>}
        {previous.length ? (
          <div className="previous-plans" data-testid="previous-plans">
            <h3 className="subheading muted">{t("shipments.previousPlans")}</h3>
            {previous.map((p) => (
              <div key={p.plan} className="previous-plan">
                <div className="muted small">{t("shipments.planN", { plan: p.plan })}</div>
                <LegDiagram legs={p.legs} now={now} faded testId="leg-diagram-previous" />
              </div>
            ))}
          </div>
        ) : null}
      </section>

      <section className="card">
        <h2 className="card-title">{t("shipments.timelineTitle")}</h2>
        <Timeline events={s.events} />
      </section>
    </div>
  );
}
