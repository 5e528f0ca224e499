// The announced-parcel desk's state: the parcels waiting here, the draft, its checks on submit, the accept mutation,
// and where the focus goes (the waybill field, the checklist once a waiting parcel is picked).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useT } from "../../i18n/use-t.ts";
import { fieldError, readApiError } from "../../lib/api-error.ts";
import type { TProhibitedItem } from "../../lib/shipments-api.ts";
import { useTRPC } from "../../lib/trpc.ts";
import { PROHIBITED_ITEMS } from "../county/shipments/shipment-format.ts";
import { allAbsent, noneChecked } from "./three-rules-fields.tsx";

export interface TAnnouncedDraft {
  waybillNo: string;
  senderName: string;
  senderId: string;
  prohibited: Record<TProhibitedItem, boolean>;
  inspected: boolean;
  notes: string;
  screened: boolean;
  device: string;
}

/** A fresh draft; the screening choice and device stay from one parcel to the next. */
const emptyDraft = (keep: Pick<TAnnouncedDraft, "screened" | "device"> = { screened: false, device: "" }): TAnnouncedDraft => ({
  waybillNo: "",
  senderName: "",
  senderId: "",
  prohibited: noneChecked(),
  inspected: false,
  notes: "",
  ...keep,
});

export function useAnnouncedDesk(nodeId: string) {
  const t = useT("station");
  const tc = useT("common");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const waiting = useQuery(trpc.shipments.awaitingAcceptance.queryOptions({ nodeId }));
  const accept = useMutation(
    trpc.shipments.acceptAnnounced.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.shipments.awaitingAcceptance.pathKey() }),
    }),
  );
  const waybillRef = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState<TAnnouncedDraft>(() => emptyDraft());
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const server = accept.error ? readApiError(accept.error).fieldErrors : {};
  const errorFor = (field: string) => clientErrors[field] ?? fieldError(server, field);
  const set = <K extends keyof TAnnouncedDraft>(field: K, value: TAnnouncedDraft[K]) => setDraft((d) => ({ ...d, [field]: value }));

  useEffect(() => waybillRef.current?.focus(), []);

  function next() {
    setDraft((d) => emptyDraft({ screened: d.screened, device: d.device }));
    setClientErrors({});
    accept.reset();
    requestAnimationFrame(() => waybillRef.current?.focus());
  }

  function pick(waybillNo: string) {
    set("waybillNo", waybillNo);
    requestAnimationFrame(() => document.getElementById("announced-prohibited-explosives")?.focus());
  }

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const errors: Record<string, string> = {};
    if (!draft.waybillNo.trim()) errors.waybillNo = tc("form.required");
    if (PROHIBITED_ITEMS.some((item) => !draft.prohibited[item])) errors["inspection.prohibitedAbsent"] = t("accept.mustCheck");
    if (!draft.inspected) errors["inspection.inspected"] = t("accept.mustInspect");
    setClientErrors(errors);
    if (Object.keys(errors).length) return;
    const opt = (v: string) => v.trim() || undefined;
    accept.mutate({
      nodeId,
      waybillNo: draft.waybillNo.trim().toUpperCase(),
      senderName: opt(draft.senderName),
      senderIdNumber: opt(draft.senderId.toUpperCase()),
      inspection: { inspected: true, prohibitedAbsent: allAbsent(), notes: opt(draft.notes) },
      screening: draft.screened ? { screened: true, device: opt(draft.device) } : undefined,
    });
  }

  return { draft, set, errorFor, waiting, accept, waybillRef, next, pick, onSubmit };
}

export type TAnnouncedDesk = ReturnType<typeof useAnnouncedDesk>;
