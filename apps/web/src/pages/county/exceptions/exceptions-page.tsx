// 异常件处理 (issue #17): the county's parcels in exception, RED or without a route, with the manager's actions — call
// the node (its phone), notify it, re-plan, return to sender, mark lost — and each item's record of who did what when.
// Every click sends a client request id, kept until the answer comes, so a retried request is done once.
import { EXCEPTION_ACTIONS, EXCEPTION_CAUSES } from "@xiangda/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { DataState } from "../../../components/data-state.tsx";
import { WaybillLink } from "../../../components/waybill-link.tsx";
import { readApiError } from "../../../lib/api-error.ts";
import { formatDateTime } from "../../../lib/time.ts";
import { useTRPC, useTRPCClient, type TRouterOutputs } from "../../../lib/trpc.ts";
import { useUrlParams } from "../../../lib/use-url-params.ts";
import { CountyScope } from "../county-scope.tsx";
import { useLabels } from "../dashboard/parts/labels.ts";
import "./exceptions.css";
import { useT, type TT } from "../../../i18n/use-t.ts";

type TList = TRouterOutputs["exceptions"]["list"];
type TItem = TList["items"][number];
type TAction = TItem["actions"][number];
type TCause = TItem["causes"][number];
type TKind = TAction["kind"];

/** Actions that finish the parcel: asked again before they are sent. */
const CONFIRM: ReadonlySet<TKind> = new Set(["RETURN", "LOST"]);
const PROCEDURE = { CALL: "callNode", NOTIFY: "notify", REPLAN: "replan", RETURN: "returnToSender", LOST: "markLost" } as const;

const text = (v: unknown) => (typeof v === "string" ? v : "");

/** One line of an item's record: who did what when, in words. */
function describeAction(t: TT<"exceptions">, a: TAction): string {
  const r = a.result ?? {};
  const node = `${text(r.nodeName)}${r.nodeCode ? `（${text(r.nodeCode)}）` : ""}`;
  const actor = a.actorName;
  if (a.kind === "REPLAN")
    return r.ok === true
      ? t("done.REPLAN_OK", { actor, at: formatDateTime(text(r.promisedAt) || null) })
      : t("done.REPLAN_FAILED", { actor });
  if (a.kind === "NOTIFY") return t("done.NOTIFY", { actor, node, alerts: typeof r.alerts === "number" ? r.alerts : 0 });
  if (a.kind === "CALL") return t("done.CALL", { actor, node });
  return t(`done.${a.kind}`, { actor });
}

export function ExceptionsPage() {
  return <CountyScope>{(countyCode) => <ExceptionQueue countyCode={countyCode} />}</CountyScope>;
}

function ExceptionQueue({ countyCode }: { countyCode: string }) {
  const t = useT("exceptions");
  const trpc = useTRPC();
  const { params, setParam } = useUrlParams();
  const raw = params.get("cause");
  const cause = EXCEPTION_CAUSES.find((c) => c === raw);
  const list = useQuery(trpc.exceptions.list.queryOptions({ countyCode, ...(cause ? { cause } : {}) }, { refetchInterval: 60_000 }));
  const pick = (next: TCause | null) => setParam("cause", next ?? "");
  return (
    <section className="card" data-testid="exceptions">
      <h1 className="card-title">{t("title")}</h1>
      <p className="muted small">{t("lead")}</p>
      <DataState query={list}>
        {(data) => (
          <>
            <div className="toolbar no-print" role="group" aria-label={t("title")}>
              {[null, ...EXCEPTION_CAUSES].map((c) => {
                const label = c ? t(`causes.${c}`) : t("all");
                const count = c ? data.counts[c === "EXCEPTION" ? "exception" : c === "RED" ? "red" : "unroutable"] : data.counts.total;
                return (
                  <button
                    key={c ?? "all"}
                    type="button"
                    className={`btn btn-small${(cause ?? null) === c ? " active" : ""}`}
                    aria-pressed={(cause ?? null) === c}
                    onClick={() => pick(c)}
                    data-testid={`exc-filter-${c ?? "ALL"}`}
                  >
                    {t("countOf", { label, count })}
                  </button>
                );
              })}
            </div>
            {data.items.length === 0 ? (
              <p className="muted" data-testid="exc-empty">
                {t("empty")}
              </p>
            ) : (
              <div className="exc-list">
                {data.items.map((item) => (
                  <ExceptionItem key={item.shipmentId} item={item} countyCode={countyCode} />
                ))}
                {data.items.length >= data.limit ? <p className="muted small">{t("limited", { limit: data.limit })}</p> : null}
              </div>
            )}
          </>
        )}
      </DataState>
    </section>
  );
}

