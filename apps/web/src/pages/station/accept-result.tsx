// The accepted parcel: its new waybill big, its light, its route and the three rules as recorded, with its label to
// print and "next parcel" to start over. One card for both desks (new parcels and announced ones); test ids are
// `${testPrefix}-result`, `${testPrefix}-print`, `${testPrefix}-next`.
import type { ReactNode, Ref } from "react";
import { useT } from "../../i18n/use-t.ts";
import type { TShipment } from "../../lib/shipments-api.ts";
import { labelsUrl } from "../../lib/print-labels.ts";
import { formatDateTime } from "../../lib/time.ts";
import { LegDiagram, LightBadge, ThreeRules, useNow } from "../county/shipments/shipment-bits.tsx";

export function AcceptedCard(props: {
  s: TShipment;
  testPrefix: "accept" | "announced";
  title: string;
  /** A line above the waybill naming it. */
  waybillLabel?: string;
  waybillTestId?: string;
  /** Beside the light. */
  badge: ReactNode;
  /** Under the badges, above the route (a route error, where it was announced). */
  note?: ReactNode;
  nextRef?: Ref<HTMLButtonElement>;
  onNext: () => void;
}) {
  const t = useT("station");
  const now = useNow();
  const { s, testPrefix } = props;
  const legs = s.legs.filter((l) => l.status !== "CANCELLED");
  return (
    <section className="card accept-result" data-testid={`${testPrefix}-result`} data-waybill={s.waybillNo}>
      <h2 className="card-title">{props.title}</h2>
      {props.waybillLabel ? <div className="muted small">{props.waybillLabel}</div> : null}
      <div className="waybill-huge mono" data-testid={props.waybillTestId}>
        {s.waybillNo}
      </div>
      <div className="hero-badges">
        <LightBadge light={s.light} />
        {props.badge}
      </div>
      {props.note}
      {legs.length ? <LegDiagram legs={legs} now={now} /> : null}
      {s.threeRules ? <ThreeRules rules={s.threeRules} /> : null}
      <div className="form-actions">
        {/* Received now, so it gets our label now: the parcel leaves the desk with it. */}
        <a className="btn" href={labelsUrl([s.waybillNo], "76x130")} target="_blank" rel="noreferrer" data-testid={`${testPrefix}-print`}>
          {t("accept.printLabel")}
        </a>
        <button
          type="button"
          className="btn btn-primary btn-wide"
          ref={props.nextRef}
          onClick={props.onNext}
          data-testid={`${testPrefix}-next`}
        >
          {t("accept.next")}
        </button>
      </div>
    </section>
  );
}

export function AcceptResult({ s, nextRef, onNext }: { s: TShipment; nextRef: Ref<HTMLButtonElement>; onNext: () => void }) {
  const t = useT("station");
  const tc = useT("common");
  return (
    <div className="page">
      <AcceptedCard
        s={s}
        testPrefix="accept"
        title={t("accept.resultTitle")}
        waybillLabel={t("accept.waybillNo")}
        waybillTestId="accept-waybill"
        badge={
          <span>
            <span className="muted">{t("accept.promisedAt")}</span>{" "}
            <strong data-testid="accept-promised">{s.promisedAt ? formatDateTime(s.promisedAt) : tc("common.none")}</strong>
          </span>
        }
        note={
          s.routeError ? (
            <div className="alert alert-error" role="alert">
              {t("accept.routeError", { message: s.routeError })}
            </div>
          ) : null
        }
        nextRef={nextRef}
        onNext={onNext}
      />
    </div>
  );
}
