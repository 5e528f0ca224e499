// Small pieces shared by the merchant, counter and county counter pages: status pills, money, validity marks,
// certification chips, a stock cell with its below-minimum warning, and a day-range filter.
import { addDays, monthStart, shanghaiDay } from "../../lib/time.ts";
import { formatFen } from "../../lib/numbers.ts";
import { readApiError } from "../../lib/api-error.ts";
import type { TListingStatus } from "./counters-api.ts";
import { validityOf } from "./counters-format.ts";
import "./counters.css";
import { useT } from "../../i18n/use-t.ts";
import { enumKey } from "./counter-keys.ts";

const LISTING_TONE: Record<TListingStatus, string> = {
  DRAFT: "status-muted",
  PENDING_REVIEW: "status-suspended",
  ACTIVE: "status-active",
  REJECTED: "status-closed",
  DELISTED: "status-muted",
};

export function ListingStatusPill({ status }: { status: TListingStatus }) {
  const t = useT("counters");
  return (
    <span className={`status-pill ${LISTING_TONE[status]}`} data-testid="listing-status" data-status={status}>
      {t(enumKey("listingStatus", status))}
    </span>
  );
}

/** What went wrong with a button's action (approve, confirm, submit…): the API's reasons, each on a line. */
export function ActionError({ error, testId }: { error: unknown; testId?: string }) {
  const t = useT("common");
  const tp = useT("public");
  const tc = useT("counters");
  if (!error) return null;
  const e = readApiError(error);
  const reasons = [...new Set([...Object.values(e.fieldErrors), ...e.formErrors])];
  const head = e.isNetwork
    ? tp("login.network")
    : e.code === "FORBIDDEN"
      ? t("common.forbidden")
      : reasons.length
        ? tc("errors.actionFailed")
        : tc("errors.actionFailedWith", { message: e.message });
  return (
    <div className="alert alert-error" role="alert" data-testid={testId}>
      <div>
        <div>{head}</div>
        {reasons.length && !e.isNetwork ? (
          <ul className="error-list">
            {reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}

export function Money({ fen, testId }: { fen: number; testId?: string }) {
  return (
    <span className="num nowrap" data-testid={testId} data-fen={fen}>
      {formatFen(fen)}
    </span>
  );
}

/** "valid until …", "expires soon", "expired", or "none": a recognition's or certification's last valid day seen today. */
export function ValidityMark({ validUntil, today, testId }: { validUntil: string | null | undefined; today: string; testId?: string }) {
  const t = useT("counters");
  const state = validityOf(validUntil, today);
  const tone = state === "ok" ? "status-active" : state === "soon" ? "status-suspended" : "status-closed";
  return (
    <span className={`status-pill ${tone}`} data-testid={testId} data-validity={state}>
      {state === "missing" ? t("validity.missing") : t(`validity.${state}`, { date: validUntil })}
    </span>
  );
}

export function CertChips({ certs, today }: { certs: ReadonlyArray<{ kind: string; number: string; validUntil: string }>; today: string }) {
  const t = useT("counters");
  if (certs.length === 0) return <span className="muted">{t("products.noCerts")}</span>;
  return (
    <ul className="cert-chips">
      {certs.map((c) => {
        const state = validityOf(c.validUntil, today);
        return (
          <li
            key={c.kind}
            className={`cert-chip cert-${state}`}
            title={`${c.number} · ${t(`validity.${state === "missing" ? "ok" : state}`, { date: c.validUntil })}`}
          >
            {t(enumKey("certKinds", c.kind))}
            {state === "expired" ? ` · ${t("validity.expiredShort")}` : state === "soon" ? ` · ${t("validity.soonShort")}` : null}
          </li>
        );
      })}
    </ul>
  );
}

export function StockCell({ stock, minStock, belowMin, testId }: { stock: number; minStock: number; belowMin: boolean; testId?: string }) {
  const t = useT("counters");
  return (
    <span className={`stock${belowMin ? " stock-low" : ""}`}>
      <span className="num" data-testid={testId} data-stock={stock}>
        {stock}
      </span>
      <span className="muted small"> / {t("listings.minShort", { min: minStock })}</span>
      {belowMin ? (
        <span className="status-pill status-closed stock-warn" data-testid="below-min">
          {t("listings.belowMin")}
        </span>
      ) : null}
    </span>
  );
}

export interface TDayRange {
  from: string;
  to: string;
}

/** The last `days` days up to today (Asia/Shanghai). */
export const lastDays = (days: number, today = shanghaiDay()): TDayRange => ({ from: addDays(today, -(days - 1)), to: today });

export function DayRangeFilter({
  value,
  onChange,
  testId = "range",
}: {
  value: TDayRange;
  onChange: (r: TDayRange) => void;
  testId?: string;
}) {
  const t = useT("counters");
  const today = shanghaiDay();
  return (
    <div className="filters">
      <label className="inline-field">
        <span>{t("range.from")}</span>
        <input
          type="date"
          value={value.from}
          max={value.to}
          onChange={(e) => e.target.value && onChange({ ...value, from: e.target.value })}
          data-testid={`${testId}-from`}
        />
      </label>
      <label className="inline-field">
        <span>{t("range.to")}</span>
        <input
          type="date"
          value={value.to}
          min={value.from}
          onChange={(e) => e.target.value && onChange({ ...value, to: e.target.value })}
          data-testid={`${testId}-to`}
        />
      </label>
      <button type="button" className="btn btn-small" onClick={() => onChange({ from: today, to: today })} data-testid={`${testId}-today`}>
        {t("range.today")}
      </button>
      <button type="button" className="btn btn-small" onClick={() => onChange(lastDays(7, today))}>
        {t("range.last7")}
      </button>
      <button type="button" className="btn btn-small" onClick={() => onChange({ from: monthStart(today), to: today })}>
        {t("range.month")}
      </button>
    </div>
  );
}
