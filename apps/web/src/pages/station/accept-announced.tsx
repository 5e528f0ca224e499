// 预约件收寄: a parcel whose waybill exists before it is handed in (a merchant's confirmed restock order, say) is
// accepted at the node it waits at, or at any other node of its county that holds it (the route is then re-planned
// from there). The desk scans the waybill, inspects the contents against the prohibited-items list,
// and records screening if it has a machine; the sender's resident ID only when the sender has no real-name record
// (a merchant registered with its credit code has one). The result shows the three rules and the route.
// The desk's state is in use-announced-desk.ts, the waiting list in accept-waiting.tsx.
import { useT } from "../../i18n/use-t.ts";
import { ErrorSummary } from "../../components/form/error-summary.tsx";
import { AcceptedCard } from "./accept-result.tsx";
import { AnnouncedWaiting } from "./accept-waiting.tsx";
import { DeskInput, DeskSubmit } from "./desk-input.tsx";
import { RulesFields } from "./three-rules-fields.tsx";
import { useAnnouncedDesk, type TAnnouncedDesk } from "./use-announced-desk.ts";

const FIELDS = ["waybillNo", "senderName", "senderIdNumber", "inspection", "screening"] as const;

export function AnnouncedAccept({ nodeId }: { nodeId: string }) {
  const t = useT("station");
  const desk = useAnnouncedDesk(nodeId);
  const s = desk.accept.data;
  if (s) {
    // Announced at another node of the county and accepted here (issue #17): say so, the route now starts here.
    const announcedAt = (s.events.find((e) => e.type === "ACCEPTED")?.details as { announcedAtName?: unknown } | null)?.announcedAtName;
    return (
      <AcceptedCard
        s={s}
        testPrefix="announced"
        title={t("accept.announcedDone")}
        badge={<span className="muted">{s.contentsCategory}</span>}
        note={
          typeof announcedAt === "string" ? (
            <p className="muted small" data-testid="announced-elsewhere-done">
              {t("accept.elsewhereDone", { node: announcedAt })}
            </p>
          ) : null
        }
        onNext={desk.next}
      />
    );
  }
  return (
    <>
      <AnnouncedWaiting rows={desk.waiting.data} onPick={desk.pick} />
      <AnnouncedForm desk={desk} />
    </>
  );
}

function AnnouncedForm({ desk }: { desk: TAnnouncedDesk }) {
  const t = useT("station");
  const { draft, set, errorFor, accept } = desk;
  const typed = draft.waybillNo.trim().toUpperCase();
  const waiting = desk.waiting.data;
  return (
    <section className="card">
      <h2 className="card-title">{t("accept.modeAnnounced")}</h2>
      <p className="muted small page-note">{t("accept.announcedLead")}</p>
      <form className="form accept-form" onSubmit={desk.onSubmit} noValidate data-testid="announced-form">
        <ErrorSummary error={accept.error} fields={FIELDS} testId="announced-error" />
        <div className="form-grid">
          <DeskInput
            id="announced-waybill"
            label={t("accept.announcedWaybill")}
            value={draft.waybillNo}
            onChange={(v) => set("waybillNo", v)}
            error={errorFor("waybillNo")}
            mono
            spellCheck={false}
            placeholder="XD…"
            inputRef={desk.waybillRef}
            hint={
              typed && waiting && !waiting.some((p) => p.waybillNo === typed) ? (
                <p className="muted small" data-testid="announced-elsewhere-hint">
                  {t("accept.elsewhereHint")}
                </p>
              ) : null
            }
          />
          <DeskInput
            id="announced-sender"
            label={t("accept.announcedSender")}
            value={draft.senderName}
            onChange={(v) => set("senderName", v)}
            error={errorFor("senderName")}
          />
          <DeskInput
            id="announced-id"
            label={t("accept.announcedId")}
            value={draft.senderId}
            onChange={(v) => set("senderId", v.toUpperCase())}
            error={errorFor("senderIdNumber")}
            mono
            spellCheck={false}
          />
        </div>

        <RulesFields
          prefix="announced"
          desk={desk}
          notes={
            <DeskInput
              id="announced-notes"
              label={t("accept.notes")}
              value={draft.notes}
              onChange={(v) => set("notes", v)}
              error={errorFor("inspection.notes")}
            />
          }
          device={
            <DeskInput
              id="announced-device"
              label={t("accept.device")}
              value={draft.device}
              onChange={(v) => set("device", v)}
              error={errorFor("screening.device")}
              mono
            />
          }
        />

        <DeskSubmit
          pending={accept.isPending}
          label={t("accept.announcedSubmit")}
          pendingLabel={t("accept.submitting")}
          testId="announced-submit"
        />
      </form>
    </section>
  );
}
