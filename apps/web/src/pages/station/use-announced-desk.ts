// The announced-parcel desk's state: the parcels waiting here, its form on the kit (the draft piped into the shared
// ZAcceptAnnouncedSchema), the accept mutation, and where the focus goes (the waybill field, the checklist once a
// waiting parcel is picked, the first problem).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ZAcceptAnnouncedSchema } from "@xiangda/domain";
import { useEffect, useMemo } from "react";
import { z } from "zod";
import { focusFirstProblem, useZodForm } from "../../components/form/index.ts";
import { useTRPC } from "../../lib/trpc.ts";
import { emptyRules, inspectionOf, optionalTrimmed, RULES_PLACE_AT, ZRulesDraftShape, type TRulesDraft } from "./rules-draft.ts";

export interface TAnnouncedDraft extends TRulesDraft {
  waybillNo: string;
  senderName: string;
  senderId: string;
}

/** A fresh draft; the screening choice and device stay from one parcel to the next. */
const emptyDraft = (keep: Pick<TAnnouncedDraft, "screened" | "device"> = { screened: false, device: "" }): TAnnouncedDraft => ({
  waybillNo: "",
  senderName: "",
  senderId: "",
  ...emptyRules(keep),
});

const A = ZAcceptAnnouncedSchema.shape;

/** The draft → the input for `nodeId`: the waybill and ID as printed (capitals), screening only when done here;
 *  piped into the shared schema, so the machine's name has its limit too (under the device box: RULES_PLACE_AT). */
export function announcedDraftSchema(nodeId: string) {
  return z
    .object({
      waybillNo: z
        .string()
        .transform((s) => s.trim().toUpperCase())
        .pipe(A.waybillNo),
      senderName: optionalTrimmed().pipe(A.senderName),
      senderId: optionalTrimmed()
        .transform((s) => s?.toUpperCase())
        .pipe(A.senderIdNumber),
      ...ZRulesDraftShape,
    })
    .transform((d): z.input<typeof ZAcceptAnnouncedSchema> => ({
      waybillNo: d.waybillNo,
      senderName: d.senderName,
      senderIdNumber: d.senderId,
      inspection: inspectionOf(d.notes),
      screening: d.screened ? { screened: true, device: d.device } : undefined,
    }))
    .pipe(ZAcceptAnnouncedSchema)
    .transform((input) => ({ nodeId, ...input }));
}

/** Field paths of the server's input placed under a field (the rest go to the summary). */
const FIELDS = ["waybillNo", "senderName", "senderIdNumber", ...Object.keys(RULES_PLACE_AT)] as const;
const PLACE_AT = { senderIdNumber: "senderId", ...RULES_PLACE_AT };

export function useAnnouncedDesk(nodeId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const waiting = useQuery(trpc.shipments.awaitingAcceptance.queryOptions({ nodeId }));
  const accept = useMutation(
    trpc.shipments.acceptAnnounced.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.shipments.awaitingAcceptance.pathKey() }),
    }),
  );
  const schema = useMemo(() => announcedDraftSchema(nodeId), [nodeId]);
  const kit = useZodForm({
    schema,
    defaultValues: emptyDraft(),
    fields: FIELDS,
    placeAt: PLACE_AT,
    mutation: accept,
    onRefused: () => focusFirstProblem("announced-form", "announced-error"),
  });
  const { form } = kit;
  const done = Boolean(accept.data);

  useEffect(() => {
    if (!done) form.setFocus("waybillNo");
  }, [done, form]);

  function next() {
    const { screened, device } = form.getValues();
    form.reset(emptyDraft({ screened, device }));
    accept.reset();
  }

  function pick(waybillNo: string) {
    form.setValue("waybillNo", waybillNo);
    requestAnimationFrame(() => document.getElementById("announced-prohibited-explosives")?.focus());
  }

  return { kit, waiting, accept, next, pick };
}

export type TAnnouncedDesk = ReturnType<typeof useAnnouncedDesk>;
