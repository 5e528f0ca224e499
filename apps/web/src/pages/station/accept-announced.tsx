// 预约件收寄: a parcel whose waybill exists before it is handed in (a merchant's confirmed restock order, say) is
// accepted at the node it waits at, or at any other node of its county that holds it (the route is then re-planned
// from there). The desk scans the waybill, inspects the contents against the prohibited-items list,
// and records screening if it has a machine; the sender's resident ID only when the sender has no real-name record
// (a merchant registered with its credit code has one). The result shows the three rules and the route.
// The desk's state is in use-announced-desk.ts, the waiting list in accept-waiting.tsx.
import { useWatch } from "react-hook-form";
import { CodeField, ErrorSummary, TextField, ZodForm } from "../../components/form/index.ts";
import { useT } from "../../i18n/use-t.ts";
import { AcceptedCard } from "./accept-result.tsx";
import { AnnouncedWaiting } from "./accept-waiting.tsx";
import { DeskSubmit } from "./desk-input.tsx";
import { RulesFields } from "./three-rules-fields.tsx";
import { useAnnouncedDesk, type TAnnouncedDesk } from "./use-announced-desk.ts";

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
  const { kit } = desk;
  const typed = (useWatch({ control: kit.form.control, name: "waybillNo" }) ?? "").trim().toUpperCase();
  const waiting = desk.waiting.data;
  return (
    <section className="card">
      <h2 className="card-title">{t("accept.modeAnnounced")}</h2>
      <p className="muted small page-note">{t("accept.announcedLead")}</p>
      <ZodForm kit={kit} prefix="announced" className="form accept-form">
        <ErrorSummary error={kit.mutation.error} fields={kit.fields} testId="announced-error" />
        <div className="form-grid">
          <CodeField
            name="waybillNo"
            id="announced-waybill"
            label={t("accept.announcedWaybill")}
            placeholder="XD…"
            hint={
              typed && waiting && !waiting.some((p) => p.waybillNo === typed) ? (
                <span data-testid="announced-elsewhere-hint">{t("accept.elsewhereHint")}</span>
              ) : null
            }
          />
          <TextField name="senderName" id="announced-sender" label={t("accept.announcedSender")} autoComplete="off" />
          <CodeField name="senderId" id="announced-id" label={t("accept.announcedId")} />
        </div>

        <RulesFields />

        <DeskSubmit label={t("accept.announcedSubmit")} pendingLabel={t("accept.submitting")} testId="announced-submit" />
      </ZodForm>
    </section>
  );
}
