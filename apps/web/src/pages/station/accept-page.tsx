// 收寄: the acceptance desk of a township station or village point. An upward parcel is accepted under the three rules
// (实名收寄 real name and resident ID, checked as typed; 收寄验视 the prohibited-items checklist and inspection;
// 过机安检 screening). The result shows the new waybill big with its route, and "next parcel" starts over quickly.
// The desk's form is on the kit (use-accept-desk.ts), its schema in accept-draft.ts.
import { useState, type ReactNode } from "react";
import { useSearchParams } from "react-router";
import { useUser } from "../../auth/session-context.ts";
import { ENUMS, EnumSelect, ErrorSummary, TextField, ZodForm } from "../../components/form/index.ts";
import { useT } from "../../i18n/use-t.ts";
import { FORM_FIELDS } from "./accept-draft.ts";
import { AcceptIdField } from "./accept-id-field.tsx";
import { AcceptResult } from "./accept-result.tsx";
import { AnnouncedAccept } from "./accept-announced.tsx";
import { DeskSubmit } from "./desk-input.tsx";
import { RulesFields } from "./three-rules-fields.tsx";
import { useAcceptDesk } from "./use-accept-desk.ts";

export function AcceptPage() {
  const t = useT("station");
  const user = useUser();
  // ?mode=announced opens the announced-parcel desk (the console's link to parcels waiting here).
  const [params] = useSearchParams();
  const [mode, setMode] = useState<"new" | "announced">(params.get("mode") === "announced" ? "announced" : "new");
  if (!user.nodeId) {
    return (
      <div className="page">
        <p className="card muted">{t("accept.noNode")}</p>
      </div>
    );
  }
  // The hub accepts no new upward parcel (the server refuses it there), only parcels announced to it.
  const modes: readonly ("new" | "announced")[] = user.nodeTier === "COUNTY_HUB" ? ["announced"] : ["new", "announced"];
  const shown = modes.length === 1 ? "announced" : mode;
  return (
    <>
      <div className="page page-tabs">
        <div className="segmented" role="tablist" aria-label={t("accept.title")}>
          {modes.map((m) => (
            <button
              key={m}
              type="button"
              role="tab"
              aria-selected={shown === m}
              className={`btn${shown === m ? " btn-primary" : ""}`}
              onClick={() => setMode(m)}
              data-testid={`accept-mode-${m}`}
            >
              {t(m === "new" ? "accept.modeNew" : "accept.modeAnnounced")}
            </button>
          ))}
        </div>
      </div>
      {shown === "new" ? (
        <AcceptDesk nodeId={user.nodeId} />
      ) : (
        <div className="page">
          <AnnouncedAccept nodeId={user.nodeId} />
        </div>
      )}
    </>
  );
}

function AcceptDesk({ nodeId }: { nodeId: string }) {
  const t = useT("station");
  const { kit, result, nextRef, nextParcel } = useAcceptDesk(nodeId);
  if (result) return <AcceptResult s={result} nextRef={nextRef} onNext={nextParcel} />;
  // Every box of the desk: never autocompleted (each parcel is another sender).
  const off = { autoComplete: "off" } as const;
  return (
    <div className="page">
      <section className="card">
        <h2 className="card-title">{t("accept.title")}</h2>
        <p className="muted small page-note">{t("accept.lead")}</p>
        <ZodForm kit={kit} prefix="accept" className="form accept-form">
          <ErrorSummary error={kit.mutation.error} fields={FORM_FIELDS} testId="accept-error" />

          <Section title={t("accept.sender")}>
            <TextField name="senderName" label={t("accept.senderName")} {...off} />
            <AcceptIdField />
            <TextField name="senderPhone" label={t("accept.senderPhone")} inputMode="tel" mono {...off} />
          </Section>

          <Section title={t("accept.recipient")}>
            <TextField name="recipientName" label={t("accept.recipientName")} {...off} />
            <TextField name="recipientPhone" label={t("accept.recipientPhone")} inputMode="tel" mono {...off} />
            <TextField name="outboundCity" label={t("accept.outboundCity")} {...off} />
            <TextField name="recipientAddress" label={t("accept.recipientAddress")} {...off} />
          </Section>

          <Section title={t("accept.parcel")}>
            <TextField name="weightKg" label={t("accept.weightKg")} inputMode="decimal" placeholder="1.25" {...off} />
            <TextField name="contentsCategory" label={t("accept.contents")} placeholder={t("accept.contentsHint")} {...off} />
            <EnumSelect name="temp" label={t("accept.temp")} options={ENUMS.temp} />
            <TextField name="declaredYuan" label={t("accept.declaredValue")} inputMode="decimal" placeholder="0.00" {...off} />
            <fieldset className="size-group">
              <legend>{t("accept.size")}</legend>
              <TextField name="lengthCm" label={t("accept.length")} inputMode="decimal" {...off} />
              <TextField name="widthCm" label={t("accept.width")} inputMode="decimal" {...off} />
              <TextField name="heightCm" label={t("accept.height")} inputMode="decimal" {...off} />
            </fieldset>
          </Section>

          <RulesFields />

          <DeskSubmit label={t("accept.submit")} pendingLabel={t("accept.submitting")} testId="accept-submit" />
        </ZodForm>
      </section>
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="form-section">
      <legend>{title}</legend>
      <div className="form-grid">{children}</div>
    </fieldset>
  );
}
