// 收寄: the acceptance desk of a township station or village point. An upward parcel is accepted under the three rules
// (实名收寄 real name and resident ID, checked as typed; 收寄验视 the prohibited-items checklist and inspection;
// 过机安检 screening). The result shows the new waybill big with its route, and "next parcel" starts over quickly.
import { useMutation } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { useEffect, useRef, useState, type FormEvent, type ReactNode, type Ref } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { useUser } from "../../auth/session-context.ts";
import { FormField } from "../../components/form-field.tsx";
import { fieldError, readApiError } from "../../lib/api-error.ts";
import type { TAcceptInput, TProhibitedItem, TShipment, TTemp } from "../../lib/shipments-api.ts";
import { formatDateTime } from "../../lib/time.ts";
import { useTRPC } from "../../lib/trpc.ts";
import { ErrorSummary } from "../network/error-summary.tsx";
import { LegDiagram, LightBadge, ThreeRules, useNow } from "../shipments/shipment-bits.tsx";
import { checkResidentId, parseScaled, PROHIBITED_ITEMS, TEMPS, type TIdCheck } from "../shipments/shipment-format.ts";
import { AnnouncedAccept } from "./accept-announced.tsx";
import { allAbsent, InspectionFields, noneChecked, ScreeningFields } from "./three-rules-fields.tsx";

interface TDraft {
  senderName: string;
  senderIdNumber: string;
  senderPhone: string;
  recipientName: string;
  recipientPhone: string;
  outboundCity: string;
  recipientAddress: string;
  weightKg: string;
  lengthCm: string;
  widthCm: string;
  heightCm: string;
  temp: TTemp;
  contentsCategory: string;
  declaredYuan: string;
  prohibited: Record<TProhibitedItem, boolean>;
  inspected: boolean;
  notes: string;
  screened: boolean;
  device: string;
}

type TTextField = Exclude<keyof TDraft, "temp" | "prohibited" | "inspected" | "screened">;

/** A clean form; the screening choice and machine carry over, since the same desk uses the same machine all day. */
function emptyDraft(keep?: Pick<TDraft, "screened" | "device">): TDraft {
  return {
    senderName: "",
    senderIdNumber: "",
    senderPhone: "",
    recipientName: "",
    recipientPhone: "",
    outboundCity: "",
    recipientAddress: "",
    weightKg: "",
    lengthCm: "",
    widthCm: "",
    heightCm: "",
    temp: "AMBIENT",
    contentsCategory: "",
    declaredYuan: "",
    prohibited: noneChecked(),
    inspected: false,
    notes: "",
    screened: keep?.screened ?? true,
    device: keep?.device ?? "",
  };
}

/** Field paths of the server's input placed under a field (the rest go to the summary). */
const FORM_FIELDS = [
  "senderName",
  "senderIdNumber",
  "senderPhone",
  "recipientName",
  "recipientPhone",
  "outboundCity",
  "recipientAddress",
  "weightG",
  "lengthMm",
  "widthMm",
  "heightMm",
  "temp",
  "contentsCategory",
  "declaredValueFen",
  "inspection",
  "screening",
] as const;

