// 盘库: start (or join) the node's stocktake, scan each slot and the parcels on it, then fix what the count found —
// missing parcels reported as exceptions, misplaced ones moved to the slot they were found on, extra codes
// acknowledged. Everything is on the server (any device, any reload); each write carries its own client id.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";
import { DataState } from "../../../components/data-state.tsx";
import { formatShortDateTime } from "../../../lib/time.ts";
import { useTRPC, type TRouterOutputs } from "../../../lib/trpc.ts";
import { ShelfGate } from "../shelf/shelf-gate.tsx";
import { ShelfError } from "../shelf/shelf-error.tsx";
import { StocktakeFindings } from "./stocktake-findings.tsx";
import "../shelf/shelf.css";
import { useT } from "../../../i18n/use-t.ts";

const SLOT = /^[A-Za-z]-\d{2}-\d{2}$/;
type TScanned = TRouterOutputs["shelf"]["stocktakeScan"];

export function StocktakePage() {
  return <ShelfGate path="/station/stocktake">{(nodeId) => <Stocktake nodeId={nodeId} />}</ShelfGate>;
}

function Stocktake({ nodeId }: { nodeId: string }) {
  const t = useT("stocktake");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const current = useQuery(trpc.shelf.stocktakeCurrent.queryOptions({ nodeId }, { refetchOnMount: "always" }));
  const [startId, setStartId] = useState(() => crypto.randomUUID());
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.shelf.pathKey() });
  const start = useMutation(
    trpc.shelf.stocktakeStart.mutationOptions({
      retry: (n, e) => n < 2 && !(e as { data?: unknown }).data,
      onSuccess: () => {
        setStartId(crypto.randomUUID());
        refresh();
      },
    }),
  );
  const close = useMutation(trpc.shelf.stocktakeClose.mutationOptions({ onSuccess: refresh }));
  const now = current.data?.stocktake ?? null;

  return (
    <div className="page shelf-page">
      <section className="card">
        <h1 className="card-title">{t("title")}</h1>
        <p className="page-lead muted">{t("lead")}</p>
        <DataState query={current}>
          {({ stocktake: st }) => (
            <>
              {st?.status === "OPEN" ? (
                <p data-testid="stocktake-status" data-status="OPEN">
                  {t("open", { at: formatShortDateTime(st.startedAt) })}
                </p>
              ) : st ? (
                <p className="muted" data-testid="stocktake-status" data-status="CLOSED">
                  {t("closed", { at: formatShortDateTime(st.startedAt), closedAt: formatShortDateTime(st.closedAt) })}
                </p>
              ) : (
                <p className="muted">{t("none")}</p>
              )}
              {st?.status !== "OPEN" ? (
                <button
                  type="button"
                  className="btn btn-primary"
                  disabled={start.isPending}
                  onClick={() => start.mutate({ nodeId, clientId: startId })}
                  data-testid="stocktake-start"
                >
                  {start.isPending ? t("starting") : st ? t("startNew") : t("start")}
                </button>
              ) : null}
              <ShelfError error={start.error} />
            </>
          )}
        </DataState>
      </section>
      {now?.status === "OPEN" ? <ScanForm nodeId={nodeId} stocktakeId={now.id} onScanned={refresh} /> : null}
      {now ? <StocktakeFindings nodeId={nodeId} stocktakeId={now.id} open={now.status === "OPEN"} /> : null}
      {now?.status === "OPEN" ? (
        <section className="card">
          <ShelfError error={close.error} />
          <button
            type="button"
            className="btn"
            disabled={close.isPending}
            onClick={() => close.mutate({ nodeId, stocktakeId: now.id })}
            data-testid="stocktake-close"
          >
            {t("close")}
          </button>
        </section>
      ) : null}
    </div>
  );
}

/// A scanner types the slot's label, then each parcel's number, each followed by Enter. A slot scanned into the parcel
/// box becomes the current slot.
function ScanForm({ nodeId, stocktakeId, onScanned }: { nodeId: string; stocktakeId: string; onScanned: () => void }) {
  const t = useT("stocktake");
  const trpc = useTRPC();
  const [slot, setSlot] = useState("");
  const [code, setCode] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [last, setLast] = useState<TScanned | null>(null);
  const codeRef = useRef<HTMLInputElement>(null);
  const scan = useMutation(
    trpc.shelf.stocktakeScan.mutationOptions({
      // The scan's client id makes a resend after a lost answer the same scan.
      retry: (n, e) => n < 3 && !(e as { data?: unknown }).data,
      onSuccess: (r) => {
        setLast(r);
        onScanned();
      },
    }),
  );

  function submit(e: FormEvent) {
    e.preventDefault();
    const value = code.trim();
    if (!value) return;
    if (SLOT.test(value)) {
      setSlot(value.toUpperCase());
      setCode("");
      setProblem(null);
      return;
    }
    const s = slot.trim().toUpperCase();
    if (!s) return setProblem(t("needSlot"));
    if (!SLOT.test(s)) return setProblem(t("badSlot"));
    setProblem(null);
    scan.mutate({ nodeId, stocktakeId, clientId: crypto.randomUUID(), slot: s, code: value });
    setCode("");
    codeRef.current?.focus();
  }

  return (
    <section className="card">
      <form className="stocktake-scan" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="stocktake-slot">{t("slot")}</label>
          <input
            id="stocktake-slot"
            autoComplete="off"
            placeholder={t("slotPlaceholder")}
            value={slot}
            onChange={(e) => setSlot(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                codeRef.current?.focus();
              }
            }}
            data-testid="stocktake-slot"
          />
        </div>
        <div className="field">
          <label htmlFor="stocktake-code">{t("code")}</label>
          <input
            id="stocktake-code"
            ref={codeRef}
            autoComplete="off"
            autoFocus
            placeholder={t("codePlaceholder")}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            data-testid="stocktake-code"
          />
        </div>
        <button type="submit" className="btn btn-primary" data-testid="stocktake-record">
          {t("record")}
        </button>
      </form>
      {slot && SLOT.test(slot.trim()) ? (
        <p className="stocktake-slot-now" aria-live="polite" data-testid="stocktake-slot-now">
          {slot.trim().toUpperCase()}
        </p>
      ) : null}
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
      <ShelfError error={scan.error} />
      {last ? (
        <p
          className={`stocktake-verdict stocktake-verdict-${last.verdict}`}
          role="status"
          data-testid="stocktake-verdict"
          data-verdict={last.verdict}
        >
          {t(`verdict.${last.verdict}`, { code: last.waybillNo ?? last.code, recordedSlot: last.recordedSlot ?? "" })}
        </p>
      ) : null}
    </section>
  );
}
