// Pieces shared by the shipment pages, the acceptance desk and public tracking: light badges, status pills,
// the route drawn as a row of nodes, the event timeline and the three-rules ticks.
import { useEffect, useState } from "react";
import type { TLight, TShipment, TShipmentStatus } from "../../../lib/shipments-api.ts";
import { routeErrorText } from "../../../lib/route-error.ts";
import { formatDateTime, formatShortDateTime } from "../../../lib/time.ts";
import { LIGHTS } from "@xiangda/domain";
import { detailEntries, knownEventType, legDisplayLight, lightReasonKey } from "./shipment-format.ts";
import { useT } from "../../../i18n/use-t.ts";

/** The current time, refreshed every `ms` so lights computed from it move on while the page stays open. */
export function useNow(ms = 60_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

const isLight = (value: unknown): value is TLight => typeof value === "string" && (LIGHTS as readonly string[]).includes(value);

export function LightBadge({ light, title }: { light: TLight; title?: string | undefined }) {
  const te = useT("enums");
  return (
    <span className={`light-badge light-${light.toLowerCase()}`} data-testid="light-badge" data-light={light} title={title}>
      <span className="light-dot" aria-hidden="true" />
      {te(`lights.${light}`)}
    </span>
  );
}

/** A light reason the server wrote (translated when it is one of its fixed phrases, else as written). */
export function LightReason({ reason }: { reason: string | null | undefined }) {
  const te = useT("enums");
  if (!reason) return null;
  const key = lightReasonKey(reason);
  return <>{key ? te(`lightReasons.${key}`) : routeErrorText(reason)}</>;
}

const STATUS_TONE: Partial<Record<TShipmentStatus, string>> = {
  DELIVERED: "status-active",
  AWAITING_PICKUP: "status-active",
  IN_TRANSIT: "status-info",
  AT_NODE: "status-info",
  ACCEPTED: "status-info",
  EXCEPTION: "status-closed",
  RETURNED: "status-suspended",
  CANCELLED: "status-muted",
};

export function ShipmentStatusPill({ status }: { status: TShipmentStatus }) {
  const te = useT("enums");
  return (
    <span className={`status-pill ${STATUS_TONE[status] ?? "status-muted"}`} data-testid="shipment-status" data-status={status}>
      {te(`shipmentStatus.${status}`)}
    </span>
  );
}

/** What the diagram needs of a leg; the public tracking view has no lane, plan or stored light. */
export interface TDiagramLeg {
  from: string | null;
  to: string | null;
  plannedDepart: string;
  plannedArrive: string;
  actualDepart: string | null;
  actualArrive: string | null;
  status: "PLANNED" | "DEPARTED" | "ARRIVED" | "CANCELLED";
  light?: TLight;
  lane?: string;
}

function LegTimes({ label, depart, arrive }: { label: string; depart: string | null; arrive: string | null }) {
  const t = useT("shipments");
  const tc = useT("common");
  return (
    <div className="leg-times">
      <span className="leg-times-label">{label}</span>
      <span className="nowrap" title={depart ? formatDateTime(depart) : undefined}>
        {t("shipments.depart")} {depart ? formatShortDateTime(depart) : tc("common.none")}
      </span>
      <span className="nowrap" title={arrive ? formatDateTime(arrive) : undefined}>
        {t("shipments.arrive")} {arrive ? formatShortDateTime(arrive) : tc("common.none")}
      </span>
    </div>
  );
}

/**
 * The route as a horizontal row of nodes joined by legs; each leg is coloured by its light (dashed while only planned).
 * `faded` draws a cancelled plan. Scrolls sideways inside its card when the route is wider than the screen.
 */
export function LegDiagram({
  legs,
  now,
  faded = false,
  testId = "leg-diagram",
}: {
  legs: readonly TDiagramLeg[];
  now: Date;
  faded?: boolean;
  testId?: string;
}) {
  const t = useT("shipments");
  const tc = useT("common");
  const te = useT("enums");
  const last = legs[legs.length - 1];
  if (!last) return null;
  return (
    <div className="leg-diagram-wrap">
      <ol className={`leg-diagram${faded ? " leg-diagram-faded" : ""}`} data-testid={testId}>
        {legs.map((leg, i) => {
          const light = faded ? null : legDisplayLight(leg, now);
          const tone = light ? `leg-${light.toLowerCase()}` : "leg-cancelled";
          return (
            <li
              key={`${i}-${leg.lane ?? ""}`}
              className={`leg ${tone} leg-${leg.status.toLowerCase()}`}
              data-testid="leg"
              data-status={leg.status}
              data-light={light ?? ""}
            >
              <div className="leg-track" aria-hidden="true">
                <span className="leg-dot" />
                <span className="leg-bar" />
              </div>
              <div className="leg-node">{leg.from ?? tc("common.none")}</div>
              <div className="leg-info">
                <div className="leg-head">
                  {leg.lane ? <code className="mono">{leg.lane}</code> : null}
                  <span className="leg-status">{te(`legStatus.${leg.status}`)}</span>
                  {light ? <span className="sr-only">{te(`lights.${light}`)}</span> : null}
                </div>
                <LegTimes label={t("shipments.planned")} depart={leg.plannedDepart} arrive={leg.plannedArrive} />
                {leg.actualDepart || leg.actualArrive ? (
                  <LegTimes label={t("shipments.actual")} depart={leg.actualDepart} arrive={leg.actualArrive} />
                ) : null}
              </div>
            </li>
          );
        })}
        <li className="leg leg-end">
          <div className="leg-track" aria-hidden="true">
            <span className="leg-dot" />
          </div>
          <div className="leg-node">{last.to ?? tc("common.none")}</div>
        </li>
      </ol>
    </div>
  );
}

export interface TTimelineEvent {
  at: string;
  type: string;
  node: string | null;
  details?: unknown;
}

const SHOWN_DETAILS = ["shelfSlot", "units", "batchNo", "restockOrderNo"] as const;
type TShownDetail = (typeof SHOWN_DETAILS)[number];

/** An event's name: its label (every type the server writes has one, SHIPMENT_EVENT_TYPES), or for a type without one
 * a generic "other record" (never the raw type). */
function useEventLabel(): (type: string) => string {
  const te = useT("enums");
  return (type) => {
    const known = knownEventType(type);
    return known ? te(`events.${known}`) : te("eventDetails.otherEvent");
  };
}

function EventDetail({ event }: { event: TTimelineEvent }) {
  const t = useT("shipments");
  const te = useT("enums");
  // The public view carries no details at all: say nothing rather than "not screened".
  if (event.details === undefined || event.details === null) return null;
  const d = (typeof event.details === "object" && event.details !== null ? event.details : {}) as Record<string, unknown>;
  switch (event.type) {
    case "LIGHT_CHANGED":
      return (
        <span className="event-detail">
          {isLight(d.from) ? <LightBadge light={d.from} /> : null}
          {isLight(d.from) && isLight(d.to) ? " → " : null}
          {isLight(d.to) ? <LightBadge light={d.to} /> : null} <LightReason reason={typeof d.reason === "string" ? d.reason : null} />
        </span>
      );
    case "ROUTE_FAILED":
      return <span className="event-detail danger-text">{typeof d.message === "string" ? routeErrorText(d.message) : null}</span>;
    case "ROUTED":
    case "REROUTED":
      return typeof d.plan === "number" ? <span className="event-detail muted">{t("shipments.planN", { plan: d.plan })}</span> : null;
    case "ACCEPTED":
    case "SCREENED": {
      const screened = d.screened === true;
      return (
        <span className="event-detail muted">
          {t("shipments.screened")}: {screened ? "✓" : t("shipments.ruleMissing")}
          {typeof d.device === "string" && d.device ? ` · ${d.device}` : null}
          {typeof d.announcedAtName === "string" ? ` · ${te("eventDetails.announcedAt", { node: d.announcedAtName })}` : null}
        </span>
      );
    }
    case "SHELF_MOVED":
      return typeof d.from === "string" && typeof d.to === "string" ? (
        <span className="event-detail muted">{te("eventDetails.shelfMoved", { from: d.from, to: d.to })}</span>
      ) : null;
    case "ROLLED":
      return typeof d.load === "string" ? (
        <span className="event-detail muted">{te("eventDetails.rolledFrom", { load: d.load })}</span>
      ) : null;
    case "RETURN_FLAGGED":
      return <span className="event-detail muted">{te("eventDetails.holdExpired")}</span>;
    case "RETURNED":
    case "LOST":
      return d.by === "EXCEPTION_QUEUE" ? <span className="event-detail muted">{te("eventDetails.byExceptionQueue")}</span> : null;
    case "PICKUP_NOTICE_RESENT":
      return null;
    case "MANIFEST_ARRIVAL":
    case "MANIFEST_ANNOUNCED":
    case "PRE_ADVISED":
      return typeof d.row === "number" ? <span className="event-detail muted">{`${t("manifest.row")} ${d.row}`}</span> : null;
    default: {
      // Only the details a person reads, labelled in the UI's language: never ids (clientScanId) or server sentences.
      const entries = detailEntries(event.details).filter((e): e is [TShownDetail, string] =>
        (SHOWN_DETAILS as readonly string[]).includes(e[0]),
      );
      return entries.length ? (
        <span className="event-detail muted">{entries.map(([k, v]) => `${te(`eventDetails.${k}`)}: ${v}`).join(" · ")}</span>
      ) : null;
    }
  }
}

/** Events newest first. */
export function Timeline({ events }: { events: readonly TTimelineEvent[] }) {
  const t = useT("shipments");
  const eventLabel = useEventLabel();
  if (events.length === 0) return <p className="muted">{t("shipments.noEvents")}</p>;
  const ordered = [...events].reverse();
  return (
    <ol className="timeline" data-testid="timeline">
      {ordered.map((e, i) => {
        return (
          <li
            key={`${e.at}-${e.type}-${i}`}
            className={`timeline-item${i === 0 ? " latest" : ""}`}
            data-testid="timeline-event"
            data-type={e.type}
          >
            <span className="timeline-dot" aria-hidden="true" />
            <div className="timeline-body">
              <div className="timeline-head">
                <strong>{eventLabel(e.type)}</strong>
                {e.node ? <span className="timeline-node">{e.node}</span> : null}
              </div>
              <time className="muted small" dateTime={e.at}>
                {formatDateTime(e.at)}
              </time>
              <EventDetail event={e} />
            </div>
          </li>
        );
      })}
    </ol>
  );
}

export function ThreeRules({ rules }: { rules: NonNullable<TShipment["threeRules"]> }) {
  const t = useT("shipments");
  const items = [
    { key: "realName", done: rules.realName, label: t("shipments.realName") },
    { key: "inspected", done: rules.inspected, label: t("shipments.inspected") },
    { key: "screened", done: rules.screened, label: t("shipments.screened") },
  ];
  return (
    <ul className="rule-list" data-testid="three-rules">
      {items.map((r) => (
        <li key={r.key} className={r.done ? "rule-done" : "rule-missing"} data-rule={r.key} data-done={r.done}>
          <span aria-hidden="true">{r.done ? "✓" : "✗"}</span> {r.label}
          {r.done ? null : <span className="sr-only">{t("shipments.ruleMissing")}</span>}
        </li>
      ))}
    </ul>
  );
}