export function AcceptPage() {
  const { t } = useTranslation();
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

/** After the next paint: focus the first invalid control of the form, else bring its error summary into view. */
function focusFirstProblem() {
  requestAnimationFrame(() => {
    const field = document.querySelector<HTMLElement>(".accept-form [aria-invalid='true'], .accept-form .field-invalid input");
    if (field) field.focus();
    else document.querySelector('[data-testid="accept-error"]')?.scrollIntoView({ block: "center" });
  });
}

function idStatusText(check: TIdCheck, t: TFunction<"translation">): string {
  switch (check.state) {
    case "empty":
      return "";
    case "typing":
      return t("accept.idTyping", { count: check.length });
    case "ok":
      return t("accept.idOk", { date: check.birthDate });
    case "FORMAT":
      return t("accept.idFormat", { count: check.length });
    case "CHECK_DIGIT":
      return t("accept.idCheckDigit", { got: check.got });
    case "BIRTH_DATE":
      return t("accept.idBirthDate", { date: check.birth });
  }
}

function AcceptDesk({ nodeId }: { nodeId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [draft, setDraft] = useState<TDraft>(() => emptyDraft());
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [idTouched, setIdTouched] = useState(false);
  const firstRef = useRef<HTMLInputElement>(null);
  const nextRef = useRef<HTMLButtonElement>(null);
  const accept = useMutation(trpc.shipments.accept.mutationOptions());
  const result = accept.data ?? null;

  const serverErrors = accept.error ? readApiError(accept.error).fieldErrors : {};
  const errorFor = (field: string) => clientErrors[field] ?? fieldError(serverErrors, field);
  const set = <K extends keyof TDraft>(field: K, value: TDraft[K]) => setDraft((d) => ({ ...d, [field]: value }));

  const idCheck = checkResidentId(draft.senderIdNumber, new Date());
  const idIsError = idCheck.state === "FORMAT" || idCheck.state === "CHECK_DIGIT" || idCheck.state === "BIRTH_DATE";
  // While digits are still coming in, the count is a hint; once the ID is complete (or the field is left) it is a verdict.
  const idShowAsError = idIsError || (idCheck.state === "typing" && idTouched);

  useEffect(() => {
    if (result) nextRef.current?.focus();
    else firstRef.current?.focus();
  }, [result]);

  // The server refused: take the eye to the first field it named, or to the summary at the top.
  useEffect(() => {
    if (accept.error) focusFirstProblem();
  }, [accept.error]);

  function nextParcel() {
    setDraft((d) => emptyDraft({ screened: d.screened, device: d.device }));
    setClientErrors({});
    setIdTouched(false);
    accept.reset();
    window.scrollTo({ top: 0 });
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (idCheck.state === "empty") errors.senderIdNumber = t("form.required");
    else if (idCheck.state !== "ok")
      errors.senderIdNumber = idStatusText(idCheck.state === "typing" ? { state: "FORMAT", length: idCheck.length } : idCheck, t);
    const weightG = parseScaled(draft.weightKg, 3);
    if (weightG === null) errors.weightG = t("form.required");
    else if (weightG === "invalid") errors.weightG = t("accept.invalidKg");
    const dims = {
      lengthMm: parseScaled(draft.lengthCm, 1),
      widthMm: parseScaled(draft.widthCm, 1),
      heightMm: parseScaled(draft.heightCm, 1),
    };
    for (const [field, value] of Object.entries(dims)) if (value === "invalid") errors[field] = t("accept.invalidCm");
    const fen = parseScaled(draft.declaredYuan, 2);
    if (fen === "invalid") errors.declaredValueFen = t("accept.invalidYuan");
    const unchecked = PROHIBITED_ITEMS.filter((item) => !draft.prohibited[item]);
    if (unchecked.length > 0) errors["inspection.prohibitedAbsent"] = t("accept.mustCheck");
    if (!draft.inspected) errors["inspection.inspected"] = t("accept.mustInspect");
    setClientErrors(errors);
    setIdTouched(true);
    if (Object.keys(errors).length > 0 || typeof weightG !== "number" || fen === "invalid") {
      focusFirstProblem();
      return;
    }
    const opt = (value: string) => value.trim() || undefined;
    const dim = (value: number | null | "invalid") => (typeof value === "number" ? value : undefined);
    const input: TAcceptInput = {
      nodeId,
      senderName: draft.senderName.trim(),
      senderIdNumber: draft.senderIdNumber.trim().toUpperCase(),
      senderPhone: draft.senderPhone.trim(),
      recipientName: draft.recipientName.trim(),
      recipientPhone: draft.recipientPhone.trim(),
      outboundCity: draft.outboundCity.trim(),
      recipientAddress: opt(draft.recipientAddress),
      weightG,
      lengthMm: dim(dims.lengthMm),
      widthMm: dim(dims.widthMm),
      heightMm: dim(dims.heightMm),
      temp: draft.temp,
      contentsCategory: draft.contentsCategory.trim(),
      declaredValueFen: fen ?? 0,
      inspection: {
        inspected: true,
        // Every item was ticked (checked above): each is recorded as checked and absent.
        prohibitedAbsent: allAbsent(),
        notes: opt(draft.notes),
      },
      screening: { screened: draft.screened, device: draft.screened ? opt(draft.device) : undefined },
    };
    accept.mutate(input);
  }

  const text = (
    field: TTextField,
    label: string,
    props: {
      errorKey?: string;
      inputMode?: "numeric" | "decimal" | "tel";
      mono?: boolean;
      placeholder?: string;
      autoComplete?: string;
      inputRef?: Ref<HTMLInputElement>;
    } = {},
  ) => {
    const key = props.errorKey ?? field;
    const id = `accept-${field}`;
    return (
      <FormField id={id} label={label} error={errorFor(key)}>
        <input
          id={id}
          ref={props.inputRef}
          className={props.mono ? "mono" : undefined}
          value={draft[field]}
          inputMode={props.inputMode}
          placeholder={props.placeholder}
          autoComplete={props.autoComplete ?? "off"}
          aria-invalid={Boolean(errorFor(key))}
          aria-describedby={errorFor(key) ? `${id}-error` : undefined}
          onChange={(e) => set(field, e.target.value)}
          data-testid={id}
        />
      </FormField>
    );
  };

  if (result) return <AcceptResult s={result} nextRef={nextRef} onNext={nextParcel} />;

  const prohibitedError = errorFor("inspection.prohibitedAbsent");
  // The line under the ID: the live check; when empty, a "required" from submit; a server verdict on an ID we took for valid.
  const idServerError = fieldError(serverErrors, "senderIdNumber");
  const idRequired = idCheck.state === "empty" ? (clientErrors.senderIdNumber ?? idServerError) : undefined;
  const idOverruled = idCheck.state === "ok" ? idServerError : undefined;
  const idLine = idRequired ?? idOverruled ?? idStatusText(idCheck, t);
  const idLineIsError = idShowAsError || Boolean(idRequired ?? idOverruled);

  return (
    <div className="page">
      <section className="card">
        <h2 className="card-title">{t("accept.title")}</h2>
        <p className="muted small page-note">{t("accept.lead")}</p>
        <form className="form accept-form" onSubmit={onSubmit} noValidate data-testid="accept-form">
          <ErrorSummary error={accept.error} fields={FORM_FIELDS} testId="accept-error" />

          <Section title={t("accept.sender")}>
            {text("senderName", t("accept.senderName"), { inputRef: firstRef, autoComplete: "off" })}
            <div className={`field${idLineIsError ? " field-invalid" : ""}`}>
              <label htmlFor="accept-id">{t("accept.senderIdNumber")}</label>
              <input
                id="accept-id"
                className="mono"
                value={draft.senderIdNumber}
                autoComplete="off"
                spellCheck={false}
                autoCapitalize="characters"
                aria-invalid={idLineIsError}
                aria-describedby="accept-id-status"
                onChange={(e) => {
                  setIdTouched(false);
                  set("senderIdNumber", e.target.value.toUpperCase());
                }}
                onBlur={() => setIdTouched(draft.senderIdNumber.trim() !== "")}
                data-testid="accept-id"
              />
              <p
                id="accept-id-status"
                className={`id-status ${idLineIsError ? "field-error" : idCheck.state === "ok" ? "id-ok" : "muted"}`}
                aria-live="polite"
                data-state={idCheck.state}
                data-testid="accept-id-status"
              >
                {idLine}
              </p>
            </div>
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
                    {t(`temps.${x}`)}
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

          <InspectionFields
            prefix="accept"
            prohibited={draft.prohibited}
            onProhibited={(v) => set("prohibited", v)}
            inspected={draft.inspected}
            onInspected={(v) => set("inspected", v)}
            prohibitedError={prohibitedError}
            inspectedError={errorFor("inspection.inspected")}
            notes={text("notes", t("accept.notes"), { errorKey: "inspection.notes" })}
          />

          <ScreeningFields
            prefix="accept"
            screened={draft.screened}
            onScreened={(v) => set("screened", v)}
            device={text("device", t("accept.device"), { errorKey: "screening.device", mono: true })}
          />

          <div className="form-actions">
            <button type="submit" className="btn btn-primary btn-wide" disabled={accept.isPending} data-testid="accept-submit">
              {accept.isPending ? t("accept.submitting") : t("accept.submit")}
            </button>
          </div>
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

function AcceptResult({ s, nextRef, onNext }: { s: TShipment; nextRef: Ref<HTMLButtonElement>; onNext: () => void }) {
  const { t } = useTranslation();
  const now = useNow();
  const legs = s.legs.filter((l) => l.status !== "CANCELLED");
  return (
    <div className="page">
      <section className="card accept-result" data-testid="accept-result" data-waybill={s.waybillNo}>
        <h2 className="card-title">{t("accept.resultTitle")}</h2>
        <div className="muted small">{t("accept.waybillNo")}</div>
        <div className="waybill-huge mono" data-testid="accept-waybill">
          {s.waybillNo}
        </div>
        <div className="hero-badges">
          <LightBadge light={s.light} />
          <span>
            <span className="muted">{t("accept.promisedAt")}</span>{" "}
            <strong data-testid="accept-promised">{s.promisedAt ? formatDateTime(s.promisedAt) : t("common.none")}</strong>
          </span>
        </div>
        {s.routeError ? (
          <div className="alert alert-error" role="alert">
            {t("accept.routeError", { message: s.routeError })}
          </div>
        ) : null}
        {legs.length ? <LegDiagram legs={legs} now={now} /> : null}
        {s.threeRules ? <ThreeRules rules={s.threeRules} /> : null}
        <div className="form-actions">
          <a
            className="btn"
            href={`/labels.pdf?waybills=${encodeURIComponent(s.waybillNo)}&size=76x130`}
            target="_blank"
            rel="noreferrer"
            data-testid="accept-print"
          >
            {t("accept.printLabel")}
          </a>
          <button type="button" className="btn btn-primary btn-wide" ref={nextRef} onClick={onNext} data-testid="accept-next">
            {t("accept.next")}
          </button>
        </div>
      </section>
    </div>
  );
}
