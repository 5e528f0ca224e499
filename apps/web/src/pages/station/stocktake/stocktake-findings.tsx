// What a stocktake found (missing, on the wrong slot, extra), each with its fix, and the fixes made with who made them.
// Refreshed every few seconds: other devices scan into the same stocktake.
import { useMutation, useQueryClient, useQuery } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { DataState } from "../../../components/data-state.tsx";
import { formatShortDateTime } from "../../../lib/time.ts";
import { useTRPC } from "../../../lib/trpc.ts";
import { ShelfError } from "../shelf/shelf-error.tsx";
import { useT } from "../../../i18n/use-t.ts";

type TFixKind = "MOVE" | "MISSING" | "EXTRA";

export function StocktakeFindings({ nodeId, stocktakeId, open }: { nodeId: string; stocktakeId: string; open: boolean }) {
  const t = useT("stocktake");
  const trpc = useTRPC();
  const report = useQuery(trpc.shelf.stocktakeReport.queryOptions({ nodeId, stocktakeId }, { refetchInterval: open ? 5_000 : false }));
  return (
    <DataState query={report}>
      {(r) => (
        <>
          <section className="card">
            <p data-testid="stocktake-counts">{t("counts", r.counts)}</p>
            {r.counts.missing + r.counts.misplaced + r.counts.extra === 0 && r.counts.scans > 0 ? (
              <p className="alert alert-success">{t("allGood")}</p>
            ) : null}
          </section>
          <div className="stocktake-findings">
            <FindingsCard testId="stocktake-missing" title={t("missing")} rows={r.missing}>
              {(m) => (
                <Finding
                  key={m.waybillNo}
                  testId="finding-missing"
                  data={{ "data-waybill": m.waybillNo }}
                  head={
                    <>
                      <span className="mono">{m.waybillNo}</span> · {m.recipientName}
                    </>
                  }
                  note={t("recordedAt", { slot: m.slot })}
                  fix={open ? <FixButton {...{ nodeId, stocktakeId }} kind="MISSING" code={m.waybillNo} label={t("markMissing")} /> : null}
                />
              )}
            </FindingsCard>
            <FindingsCard testId="stocktake-misplaced" title={t("misplaced")} rows={r.misplaced}>
              {(m) => (
                <Finding
                  key={m.waybillNo}
                  testId="finding-misplaced"
                  data={{ "data-waybill": m.waybillNo }}
                  head={
                    <>
                      <span className="mono">{m.waybillNo}</span> · {m.recipientName}
                    </>
                  }
                  note={
                    <>
                      {t("recordedAt", { slot: m.slot })} · {t("foundAt", { slot: m.scannedSlot })}
                    </>
                  }
                  fix={
                    open ? (
                      <FixButton {...{ nodeId, stocktakeId }} kind="MOVE" code={m.waybillNo} label={t("move", { slot: m.scannedSlot })} />
                    ) : null
                  }
                />
              )}
            </FindingsCard>
            <FindingsCard testId="stocktake-extra" title={t("extra")} rows={r.extra}>
              {(x) => (
                <Finding
                  key={`${x.code}@${x.slot}`}
                  testId="finding-extra"
                  data={{ "data-code": x.code }}
                  head={
                    <>
                      <span className="mono">{x.waybillNo ?? x.code}</span> · <span className="mono">{x.slot}</span>
                    </>
                  }
                  note={t(`extraKind.${x.kind}`)}
                  fix={open ? <FixButton {...{ nodeId, stocktakeId }} kind="EXTRA" code={x.code} label={t("acknowledge")} /> : null}
                />
              )}
            </FindingsCard>
          </div>
          {r.fixes.length ? (
            <section className="card" data-testid="stocktake-fixes">
              <h2 className="card-title">{t("fixes")}</h2>
              <ul className="stocktake-list">
                {r.fixes.map((f, i) => (
                  <li key={i} className="small" data-testid="stocktake-fix" data-kind={f.kind}>
                    {t("fixLine", {
                      at: formatShortDateTime(f.at),
                      by: f.by ?? "—",
                      kind: t(`fixKind.${f.kind as TFixKind}`),
                      code: f.kind === "MOVE" ? `${f.code} ${f.fromSlot ?? ""} → ${f.toSlot ?? ""}` : f.code,
                    })}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {r.recent.length ? (
            <section className="card">
              <h2 className="card-title">{t("recent")}</h2>
              <ul className="stocktake-list">
                {r.recent.map((s, i) => (
                  <li key={i} className="small mono">
                    {formatShortDateTime(s.at)} · {s.slot} · {s.code}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </>
      )}
    </DataState>
  );
}

/** One kind of finding as a card: its rows, or "nothing" when there are none. */
function FindingsCard<T>(props: { testId: string; title: string; rows: readonly T[]; children: (row: T) => ReactNode }) {
  const t = useT("stocktake");
  return (
    <section className="card" data-testid={props.testId}>
      <h2 className="card-title">{props.title}</h2>
      {props.rows.length === 0 ? (
        <p className="muted">{t("nothing")}</p>
      ) : (
        <ul className="stocktake-list">{props.rows.map((row) => props.children(row))}</ul>
      )}
    </section>
  );
}

/** A finding: the parcel (or code) and where, a line on it, and its fix while the stocktake is open. */
function Finding(props: {
  testId: string;
  data: { "data-waybill"?: string; "data-code"?: string };
  head: ReactNode;
  note: ReactNode;
  fix: ReactNode;
}) {
  return (
    <li className="stocktake-finding" data-testid={props.testId} {...props.data}>
      <span>
        {props.head}
        <br />
        <span className="muted small">{props.note}</span>
      </span>
      {props.fix}
    </li>
  );
}

function FixButton(props: { nodeId: string; stocktakeId: string; kind: TFixKind; code: string; label: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // One id per fix: a resend after a lost answer is the same fix.
  const [clientId] = useState(() => crypto.randomUUID());
  const fix = useMutation(
    trpc.shelf.stocktakeFix.mutationOptions({
      retry: (n, e) => n < 2 && !(e as { data?: unknown }).data,
      onSettled: () => void queryClient.invalidateQueries({ queryKey: trpc.shelf.pathKey() }),
    }),
  );
  return (
    <span className="shelf-resend">
      <button
        type="button"
        className="btn btn-small"
        disabled={fix.isPending || fix.isSuccess}
        onClick={() => fix.mutate({ nodeId: props.nodeId, stocktakeId: props.stocktakeId, clientId, kind: props.kind, code: props.code })}
        data-testid={`fix-${props.kind.toLowerCase()}`}
      >
        {props.label}
      </button>
      <ShelfError error={fix.error} inline />
    </span>
  );
}
