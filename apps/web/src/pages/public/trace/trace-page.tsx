// 扫码溯源: the public page a traceability QR label opens (/t/<code>), no login. Shows the product, its
// certifications, the origin village and township, the batch, and a vertical timeline of each parcel's route
// to the counter. Without a code (/t) it asks for one. The server rate-limits look-ups and answers NOT_FOUND
// for any code it does not know.
import { useQuery } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { z } from "zod";
import { Link, useNavigate, useParams } from "react-router";
import { CodeField, SubmitButton, ZodForm, issueKey, useZodForm } from "../../../components/form/index.ts";
import { readApiError } from "../../../lib/api-error.ts";
import { formatDate, formatShortDateTime } from "../../../lib/time.ts";
import { useTRPC } from "../../../lib/trpc.ts";
import { PublicScreen } from "../public-screen.tsx";
import type { TTrace, TTraceRoute } from "./trace-api.ts";
import { isDelivered, routeStops } from "./trace-stops.ts";
import "./trace.css";
import { useT, type TKey } from "../../../i18n/use-t.ts";
import { enumKey } from "./trace-keys.ts";

/// Parcels shown before "show all".
const FIRST_ROUTES = 3;

export function TracePage() {
  const tt = useT("trace");
  const { code } = useParams();
  return (
    <PublicScreen className="track-screen trace-screen" brandTo="/t" name={tt("title")} tagline={tt("poverty")} footer={tt("privacy")}>
      <main className="track-main">{code ? <TraceLookup code={code} /> : <TraceForm />}</main>
    </PublicScreen>
  );
}

/** The code as typed: required (the page's own words); a pasted link keeps only its code, and spaces and dashes of a
 * typed code are dropped (the server drops them too). */