function ExceptionItem({ item, countyCode }: { item: TItem; countyCode: string }) {
  const t = useT("exceptions");
  const labels = useLabels();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState<TKind | null>(null);
  const [contact, setContact] = useState<{ nodeName: string; contactName: string | null; contactPhone: string | null } | null>(null);
  // One id per intended action, reused if the same action is sent again before an answer (a retry is done once).
  const pending = useRef(new Map<TKind, string>());
  const act = useMutation({
    mutationFn: async (kind: TKind) => {
      const clientRequestId = pending.current.get(kind) ?? crypto.randomUUID();
      pending.current.set(kind, clientRequestId);
      const input = { countyCode, shipmentId: item.shipmentId, clientRequestId };
      const out = await client.exceptions[PROCEDURE[kind]].mutate(input);
      pending.current.delete(kind);
      return out;
    },
    onSuccess: (out) => {
      if (out.contact)
        setContact({ nodeName: out.contact.nodeName, contactName: out.contact.contactName, contactPhone: out.contact.contactPhone });
      return queryClient.invalidateQueries({ queryKey: trpc.exceptions.list.pathKey() });
    },
  });
  const send = (kind: TKind) => {
    setAsking(null);
    act.mutate(kind);
  };
  const node = item.node;
  const reason = item.routeError ? labels.reason(item.routeError) : labels.reason(item.lightReason);
  return (
    <article className="card exc-item" data-testid="exc-item" data-waybill={item.waybillNo}>
      <header className="exc-head">
        <WaybillLink waybillNo={item.waybillNo} />
        {item.causes.map((c) => (
          <span key={c} className={`badge exc-cause exc-cause-${c.toLowerCase()}`} data-testid="exc-cause" data-cause={c}>
            {t(`causes.${c}`)}
          </span>
        ))}
        <span className="muted small">
          {t("status")} {labels.status(item.status)}
        </span>
        <span className="muted small">
          {t("promisedAt")} {item.promisedAt ? formatDateTime(item.promisedAt) : t("none")}
        </span>
      </header>
      <div className="small">
        {reason ? (
          <div>
            <span className="muted">{t("reason")}</span> {reason}
          </div>
        ) : null}
        {item.exceptionReason ? <div>{t("exceptionReason", { reason: item.exceptionReason })}</div> : null}
        {node ? (
          <div>
            <span className="muted">{t("node")}</span> {node.name} <code className="mono muted">{node.code}</code> ·{" "}
            {node.contactName ?? t("noContact")}
            {node.contactPhoneMasked ? <span className="mono"> {node.contactPhoneMasked}</span> : null}
          </div>
        ) : null}
        {item.at && item.at.id !== node?.id ? (
          <div>
            <span className="muted">{t("at")}</span> {item.at.name} <code className="mono muted">{item.at.code}</code>
          </div>
        ) : null}
      </div>
      <div className="exc-actions no-print" role="group" aria-label={t("actions")}>
        {EXCEPTION_ACTIONS.map((kind) => (
          <button
            key={kind}
            type="button"
            className={`btn btn-small${CONFIRM.has(kind) ? " btn-danger" : ""}`}
            disabled={act.isPending}
            onClick={() => (CONFIRM.has(kind) ? setAsking(kind) : send(kind))}
            data-testid={`exc-act-${kind}`}
          >
            {t(`act.${kind}`)}
          </button>
        ))}
      </div>
      {asking ? (
        <div className="exc-confirm" role="alertdialog" aria-label={t("confirm", { action: t(`act.${asking}`) })}>
          <span>{t("confirm", { action: t(`act.${asking}`) })}</span>
          <button type="button" className="btn btn-small btn-danger" onClick={() => send(asking)} data-testid="exc-confirm">
            {t("confirmYes")}
          </button>
          <button type="button" className="btn btn-small" onClick={() => setAsking(null)}>
            {t("confirmNo")}
          </button>
        </div>
      ) : null}
      <div role="status" className="small" data-testid="exc-status">
        {act.isPending ? t("working") : null}
        {act.error ? <span className="danger-text">{t("failed", { message: readApiError(act.error).message })}</span> : null}
        {contact ? (
          contact.contactPhone ? (
            <span data-testid="exc-phone">
              {t("phone", { node: contact.nodeName, name: contact.contactName ?? "" })}{" "}
              <a className="mono" href={`tel:${contact.contactPhone}`}>
                {contact.contactPhone}
              </a>
            </span>
          ) : (
            <span data-testid="exc-phone">{t("noPhone", { node: contact.nodeName })}</span>
          )
        ) : null}
      </div>
      <details className="exc-history" open={item.actions.length > 0}>
        <summary>
          {t("history")} ({item.actions.length})
        </summary>
        {item.actions.length === 0 ? (
          <p className="muted small">{t("noHistory")}</p>
        ) : (
          <ol className="small" data-testid="exc-history">
            {item.actions.map((a) => (
              <li key={a.id} data-kind={a.kind}>
                <time className="mono muted">{formatDateTime(a.at)}</time> {describeAction(t, a)}
              </li>
            ))}
          </ol>
        )}
      </details>
    </article>
  );
}
