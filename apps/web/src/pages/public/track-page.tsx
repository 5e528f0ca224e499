// 查件: public tracking without a session — waybill number and the last 4 digits of the recipient's phone give the
// masked status, legs and events. The server rate-limits look-ups and answers NOT_FOUND alike for unknown waybills
// and wrong digits.
import { skipToken, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useT } from "../../i18n/use-t.ts";
import { Link, useSearchParams } from "react-router";
import { FormField } from "../../components/form-field.tsx";
import { fieldError, readApiError } from "../../lib/api-error.ts";
import type { TTracking } from "../../lib/shipments-api.ts";
import { formatDateTime } from "../../lib/time.ts";
import { useTRPC } from "../../lib/trpc.ts";
import { PublicScreen } from "./public-screen.tsx";
import { LegDiagram, LightBadge, ShipmentStatusPill, Timeline, useNow } from "../county/shipments/shipment-bits.tsx";

type TFields = "waybillNo" | "phoneLast4";

export function TrackPage() {
  const t = useT("public");
  const tc = useT("common");
  const trpc = useTRPC();
  const [params] = useSearchParams();
  const [waybillNo, setWaybillNo] = useState(params.get("waybill") ?? "");
  const [phoneLast4, setPhoneLast4] = useState("");
  const [localErrors, setLocalErrors] = useState<Partial<Record<TFields, string>>>({});
  const [asked, setAsked] = useState<{ waybillNo: string; phoneLast4: string } | null>(null);

  const lookup = useQuery(
    trpc.tracking.lookup.queryOptions(asked ?? skipToken, {
      // Every look-up counts against the rate limit: never retry, never refetch behind the user's back.
      retry: false,
      staleTime: 60_000,
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors: Partial<Record<TFields, string>> = {};
    const wb = waybillNo.trim().toUpperCase();
    const last4 = phoneLast4.trim();
    if (!wb) errors.waybillNo = t("track.required");
    if (!/^\d{4}$/.test(last4)) errors.phoneLast4 = t("track.last4");
    setLocalErrors(errors);
    if (Object.keys(errors).length > 0) return;
    const next = { waybillNo: wb, phoneLast4: last4 };
    if (asked && asked.waybillNo === next.waybillNo && asked.phoneLast4 === next.phoneLast4) void lookup.refetch();
    else setAsked(next);
  }

  const err = lookup.isError ? readApiError(lookup.error) : null;
  const serverField = (field: TFields) => (err ? fieldError(err.fieldErrors, field) : undefined);
  const fieldErr = (field: TFields) => localErrors[field] ?? serverField(field);
  const errorText = !err
    ? null
    : err.code === "NOT_FOUND"
      ? t("track.notFound")
      : err.code === "TOO_MANY_REQUESTS"
        ? t("track.rateLimited")
        : err.isNetwork
          ? t("login.network")
          : Object.keys(err.fieldErrors).length > 0
            ? tc("common.checkFields")
            : t("track.failed", { message: err.message });
  const busy = lookup.isFetching;

  return (
    <PublicScreen className="track-screen" brandTo="/track" name={tc("app.name")} tagline={tc("app.tagline")} footer={tc("app.footer")}>
      <main className="track-main">
        <section className="card track-card">
          <h1 className="login-heading" data-testid="track-heading">
            {t("track.title")}
          </h1>
          <p className="muted">{t("track.lead")}</p>
          {errorText ? (
            <div className="alert alert-error" role="alert" data-testid="track-error" data-code={err?.code ?? ""}>
              {errorText}
            </div>
          ) : null}
          <form className="form track-form" onSubmit={onSubmit} noValidate data-testid="track-form">
            <FormField id="track-waybill" label={t("track.waybillNo")} error={fieldErr("waybillNo")}>
              <input
                id="track-waybill"
                className="mono"
                value={waybillNo}
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                aria-invalid={Boolean(fieldErr("waybillNo"))}
                onChange={(e) => setWaybillNo(e.target.value)}
                data-testid="track-waybill"
              />
            </FormField>
            <FormField id="track-phone" label={t("track.phoneLast4")} error={fieldErr("phoneLast4")}>
              <input
                id="track-phone"
                className="mono"
                value={phoneLast4}
                inputMode="numeric"
                autoComplete="off"
                maxLength={4}
                aria-invalid={Boolean(fieldErr("phoneLast4"))}
                onChange={(e) => setPhoneLast4(e.target.value.replace(/\D/g, ""))}
                data-testid="track-phone"
              />
            </FormField>
            <button type="submit" className="btn btn-primary track-submit" disabled={busy} data-testid="track-submit">
              {busy ? t("track.submitting") : t("track.submit")}
            </button>
          </form>
        </section>
        {lookup.data && !err ? <TrackResult r={lookup.data} /> : null}
        <p className="track-foot">
          <Link to="/login" className="link-on-dark" data-testid="track-login">
            {t("track.backToLogin")}
          </Link>
        </p>
      </main>
    </PublicScreen>
  );
}

function TrackResult({ r }: { r: TTracking }) {
  const t = useT("public");
  const ts = useT("shipments");
  const tc = useT("common");
  const now = useNow();
  const none = <span className="muted">{tc("common.none")}</span>;
  return (
    <section className="card track-card" data-testid="track-result" data-waybill={r.waybillNo}>
      <div className="shipment-hero">
        <div>
          <div className="muted small">{t("track.waybillNo")}</div>
          <h2 className="waybill-big mono">{r.waybillNo}</h2>
          {r.carrier ? <div className="muted small">{r.carrier}</div> : null}
        </div>
        <div className="hero-badges">
          <ShipmentStatusPill status={r.status} />
          <LightBadge light={r.light} />
        </div>
      </div>
      <dl className="detail-list">
        <div className="detail-item">
          <dt>{t("track.promisedAt")}</dt>
          <dd>{r.promisedAt ? formatDateTime(r.promisedAt) : none}</dd>
        </div>
        <div className="detail-item">
          <dt>{t("track.destination")}</dt>
          <dd>
            {r.destination ?? none}
            {r.selfPickup ? <span className="warn-text"> · {ts("shipments.selfPickupYes")}</span> : null}
          </dd>
        </div>
        <div className="detail-item">
          <dt>{t("track.recipient")}</dt>
          <dd data-testid="track-recipient">
            {r.recipient.name} <span className="mono">{r.recipient.phone}</span>
          </dd>
        </div>
      </dl>
      {r.legs.length ? (
        <>
          <h3 className="subheading track-sub">{t("track.legs")}</h3>
          <LegDiagram legs={r.legs} now={now} />
        </>
      ) : null}
      <h3 className="subheading track-sub">{t("track.events")}</h3>
      <Timeline events={r.events} />
    </section>
  );
}
