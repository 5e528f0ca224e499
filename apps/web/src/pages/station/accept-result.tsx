// The accepted parcel: its new waybill big, its light and promised time, its route and the three rules as recorded,
// with its label to print and "next parcel" (focused) to start over.
import type { Ref } from "react";
import { useTranslation } from "react-i18next";
import type { TShipment } from "../../lib/shipments-api.ts";
import { labelsUrl } from "../../lib/print-labels.ts";
import { formatDateTime } from "../../lib/time.ts";
import { LegDiagram, LightBadge, ThreeRules, useNow } from "../shipments/shipment-bits.tsx";

export function AcceptResult({ s, nextRef, onNext }: { s: TShipment; nextRef: Ref<HTMLButtonElement>; onNext: () => void }) {
  const { t } = useTranslation();
  const now = useNow();
  const legs = s.legs.filter((l) => l.status !== "CANCELLED");
  return (
    <div className="page">
      <section className="card accept-result" data-testid="accept-result" data-waybill={s.waybillNo}>
        <h2 className="card-title">{t("accept.resultTitle")}</h2>
        <div className="muted small">{t("accept.waybillNo")}</div>
        <div className="waybill-huge mono" data-testid="accept-waybill">
          {s.waybillNo}
        </div>
        <div className="hero-badges">
          <LightBadge light={s.light} />
          <span>
            <span className="muted">{t("accept.promisedAt")}</span>{" "}
            <strong data-testid="accept-promised">{s.promisedAt ? formatDateTime(s.promisedAt) : t("common.none")}</strong>
          </span>
        </div>
        {s.routeError ? (
          <div className="alert alert-error" role="alert">
            {t("accept.routeError", { message: s.routeError })}
          </div>
        ) : null}
        {legs.length ? <LegDiagram legs={legs} now={now} /> : null}
        {s.threeRules ? <ThreeRules rules={s.threeRules} /> : null}
        <div className="form-actions">
          <a
            className="btn"
            href={labelsUrl([s.waybillNo], "76x130")}
            target="_blank"
            rel="noreferrer"
            data-testid="accept-print"
          >
            {t("accept.printLabel")}
          </a>
          <button type="button" className="btn btn-primary btn-wide" ref={nextRef} onClick={onNext} data-testid="accept-next">
            {t("accept.next")}
          </button>
        </div>
      </section>
    </div>
  );
}
