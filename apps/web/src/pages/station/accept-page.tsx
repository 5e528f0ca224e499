// 收寄: the acceptance desk of a township station or village point. An upward parcel is accepted under the three rules
// (实名收寄 real name and resident ID, checked as typed; 收寄验视 the prohibited-items checklist and inspection;
// 过机安检 screening). The result shows the new waybill big with its route, and "next parcel" starts over quickly.
// The desk's state is in use-accept-desk.ts, its checks in accept-draft.ts.
import { useState, type ReactNode, type Ref } from "react";
import { useT } from "../../i18n/use-t.ts";
import { useSearchParams } from "react-router";
import { useUser } from "../../auth/session-context.ts";
import { FormField } from "../../components/form-field.tsx";
import type { TTemp } from "../../lib/shipments-api.ts";
import { ErrorSummary } from "../../components/form/error-summary.tsx";
import { TEMPS } from "../county/shipments/shipment-format.ts";
import { FORM_FIELDS, type TTextField } from "./accept-draft.ts";
import { AcceptIdField } from "./accept-id-field.tsx";
import { AcceptResult } from "./accept-result.tsx";
import { AnnouncedAccept } from "./accept-announced.tsx";
import { DeskInput, DeskSubmit } from "./desk-input.tsx";
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
  const te = useT("enums");
  const desk = useAcceptDesk(nodeId);
  const { draft, set, errorFor, id: idField, accept, result, firstRef, nextRef, nextParcel, onSubmit } = desk;

  const text = (
    field: TTextField,
    label: string,
    props: {
      errorKey?: string;
      inputMode?: "numeric" | "decimal" | "tel";
      mono?: boolean;
      placeholder?: string;
      inputRef?: Ref<HTMLInputElement>;
    } = {},
  ) => {
    const { errorKey = field, ...rest } = props;
    return (
      <DeskInput
        id={`accept-${field}`}
        label={label}
        value={draft[field]}
        onChange={(v) => set(field, v)}
        error={errorFor(errorKey)}
        {...rest}
      />
    );
  };

  if (result) return <AcceptResult s={result} nextRef={nextRef} onNext={nextParcel} />;

  return (
    <div className="page">
      <section className="card">
        <h2 className="card-title">{t("accept.title")}</h2>
        <p className="muted small page-note">{t("accept.lead")}</p>
        <form className="form accept-form" onSubmit={onSubmit} noValidate data-testid="accept-form">
          <ErrorSummary error={accept.error} fields={FORM_FIELDS} testId="accept-error" />

          <Section title={t("accept.sender")}>
            {text("senderName", t("accept.senderName"), { inputRef: firstRef })}
            <AcceptIdField value={draft.senderIdNumber} {...idField} />
            {text("senderPhone", t("accept.senderPhone"), { inputMode: "tel", mono: true })}
          </Section>

          <Section title={t("accept.recipient")}>
            {text("recipientName", t("accept.recipientName"))}
            {text("recipientPhone", t("accept.recipientPhone"), { inputMode: "tel", mono: true })}
            {text("outboundCity", t("accept.outboundCity"))}
            {text("recipientAddress", t("accept.recipientAddress"))}
          </Section>

          <Section title={t("accept.parcel")}>
            {text("weightKg", t("accept.weightKg"), { errorKey: "weightG", inputMode: "decimal", placeholder: "1.25" })}
            {text("contentsCategory", t("accept.contents"), { placeholder: t("accept.contentsHint") })}
            <FormField id="accept-temp" label={t("accept.temp")} error={errorFor("temp")}>
              <select id="accept-temp" value={draft.temp} onChange={(e) => set("temp", e.target.value as TTemp)} data-testid="accept-temp">
                {TEMPS.map((x) => (
                  <option key={x} value={x}>
                    {te(`temps.${x}`)}
                  </option>
                ))}
              </select>
            </FormField>
            {text("declaredYuan", t("accept.declaredValue"), { errorKey: "declaredValueFen", inputMode: "decimal", placeholder: "0.00" })}
            <fieldset className="size-group">
              <legend>{t("accept.size")}</legend>
              {text("lengthCm", t("accept.length"), { errorKey: "lengthMm", inputMode: "decimal" })}
              {text("widthCm", t("accept.width"), { errorKey: "widthMm", inputMode: "decimal" })}
              {text("heightCm", t("accept.height"), { errorKey: "heightMm", inputMode: "decimal" })}
            </fieldset>
          </Section>

          <RulesFields
            prefix="accept"
            desk={desk}
            notes={text("notes", t("accept.notes"), { errorKey: "inspection.notes" })}
            device={text("device", t("accept.device"), { errorKey: "screening.device", mono: true })}
          />

          <DeskSubmit pending={accept.isPending} label={t("accept.submit")} pendingLabel={t("accept.submitting")} testId="accept-submit" />
        </form>
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