const ZTraceDraftSchema = z.object({
  code: z
    .string()
    .transform((v) => v.trim())
    .refine((v) => v !== "", { message: issueKey("trace", "required") })
    .transform((raw) => (/\/t\/([^/?#\s]+)/i.exec(raw)?.[1] ?? raw).replace(/[\s-]+/g, "").toUpperCase()),
});
const FIELDS = ["code"] as const;

function TraceForm({ initial = "" }: { initial?: string }) {
  const tt = useT("trace");
  const navigate = useNavigate();
  const kit = useZodForm({
    schema: ZTraceDraftSchema,
    defaultValues: { code: initial },
    fields: FIELDS,
    // Looking a code up is opening its page.
    mutation: { mutate: ({ code }) => void navigate(`/t/${encodeURIComponent(code)}`), error: null, isPending: false },
  });
  return (
    <section className="card track-card">
      <h1 className="login-heading" data-testid="trace-heading">
        {tt("title")}
      </h1>
      <p className="muted">{tt("lead")}</p>
      <ZodForm kit={kit} prefix="trace" className="form trace-form">
        <CodeField name="code" label={tt("code")} hint={tt("codeHint")} />
        <SubmitButton label={tt("submit")} />
      </ZodForm>
    </section>
  );
}

function TraceLookup({ code }: { code: string }) {
  const tt = useT("trace");
  const trpc = useTRPC();
  // Every look-up counts against the rate limit: never retry, never refetch behind the reader's back.
  const q = useQuery(trpc.trace.get.queryOptions({ code }, { retry: false, staleTime: 5 * 60_000, refetchOnWindowFocus: false }));
  if (q.isPending) {
    return (
      <section className="card track-card" role="status">
        <span className="spinner" aria-hidden="true" /> {tt("loading")}
      </section>
    );
  }
  if (q.isError) {
    const err = readApiError(q.error);
    const text =
      err.code === "NOT_FOUND"
        ? tt("notFound")
        : err.code === "TOO_MANY_REQUESTS"
          ? tt("rateLimited")
          : err.isNetwork
            ? tt("network")
            : tt("failed", { message: err.message });
    return (
      <>
        <div className="alert alert-error" role="alert" data-testid="trace-error" data-code={err.code ?? ""}>
          <span>{text}</span>
          {err.code === "NOT_FOUND" ? null : (
            <button type="button" className="btn btn-small" onClick={() => void q.refetch()}>
              {tt("retry")}
            </button>
          )}
        </div>
        <TraceForm initial={code} />
      </>
    );
  }
  return (
    <>
      <TraceResult r={q.data} />
      <p className="track-foot">
        <Link to="/t" className="link-on-dark" data-testid="trace-another">
          {tt("another")}
        </Link>
      </p>
    </>
  );
}

function TraceResult({ r }: { r: TTrace }) {
  const tt = useT("trace");
  const [all, setAll] = useState(false);
  const p = r.product;
  const routes = all ? r.routes : r.routes.slice(0, FIRST_ROUTES);
  return (
    <>
      <section className="card track-card" data-testid="trace-result" data-code={r.traceCode}>
        <div className="shipment-hero trace-hero">
          <div>
            <span className="trace-badge">{tt("poverty")}</span>
            <h1 className="trace-name" data-testid="trace-product">
              {p.name}
            </h1>
            {p.regionalBrand ? <div className="trace-brand">{p.regionalBrand}</div> : null}
          </div>
          <div className="trace-code mono" aria-label={tt("code")}>
            {r.traceCode.replace(/(.{4})(?=.)/g, "$1 ")}
          </div>
        </div>
        <dl className="detail-list trace-facts">
          <Fact label={tt("category")}>{tt(enumKey("categories", p.category))}</Fact>
          <Fact label={tt("spec")}>{p.spec ?? p.unit}</Fact>
          <Fact label={tt("temp")}>{tt(enumKey("temps", p.temp))}</Fact>
          <Fact label={tt("shelfLife")}>{tt("shelfLifeDays", { days: p.shelfLifeDays })}</Fact>
          <Fact label={tt("merchant")}>
            <span data-testid="trace-merchant">{r.merchant.name}</span>
            <span className="muted small"> · {tt(enumKey("merchantTypes", r.merchant.type))}</span>
          </Fact>
          <Fact label={tt("batchNo")}>
            <span className="mono">{r.batch.batchNo}</span>
          </Fact>
          <Fact label={tt("producedOn")}>{formatDate(`${r.batch.producedOn}T00:00:00+08:00`)}</Fact>
        </dl>
      </section>

      <section className="card track-card" data-testid="trace-origin">
        <h2 className="subheading">{tt("origin")}</h2>
        <ol className="trace-origin">
          {r.origin.village ? <OriginPlace label={tt("village")} place={r.origin.village} /> : null}
          {r.origin.township ? <OriginPlace label={tt("township")} place={r.origin.township} /> : null}
          {r.origin.county ? (
            <OriginPlace
              label={tt("county")}
              place={{ code: r.origin.county.code, name: `${r.origin.county.city} ${r.origin.county.name}` }}
            />
          ) : null}
        </ol>
        <h2 className="subheading track-sub">{tt("certifications")}</h2>
        {p.certifications.length ? (
          <ul className="trace-certs" data-testid="trace-certs">
            {p.certifications.map((c) => (
              <li key={c.kind} className="trace-cert" data-valid={c.validToday}>
                <strong>{tt(enumKey("certKinds", c.kind))}</strong>
                <span className={`trace-validity ${c.validToday ? "is-valid" : "is-expired"}`}>
                  {c.validToday ? tt("valid") : tt("expired")}
                </span>
                <span className="muted small mono">{tt("certNumber", { number: c.number })}</span>
                <span className="muted small">{tt("validUntil", { date: formatDate(`${c.validUntil}T00:00:00+08:00`) })}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{tt("noCertifications")}</p>
        )}
      </section>

      <section className="card track-card" data-testid="trace-routes">
        <h2 className="subheading">{tt("route")}</h2>
        {r.routes.length === 0 ? <p className="muted">{tt("noRoutes")}</p> : null}
        {routes.map((route, i) => (
          <RouteTimeline key={i} n={i + 1} route={route} unit={p.unit} origin={r.origin.village?.name ?? r.origin.township?.name ?? null} />
        ))}
        {r.routes.length > FIRST_ROUTES ? (
          <button type="button" className="btn btn-ghost btn-small" onClick={() => setAll(!all)} data-testid="trace-more">
            {all ? tt("fewerRoutes") : tt("moreRoutes", { count: r.routes.length })}
          </button>
        ) : null}
      </section>
    </>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="detail-item">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function OriginPlace({ label, place }: { label: string; place: { code: string; name: string } }) {
  return (
    <li className="trace-origin-place">
      <span className="muted small">{label}</span>
      <strong>{place.name}</strong>
      <span className="muted small mono">{place.code}</span>
    </li>
  );
}

function RouteTimeline({ n, route, unit, origin }: { n: number; route: TTraceRoute; unit: string; origin: string | null }) {
  const tt = useT("trace");
  const stops = routeStops(route);
  const delivered = isDelivered(route.status);
  const time = (iso: string) => formatShortDateTime(iso);
  return (
    <div className="trace-route" data-testid="trace-route">
      <div className="trace-route-head">
        <strong>{tt("toCounter", { name: route.counter.name })}</strong>
        <span className="muted small">
          {tt("parcel", { n, units: route.units, unit })} · {tt(enumKey("statuses", route.status))}
        </span>
      </div>
      <ol className="timeline trace-timeline">
        {stops.map((s, i) => (
          <li
            key={`${s.node}-${i}`}
            className={`timeline-item trace-stop${s.reached ? " reached" : ""}`}
            data-testid="trace-stop"
            data-reached={s.reached}
          >
            <span className="timeline-dot" aria-hidden="true" />
            <div className="timeline-body">
              <div className="timeline-head">
                <strong>{s.node}</strong>
                {i === 0 ? <span className="timeline-node">{origin ? `${tt("originStop")} · ${origin}` : tt("originStop")}</span> : null}
              </div>
              <StopTime at={s.arrive} done="arrived" planned="arrivePlanned" />
              <StopTime at={s.depart} done="departed" planned="departPlanned" />
              {s.scans.length ? (
                <ul className="trace-scans" aria-label={tt("scans")}>
                  {s.scans.map((x, k) => (
                    <li key={k} className="muted small" data-testid="trace-scan">
                      {tt(enumKey("actions", x.action))} · <time dateTime={x.at}>{time(x.at)}</time>
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          </li>
        ))}
        <li
          className={`timeline-item trace-stop trace-counter${delivered ? " reached" : ""}`}
          data-testid="trace-counter"
          data-reached={delivered}
        >
          <span className="timeline-dot" aria-hidden="true" />
          <div className="timeline-body">
            <div className="timeline-head">
              <strong>{route.counter.name}</strong>
              <span className="timeline-node">
                {tt("counterStop")} · {tt(enumKey("venueTypes", route.counter.venueType))}
                {route.counter.city ? ` · ${route.counter.city}` : ""}
              </span>
            </div>
            {route.promisedAt && !delivered ? (
              <span className="muted small">{tt("promised", { time: time(route.promisedAt) })}</span>
            ) : null}
          </div>
        </li>
      </ol>
    </div>
  );
}

/** A stop's arrival or departure: when it happened, else (muted) when it is planned. */
function StopTime({
  at,
  done,
  planned,
}: {
  at: { actual?: string | null; planned: string } | null | undefined;
  done: TKey<"trace">;
  planned: TKey<"trace">;
}) {
  const tt = useT("trace");
  if (!at) return null;
  return (
    <span className="small">
      {at.actual ? (
        tt(done, { time: formatShortDateTime(at.actual) })
      ) : (
        <span className="muted">{tt(planned, { time: formatShortDateTime(at.planned) })}</span>
      )}
    </span>
  );
}
