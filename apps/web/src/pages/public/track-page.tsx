// 查件: public tracking without a session — waybill number and the last 4 digits of the recipient's phone give the
// masked status, legs and events. The server rate-limits look-ups and answers NOT_FOUND alike for unknown waybills
// and wrong digits.
import { skipToken, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { z } from "zod";
import { useT } from "../../i18n/use-t.ts";
import { Link, useSearchParams } from "react-router";
import { CodeField, FieldSlot, SubmitButton, ZodForm, issueKey, useZodForm } from "../../components/form/index.ts";
import { readApiError } from "../../lib/api-error.ts";
import type { TTracking } from "../../lib/shipments-api.ts";
import { formatDateTime } from "../../lib/time.ts";
import { useTRPC } from "../../lib/trpc.ts";
import { PublicCardHead, PublicScreen } from "./public-screen.tsx";
import { LegDiagram, LightBadge, ShipmentStatusPill, Timeline, useNow } from "../county/shipments/shipment-bits.tsx";

type TAsked = { waybillNo: string; phoneLast4: string };

/** The look-up as typed: a waybill number and exactly four digits, each with the page's own words. */
const ZTrackDraftSchema = z.object({
  waybillNo: z
    .string()
    .transform((v) => v.trim().toUpperCase())
    .refine((v) => v !== "", { message: issueKey("public", "track.required") }),
  phoneLast4: z
    .string()
    .transform((v) => v.trim())
    .refine((v) => /^\d{4}$/.test(v), { message: issueKey("public", "track.last4") }),
});
const FIELDS = ["waybillNo", "phoneLast4"] as const;

export function TrackPage() {
  const t = useT("public");
  const tc = useT("common");
  const trpc = useTRPC();
  const [params] = useSearchParams();
  const [asked, setAsked] = useState<TAsked | null>(null);

  const lookup = useQuery(
    trpc.tracking.lookup.queryOptions(asked ?? skipToken, {
      // Every look-up counts against the rate limit: never retry, never refetch behind the user's back.
      retry: false,
      staleTime: 60_000,
    }),
  );
  const busy = lookup.isFetching;
  // A look-up is the form's "mutation": asking again for the same parcel fetches it again.
  const ask = (next: TAsked) => {
    if (asked && asked.waybillNo === next.waybillNo && asked.phoneLast4 === next.phoneLast4) void lookup.refetch();
    else setAsked(next);
  };
  const kit = useZodForm({
    schema: ZTrackDraftSchema,
    defaultValues: { waybillNo: params.get("waybill") ?? "", phoneLast4: "" },
    fields: FIELDS,
    mutation: { mutate: ask, error: lookup.error, isPending: busy },
  });

  const err = lookup.isError ? readApiError(lookup.error) : null;
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

  return (
    <PublicScreen className="track-screen" brandTo="/track" name={tc("app.name")} tagline={tc("app.tagline")} footer={tc("app.footer")}>
      <main className="track-main">
        <section className="card track-card">
          <PublicCardHead title={t("track.title")} lead={t("track.lead")} testId="track" error={errorText} errorCode={err?.code ?? ""} />
          <ZodForm kit={kit} prefix="track" className="form track-form">
            <CodeField id="track-waybill" name="waybillNo" label={t("track.waybillNo")} />
            <PhoneLast4Field label={t("track.phoneLast4")} />
            <SubmitButton className="btn btn-primary track-submit" label={t("track.submit")} pendingLabel={t("track.submitting")} />
          </ZodForm>
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

/** The last four digits of the recipient's phone, in monospace, never autocompleted; anything but digits is dropped. */
function PhoneLast4Field({ label }: { label: string }) {
  return (
    <FieldSlot id="track-phone" name="phoneLast4" label={label}>
      {({ id, value, onChange, invalid }) => (
        <input
          id={id}
          className="mono"
          inputMode="numeric"
          maxLength={4}
          value={value}
          autoComplete="off"
          aria-invalid={invalid}
          onChange={(e) => onChange(e.target.value.replace(/\D/g, ""))}
          data-testid={id}
        />
      )}
    </FieldSlot>
  );
}

function TrackResult({ r }: { r: TTracking }) {
  const t = useT("public");
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
            {r.selfPickup ? <span className="warn-text"> · {t("track.selfPickupYes")}</span> : null}
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
