// 批量出库 panel: the selected parcels of one person, checked once (pickup code, phone's last four or ID, as the node's
// pickup check allows), then handed out together; each parcel's result is shown.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { FormField } from "../../../components/form-field.tsx";
import { useTRPC, type TRouterOutputs } from "../../../lib/trpc.ts";
import { scanText } from "../console/scan-text.ts";
import { ShelfError } from "./shelf-error.tsx";
import { useT } from "../../../i18n/use-t.ts";

export type ShelfParcel = TRouterOutputs["shelf"]["list"]["parcels"][number];
type TMethod = "code" | "phone" | "id";

const METHODS: Record<string, TMethod[]> = {
  CODE: ["code"],
  CODE_OR_PHONE: ["code", "phone"],
  CODE_PHONE_OR_ID: ["code", "phone", "id"],
};

export function HandOutPanel(props: { nodeId: string; parcels: ShelfParcel[]; pickupCheck: string; query: string; onDone: () => void }) {
  const t = useT("shelf");
  const { i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const methods = METHODS[props.pickupCheck] ?? ["code", "phone"];
  // A search by the phone's last four or by a pickup code is the check the person just gave: start from it.
  const fromQuery: TMethod = /^\d{4}$/.test(props.query) && methods.includes("phone") ? "phone" : "code";
  const [method, setMethod] = useState<TMethod>(fromQuery);
  const [code, setCode] = useState(/^\d{6}$/.test(props.query) ? props.query : "");
  const [phone, setPhone] = useState(fromQuery === "phone" ? props.query : "");
  const [idChecked, setIdChecked] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // One id per hand-out: a retry after a lost answer hands nothing out twice.
  const [clientId, setClientId] = useState(() => crypto.randomUUID());
  const handOut = useMutation(
    trpc.shelf.handOut.mutationOptions({
      retry: (n, e) => n < 2 && !(e as { data?: unknown }).data,
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.shelf.list.pathKey() }),
    }),
  );
  const done = handOut.data;

  function submit(e: FormEvent) {
    e.preventDefault();
    const verify =
      method === "code" ? { pickupCode: code.trim() } : method === "phone" ? { phoneLast4: phone.trim() } : ({ idChecked: true } as const);
    if (method === "code" && !/^\d{6}$/.test(code.trim())) return setProblem(t("handOut.needCode"));
    if (method === "phone" && !/^\d{4}$/.test(phone.trim())) return setProblem(t("handOut.needPhone"));
    if (method === "id" && !idChecked) return setProblem(t("handOut.needId"));
    setProblem(null);
    handOut.mutate(
      { nodeId: props.nodeId, clientId, waybillNos: props.parcels.map((p) => p.waybillNo), verify },
      { onSuccess: () => setClientId(crypto.randomUUID()) },
    );
  }

  if (done) {
    const failed = done.results.length - done.handedOut;
    return (
      <section className="card shelf-handout" data-testid="handout-done">
        <p className={`alert ${failed ? "alert-error" : "alert-success"}`} role="status" data-testid="handout-result">
          {failed ? t("handOut.partly", { ok: done.handedOut, failed }) : t("handOut.done", { count: done.handedOut })}
        </p>
        <ul className="shelf-results">
          {done.results.map((r) => (
            <li key={r.waybillNo} className="mono small" data-outcome={r.outcome}>
              {r.waybillNo} · {scanText(i18n, r)}
            </li>
          ))}
        </ul>
        <button type="button" className="btn" onClick={props.onDone} data-testid="handout-next">
          {t("handOut.next")}
        </button>
      </section>
    );
  }

  const name = props.parcels[0]?.recipientName ?? "";
  return (
    <section className="card shelf-handout" data-testid="handout-panel">
      <h2 className="card-title">{t("handOut.title")}</h2>
      <p data-testid="handout-selected">
        {t("handOut.selected", { count: props.parcels.length, name })}{" "}
        <span className="mono">{props.parcels.map((p) => p.slot ?? "—").join(" · ")}</span>
      </p>
      <form className="form" onSubmit={submit} noValidate>
        <fieldset className="shelf-methods">
          <legend>{t("handOut.method")}</legend>
          {methods.map((m) => (
            <label key={m} className="shelf-check">
              <input
                type="radio"
                name="handout-method"
                value={m}
                checked={method === m}
                onChange={() => setMethod(m)}
                data-testid={`handout-method-${m}`}
              />{" "}
              {t(m === "code" ? "handOut.byCode" : m === "phone" ? "handOut.byPhone" : "handOut.byId")}
            </label>
          ))}
        </fieldset>
        {method !== "id" ? (
          <FormField
            id={`handout-${method}`}
            label={t(method === "code" ? "handOut.codeLabel" : "handOut.phoneLabel")}
            error={problem ?? undefined}
          >
            <input
              id={`handout-${method}`}
              inputMode="numeric"
              maxLength={method === "code" ? 6 : 4}
              autoComplete="off"
              value={method === "code" ? code : phone}
              onChange={(e) => (method === "code" ? setCode : setPhone)(e.target.value)}
            />
          </FormField>
        ) : (
          <FormField id="handout-id" label={t("handOut.byId")} error={problem ?? undefined}>
            <label className="shelf-check">
              <input id="handout-id" type="checkbox" checked={idChecked} onChange={(e) => setIdChecked(e.target.checked)} />{" "}
              {t("handOut.idLabel")}
            </label>
          </FormField>
        )}
        <ShelfError error={handOut.error} testId="handout-error" />
        <button type="submit" className="btn btn-primary btn-block" disabled={handOut.isPending} data-testid="handout-submit">
          {handOut.isPending ? t("handOut.working") : t("handOut.submit", { count: props.parcels.length })}
        </button>
      </form>
    </section>
  );
}
