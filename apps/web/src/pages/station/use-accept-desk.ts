// The new-parcel desk's state: the draft, the checks made as typed and on submit, the accept mutation, and where the
// focus goes (the first field, the first problem, the "next parcel" button).
import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useT } from "../../i18n/use-t.ts";
import { fieldError, readApiError } from "../../lib/api-error.ts";
import { useTRPC } from "../../lib/trpc.ts";
import { checkResidentId } from "../county/shipments/shipment-format.ts";
import { checkDraft, emptyDraft, idStatusText, type TDraft } from "./accept-draft.ts";

/** After the next paint: focus the first invalid control of the form, else bring its error summary into view. */
function focusFirstProblem() {
  requestAnimationFrame(() => {
    const field = document.querySelector<HTMLElement>(".accept-form [aria-invalid='true'], .accept-form .field-invalid input");
    if (field) field.focus();
    else document.querySelector('[data-testid="accept-error"]')?.scrollIntoView({ block: "center" });
  });
}

export function useAcceptDesk(nodeId: string) {
  const t = useT("station");
  const tc = useT("common");
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
  // The line under the ID: the live check; when empty, a "required" from submit; a server verdict on an ID we took for valid.
  const idServerError = fieldError(serverErrors, "senderIdNumber");
  const idRequired = idCheck.state === "empty" ? (clientErrors.senderIdNumber ?? idServerError) : undefined;
  const idOverruled = idCheck.state === "ok" ? idServerError : undefined;
  const idLine = idRequired ?? idOverruled ?? idStatusText(idCheck, t);
  const idLineIsError = idShowAsError || Boolean(idRequired ?? idOverruled);

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
    const { errors, input } = checkDraft(draft, idCheck, nodeId, t, tc);
    setClientErrors(errors);
    setIdTouched(true);
    if (!input) {
      focusFirstProblem();
      return;
    }
    accept.mutate(input);
  }

  const id = {
    state: idCheck.state,
    line: idLine,
    isError: idLineIsError,
    onChange: (value: string) => {
      setIdTouched(false);
      set("senderIdNumber", value.toUpperCase());
    },
    onBlur: () => setIdTouched(draft.senderIdNumber.trim() !== ""),
  };

  return { draft, set, errorFor, id, accept, result, firstRef, nextRef, nextParcel, onSubmit };
}
