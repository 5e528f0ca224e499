// 预约件收寄: a parcel whose waybill exists before it is handed in (a merchant's confirmed restock order, say) is
// accepted at the node it waits at, or at any other node of its county that holds it (the route is then re-planned
// from there). The desk scans the waybill, inspects the contents against the prohibited-items list,
// and records screening if it has a machine; the sender's resident ID only when the sender has no real-name record
// (a merchant registered with its credit code has one). The result shows the three rules and the route.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { FormField } from "../../components/form-field.tsx";
import { fieldError, readApiError } from "../../lib/api-error.ts";
import { labelsUrl } from "../../lib/print-labels.ts";
import { formatShortDateTime } from "../../lib/time.ts";
import { useTRPC } from "../../lib/trpc.ts";
import { ErrorSummary } from "../network/error-summary.tsx";
import { allAbsent, InspectionFields, noneChecked, ScreeningFields } from "./three-rules-fields.tsx";
import { LegDiagram, LightBadge, ThreeRules, useNow } from "../shipments/shipment-bits.tsx";
import { PROHIBITED_ITEMS } from "../shipments/shipment-format.ts";

const FIELDS = ["waybillNo", "senderName", "senderIdNumber", "inspection", "screening"] as const;

export function AnnouncedAccept({ nodeId }: { nodeId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const waiting = useQuery(trpc.shipments.awaitingAcceptance.queryOptions({ nodeId }));
  const accept = useMutation(
    trpc.shipments.acceptAnnounced.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.shipments.awaitingAcceptance.pathKey() }),
    }),
  );
  const now = useNow();
  const waybillRef = useRef<HTMLInputElement>(null);
  const [waybillNo, setWaybillNo] = useState("");
  const [senderName, setSenderName] = useState("");
  const [senderId, setSenderId] = useState("");
  const [prohibited, setProhibited] = useState(noneChecked);
  const [inspected, setInspected] = useState(false);
  const [notes, setNotes] = useState("");
  const [screened, setScreened] = useState(false);
  const [device, setDevice] = useState("");
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const server = accept.error ? readApiError(accept.error).fieldErrors : {};
  const errorFor = (field: string) => clientErrors[field] ?? fieldError(server, field);

  useEffect(() => waybillRef.current?.focus(), []);

  function next() {
    setWaybillNo("");
    setSenderName("");
    setSenderId("");
    setProhibited(noneChecked());
    setInspected(false);
    setNotes("");
    setClientErrors({});
    accept.reset();
    requestAnimationFrame(() => waybillRef.current?.focus());
  }

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const errors: Record<string, string> = {};
    if (!waybillNo.trim()) errors.waybillNo = t("form.required");
    if (PROHIBITED_ITEMS.some((item) => !prohibited[item])) errors["inspection.prohibitedAbsent"] = t("accept.mustCheck");
    if (!inspected) errors["inspection.inspected"] = t("accept.mustInspect");
    setClientErrors(errors);
    if (Object.keys(errors).length) return;
    const opt = (v: string) => v.trim() || undefined;
    accept.mutate({
      nodeId,
      waybillNo: waybillNo.trim().toUpperCase(),
      senderName: opt(senderName),
      senderIdNumber: opt(senderId.toUpperCase()),
      inspection: {
        inspected: true,
        prohibitedAbsent: allAbsent(),
        notes: opt(notes),
      },
      screening: screened ? { screened: true, device: opt(device) } : undefined,
    });
  }

  const s = accept.data;
  if (s) {
    const legs = s.legs.filter((l) => l.status !== "CANCELLED");
    // Announced at another node of the county and accepted here (issue #17): say so, the route now starts here.
    const announcedAt = (s.events.find((e) => e.type === "ACCEPTED")?.details as { announcedAtName?: unknown } | null)?.announcedAtName;
    return (
      <section className="card accept-result" data-testid="announced-result" data-waybill={s.waybillNo}>
        <h2 className="card-title">{t("accept.announcedDone")}</h2>
        <div className="waybill-huge mono">{s.waybillNo}</div>
        <div className="hero-badges">
          <LightBadge light={s.light} />
          <span className="muted">{s.contentsCategory}</span>
        </div>
        {typeof announcedAt === "string" ? (
          <p className="muted small" data-testid="announced-elsewhere-done">
            {t("accept.elsewhereDone", { node: announcedAt })}
          </p>
        ) : null}
        {legs.length ? <LegDiagram legs={legs} now={now} /> : null}
        {s.threeRules ? <ThreeRules rules={s.threeRules} /> : null}
        <div className="form-actions">
          {/* Received now, so it gets our label now: the parcel leaves the desk with it (as a new upward parcel does). */}
          <a
            className="btn"
            href={labelsUrl([s.waybillNo], "76x130")}
            target="_blank"
            rel="noreferrer"
            data-testid="announced-print"
          >
            {t("accept.printLabel")}
          </a>
          <button type="button" className="btn btn-primary btn-wide" onClick={next} data-testid="announced-next">
            {t("accept.next")}
          </button>
        </div>
      </section>
    );
  }

  const prohibitedError = errorFor("inspection.prohibitedAbsent");
  const typed = waybillNo.trim().toUpperCase();
  const pick = (wb: string) => {
    setWaybillNo(wb);
    requestAnimationFrame(() => document.getElementById("announced-prohibited-explosives")?.focus());
  };
  return (
    <>
      <section className="card" data-testid="announced-waiting">
        <h2 className="card-title">{t("accept.waitingTitle", { count: waiting.data?.length ?? 0 })}</h2>
        {waiting.data && waiting.data.length === 0 ? <p className="muted small">{t("accept.waitingEmpty")}</p> : null}
        {waiting.data && waiting.data.length > 0 ? (
          <div className="table-wrap">
            <table className="table table-compact">
              <thead>
                <tr>
                  <th>{t("accept.announcedWaybill")}</th>
                  <th>{t("accept.waitingSender")}</th>
                  <th>{t("accept.contents")}</th>
                  <th className="num">{t("accept.weightKg")}</th>
                  <th>{t("accept.waitingSince")}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {waiting.data.map((p) => (
                  <tr key={p.waybillNo} data-testid="announced-waiting-row" data-waybill={p.waybillNo}>
                    <td className="mono">
                      {p.waybillNo}
                      {p.restockOrderNo ? <div className="muted small">{t("accept.waitingOrder", { no: p.restockOrderNo })}</div> : null}
                    </td>
                    <td>
                      {p.senderName ?? "—"}
                      {p.realNameOnRecord ? null : <div className="warn-text small">{t("accept.waitingNeedsId")}</div>}
                    </td>
                    <td>{p.contentsCategory}</td>
                    <td className="num">{(p.weightG / 1000).toFixed(2)}</td>
                    <td className="nowrap">{formatShortDateTime(p.announcedAt)}</td>
                    <td>
                      <button type="button" className="btn btn-small" onClick={() => pick(p.waybillNo)} data-testid="announced-pick">
                        {t("accept.waitingPick")}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
      <section className="card">
        <h2 className="card-title">{t("accept.modeAnnounced")}</h2>
        <p className="muted small page-note">{t("accept.announcedLead")}</p>
        <form className="form accept-form" onSubmit={onSubmit} noValidate data-testid="announced-form">
          <ErrorSummary error={accept.error} fields={FIELDS} testId="announced-error" />
          <div className="form-grid">
            <FormField id="announced-waybill" label={t("accept.announcedWaybill")} error={errorFor("waybillNo")}>
              <input
                id="announced-waybill"
                ref={waybillRef}
                className="mono"
                value={waybillNo}
                autoComplete="off"
                spellCheck={false}
                placeholder="XD…"
                aria-invalid={Boolean(errorFor("waybillNo"))}
                onChange={(e) => setWaybillNo(e.target.value)}
                data-testid="announced-waybill"
              />
              {typed && waiting.data && !waiting.data.some((p) => p.waybillNo === typed) ? (
                <p className="muted small" data-testid="announced-elsewhere-hint">
                  {t("accept.elsewhereHint")}
                </p>
              ) : null}
            </FormField>
            <FormField id="announced-sender" label={t("accept.announcedSender")} error={errorFor("senderName")}>
              <input
                id="announced-sender"
                value={senderName}
                autoComplete="off"
                onChange={(e) => setSenderName(e.target.value)}
                data-testid="announced-sender"
              />
            </FormField>
            <FormField id="announced-id" label={t("accept.announcedId")} error={errorFor("senderIdNumber")}>
              <input
                id="announced-id"
                className="mono"
                value={senderId}
                autoComplete="off"
                spellCheck={false}
                aria-invalid={Boolean(errorFor("senderIdNumber"))}
                onChange={(e) => setSenderId(e.target.value.toUpperCase())}
                data-testid="announced-id"
              />
            </FormField>
          </div>

          <InspectionFields
            prefix="announced"
            prohibited={prohibited}
            onProhibited={setProhibited}
            inspected={inspected}
            onInspected={setInspected}
            prohibitedError={prohibitedError}
            inspectedError={errorFor("inspection.inspected")}
            notes={
              <FormField id="announced-notes" label={t("accept.notes")} error={errorFor("inspection.notes")}>
                <input id="announced-notes" value={notes} onChange={(e) => setNotes(e.target.value)} data-testid="announced-notes" />
              </FormField>
            }
          />

          <ScreeningFields
            prefix="announced"
            screened={screened}
            onScreened={setScreened}
            device={
              <FormField id="announced-device" label={t("accept.device")} error={errorFor("screening.device")}>
                <input id="announced-device" className="mono" value={device} onChange={(e) => setDevice(e.target.value)} />
              </FormField>
            }
          />

          <div className="form-actions">
            <button type="submit" className="btn btn-primary btn-wide" disabled={accept.isPending} data-testid="announced-submit">
              {accept.isPending ? t("accept.submitting") : t("accept.announcedSubmit")}
            </button>
          </div>
        </form>
      </section>
    </>
  );
}
