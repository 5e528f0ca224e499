// The new-parcel desk's state: its form on the kit (the draft checked by acceptDraftSchema, the server's errors under
// their fields), the accept mutation, and where the focus goes (the first field, the first problem, "next parcel").
import { useMutation } from "@tanstack/react-query";
import { useEffect, useMemo, useRef } from "react";
import { focusFirstProblem, useZodForm } from "../../components/form/index.ts";
import { useTRPC } from "../../lib/trpc.ts";
import { acceptDraftSchema, emptyDraft, FORM_FIELDS, PLACE_AT } from "./accept-draft.ts";

export function useAcceptDesk(nodeId: string) {
  const trpc = useTRPC();
  const accept = useMutation(trpc.shipments.accept.mutationOptions());
  const schema = useMemo(() => acceptDraftSchema(nodeId), [nodeId]);
  const kit = useZodForm({
    schema,
    defaultValues: emptyDraft(),
    fields: FORM_FIELDS,
    placeAt: PLACE_AT,
    mutation: accept,
    onRefused: () => focusFirstProblem("accept-form", "accept-error"),
  });
  const nextRef = useRef<HTMLButtonElement>(null);
  const result = accept.data ?? null;
  const { form } = kit;

  useEffect(() => {
    if (result) nextRef.current?.focus();
    else form.setFocus("senderName");
  }, [result, form]);

  function nextParcel() {
    const { screened, device } = form.getValues();
    form.reset(emptyDraft({ screened, device }));
    accept.reset();
    window.scrollTo({ top: 0 });
  }

  return { kit, result, nextRef, nextParcel };
}
