// The sales report's figures and breakdowns (by counter, venue type, product and origin village, and the income
// reaching poor villages): the county's report page and the merchant's own sales.
import type { ReactNode } from "react";
import type { TSalesReport } from "./counters-api.ts";
import { Money } from "./counter-bits.tsx";
import { enumKey, useCountersT } from "./use-counters-t.ts";

/** A share 0–1 as "42.5%" (nothing to share → "—"). */
function share(part: number, whole: number): string {
  return whole > 0 ? `${(Math.round((part / whole) * 1000) / 10).toFixed(1)}%` : "—";
}

function Block({ title, testId, empty, children }: { title: string; testId: string; empty: boolean; children: ReactNode }) {
  const t = useCountersT();
  return (
    <section className="report-block" data-testid={testId}>
      <h3 className="subheading">{title}</h3>
      {empty ? <p className="muted">{t("report.noRows")}</p> : <div className="table-wrap">{children}</div>}
    </section>
  );
}

export function ReportView({ report, showCounters = true }: { report: TSalesReport; showCounters?: boolean }) {
  const t = useCountersT();
  const r = report;
  return (
    <div className="report" data-testid="report">
      <dl className="figures" data-testid="report-figures">
        <div>
          <dt>{t("report.sales")}</dt>
          <dd data-testid="report-sales">{r.totals.sales}</dd>
        </div>
        <div>
          <dt>{t("report.quantity")}</dt>
          <dd>{r.totals.quantity}</dd>
        </div>
        <div>
          <dt>{t("report.amount")}</dt>
          <dd data-testid="report-amount">
            <Money fen={r.totals.amountFen} />
          </dd>
        </div>
        <div className="figure-poor">
          <dt>{t("report.poorIncome")}</dt>
          <dd data-testid="report-poor-amount">
            <Money fen={r.poorVillages.amountFen} />
          </dd>
        </div>
        <div>
          <dt>{t("report.poorVillages")}</dt>
          <dd>{r.poorVillages.villages}</dd>
        </div>
        <div>
          <dt>{t("report.poorShare")}</dt>
          <dd>{share(r.poorVillages.amountFen, r.totals.amountFen)}</dd>
        </div>
      </dl>
      {showCounters ? (
        <>
          <Block title={t("report.byCounter")} testId="report-by-counter" empty={r.byCounter.length === 0}>
            <table className="table table-compact">
              <thead>
                <tr>
                  <th>{t("report.counter")}</th>
                  <th>{t("report.venueType")}</th>
                  <th className="num">{t("report.quantity")}</th>
                  <th className="num">{t("report.amount")}</th>
                </tr>
              </thead>
              <tbody>
                {r.byCounter.map((c) => (
                  <tr key={c.counterId} data-testid="report-counter-row" data-code={c.code}>
                    <td>
                      {c.name} <span className="muted small mono">{c.code}</span>
                    </td>
                    <td>{t(enumKey("venueTypes", c.venueType))}</td>
                    <td className="num">{c.quantity}</td>
                    <td className="num">
                      <Money fen={c.amountFen} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Block>
          <Block title={t("report.byVenueType")} testId="report-by-venue" empty={r.byVenueType.length === 0}>
            <table className="table table-compact">
              <thead>
                <tr>
                  <th>{t("report.venueType")}</th>
                  <th className="num">{t("report.quantity")}</th>
                  <th className="num">{t("report.amount")}</th>
                  <th className="num">{t("report.share")}</th>
                </tr>
              </thead>
              <tbody>
                {r.byVenueType.map((v) => (
                  <tr key={v.venueType}>
                    <td>{t(enumKey("venueTypes", v.venueType))}</td>
                    <td className="num">{v.quantity}</td>
                    <td className="num">
                      <Money fen={v.amountFen} />
                    </td>
                    <td className="num">{share(v.amountFen, r.totals.amountFen)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Block>
        </>
      ) : null}
      <Block title={t("report.byProduct")} testId="report-by-product" empty={r.byProduct.length === 0}>
        <table className="table table-compact">
          <thead>
            <tr>
              <th>{t("report.product")}</th>
              <th>{t("report.merchant")}</th>
              <th className="num">{t("report.quantity")}</th>
              <th className="num">{t("report.amount")}</th>
            </tr>
          </thead>
          <tbody>
            {r.byProduct.map((p) => (
              <tr key={p.productId} data-testid="report-product-row">
                <td>
                  {p.name}
                  {p.spec ? <span className="muted small"> · {p.spec}</span> : null}
                </td>
                <td>{p.merchantName}</td>
                <td className="num">
                  {p.quantity} {p.unit}
                </td>
                <td className="num">
                  <Money fen={p.amountFen} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Block>
      <Block title={t("report.byVillage")} testId="report-by-village" empty={r.byVillage.length === 0}>
        <table className="table table-compact">
          <thead>
            <tr>
              <th>{t("report.village")}</th>
              <th>{t("report.township")}</th>
              <th className="num">{t("report.quantity")}</th>
              <th className="num">{t("report.amount")}</th>
            </tr>
          </thead>
          <tbody>
            {r.byVillage.map((v) => (
              <tr key={v.areaCode ?? "none"} data-poor={v.isPoor}>
                <td>
                  {v.name ?? t("report.unknownVillage")}
                  {v.isPoor ? <span className="poor-tag">{t("report.poorTag")}</span> : null}
                </td>
                <td>{v.townshipName ?? t("report.none")}</td>
                <td className="num">{v.quantity}</td>
                <td className="num">
                  <Money fen={v.amountFen} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Block>
    </div>
  );
}
