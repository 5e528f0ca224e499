// The console's send lane: each scan is sent in the order it was made, one at a time; scans the API cannot take wait in
// the IndexedDB queue (offline-queue.ts) and are synced with scan.recordBatch on `online` and every few seconds. It also
// holds this screen's scans, the result panel's choice and the full-screen error flash, which sends and notices drive.
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import { useTranslation } from "react-i18next";
import { useT } from "../../../i18n/use-t.ts";
import { readApiError } from "../../../lib/api-error.ts";
import { useTRPC, useTRPCClient, type TRouterOutputs } from "../../../lib/trpc.ts";
import { drainQueue, OfflineScanQueue, type TQueuedScan } from "./offline-queue.ts";
import { colourFor, isRetryable, toneFor, type TMode, type TOutcome, type TScanEntry, type TScanWarning } from "./scan-model.ts";
import { playTone } from "./scan-sound.ts";
import { slotForSpeech, speak } from "./scan-speech.ts";
import { zhScanT } from "./scan-text.ts";

export type TScanResult = TRouterOutputs["scan"]["record"];
/** What the scan API adds to each result (contract C1): the action applied and whether the server chose it. */
type TApplied = { action?: string | null; inferred?: boolean | null; warning?: TScanWarning | null };
export type TFeedback = { kind: "scan"; id: string } | { kind: "notice"; outcome: TOutcome; message: string } | null;

const SYNC_EVERY_MS = 4000;
const SEND_TIMEOUT_MS = 10_000;

export interface TScanLaneOptions {
  nodeId: string;
  /** Whether an OK scan's shelf slot is spoken (read when the result arrives). */
  speakRef: RefObject<boolean>;
  /** What the console does with each result beyond the list and the panel; `live` is false for synced queued scans. */
  onResult: (r: TScanResult, live: boolean) => void;
}

/** The list's fields of a result from the API. */
function resultPatch(r: TScanResult & TApplied): Partial<TScanEntry> {
  return {
    outcome: r.outcome,
    message: r.message,
    reason: r.reason,
    params: r.params,
    waybillNo: r.shipment?.waybillNo ?? null,
    nextHop: r.nextHop?.name ?? null,
    shelfSlot: r.shelfSlot,
    ...(r.action ? { action: r.action } : {}),
    inferred: !!r.inferred,
    warning: r.warning ?? null,
  };
}

/** A scan to send and its line in the list ("checking…" until its result arrives). */
function newScan(code: string, action: TMode, nodeId: string, extra: Partial<TQueuedScan>, seq: number) {
  // AUTO sends no action: the server infers it and says which it applied.
  const scan: TQueuedScan = {
    clientScanId: crypto.randomUUID(),
    code,
    ...(action === "AUTO" ? {} : { action }),
    nodeId,
    at: new Date().toISOString(),
    ...extra,
  };
  const entry: TScanEntry = {
    clientScanId: scan.clientScanId,
    code,
    action,
    outcome: "SENDING",
    message: "",
    at: scan.at,
    waybillNo: null,
    nextHop: null,
    shelfSlot: null,
    seq,
  };
  return { scan, entry };
}

/** The error flash: keyed by how many errors so far, so each error flashes anew; 0 while none shows. */
function useErrorFlash() {
  const [flash, setFlash] = useState(0);
  const flashes = useRef(0);
  const flashError = useCallback(() => setFlash(++flashes.current), []);
  const clearFlash = useCallback(() => setFlash(0), []);
  return { flash, flashError, clearFlash };
}

/** The offline queue, opened once; null where IndexedDB is unavailable. */
function useQueue(): RefObject<Promise<OfflineScanQueue | null> | null> {
  const queue = useRef<Promise<OfflineScanQueue | null> | null>(null);
  queue.current ??= OfflineScanQueue.open().catch(() => null);
  return queue;
}

/** Sync loop: on `online` and every few seconds while something waits. Returns whether the browser says it is online. */
function useSyncLoop(refreshPending: () => Promise<void>, pendingRef: RefObject<number>, sync: () => void): boolean {
  const [online, setOnline] = useState(() => (typeof navigator === "undefined" ? true : navigator.onLine));
  useEffect(() => {
    void refreshPending().then(() => {
      if (pendingRef.current > 0) sync();
    });
    const goOnline = () => {
      setOnline(true);
      sync();
    };
    const goOffline = () => setOnline(false);
    window.addEventListener("online", goOnline);
    window.addEventListener("offline", goOffline);
    const timer = window.setInterval(() => {
      setOnline(navigator.onLine);
      if (pendingRef.current > 0) sync();
    }, SYNC_EVERY_MS);
    return () => {
      window.removeEventListener("online", goOnline);
      window.removeEventListener("offline", goOffline);
      window.clearInterval(timer);
    };
  }, [pendingRef, refreshPending, sync]);
  return online;
}

export function useScanLane({ nodeId, speakRef, onResult }: TScanLaneOptions) {
  const { i18n } = useTranslation();
  const t = useT("scan");
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const { flash, flashError, clearFlash } = useErrorFlash();
  const seqRef = useRef(0);
  const onResultRef = useRef(onResult);
  onResultRef.current = onResult;
  const [entries, setEntries] = useState<TScanEntry[]>([]);
  const [feedback, setFeedback] = useState<TFeedback>(null);
  const [pending, setPending] = useState(0);
  const [syncing, setSyncing] = useState(false);

  // One serial lane for sends and syncs keeps every scan in the order it was made.
  const lane = useRef<Promise<void>>(Promise.resolve());
  const queue = useQueue();
  const pendingRef = useRef(0);
  const syncQueued = useRef(false);

  const upsert = useCallback((id: string, patch: Partial<TScanEntry>) => {
    setEntries((prev) => prev.map((e) => (e.clientScanId === id ? { ...e, ...patch } : e)));
  }, []);

  const refreshPending = useCallback(async () => {
    const q = await queue.current;
    const n = q ? await q.count() : 0;
    pendingRef.current = n;
    setPending(n);
  }, [queue]);

  const applyResult = useCallback(
    (r: TScanResult, live: boolean) => {
      const applied = r as TScanResult & TApplied;
      upsert(r.clientScanId, resultPatch(applied));
      onResultRef.current(r, live);
      if (r.outcome === "OK") void queryClient.invalidateQueries({ queryKey: trpc.station.expected.pathKey() });
      if (live) {
        setFeedback({ kind: "scan", id: r.clientScanId });
        // A late or unroutable parcel scanned fine still sounds like something to look at (the amber tone).
        const tone = r.outcome === "OK" && applied.warning ? "duplicate" : toneFor(r.outcome);
        if (tone) playTone(tone);
        if (colourFor(r.outcome) === "bad") flashError();
        // Spoken in Chinese whatever the screen's language (the staff's language; zh-CN voices are what devices have).
        if (r.outcome === "OK" && r.shelfSlot && speakRef.current) speak(zhScanT(i18n)("slotSpeech", { slot: slotForSpeech(r.shelfSlot) }));
      }
    },
    [flashError, i18n, queryClient, speakRef, trpc, upsert],
  );

  const enqueue = useCallback(
    async (scan: TQueuedScan): Promise<boolean> => {
      const q = await queue.current;
      if (!q) return false;
      await q.add(scan);
      await refreshPending();
      upsert(scan.clientScanId, { outcome: "QUEUED", message: t("queuedMessage") });
      setFeedback({ kind: "scan", id: scan.clientScanId });
      playTone("queued");
      return true;
    },
    [queue, refreshPending, t, upsert],
  );

  const sendOne = useCallback(
    async (scan: TQueuedScan) => {
      const q = await queue.current;
      // Behind queued scans, or plainly offline: join the queue so the order holds.
      if (q && ((await q.count()) > 0 || !navigator.onLine)) {
        await enqueue(scan);
        return;
      }
      try {
        const r = await client.scan.record.mutate(scan as Parameters<typeof client.scan.record.mutate>[0], {
          signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
        });
        applyResult(r, true);
      } catch (error) {
        if (isRetryable(error) && (await enqueue(scan))) return;
        const message = readApiError(error).message;
        upsert(scan.clientScanId, { outcome: "ERROR", message });
        setFeedback({ kind: "scan", id: scan.clientScanId });
        flashError();
        playTone("error");
      }
    },
    [applyResult, client, enqueue, flashError, queue, upsert],
  );

  const sync = useCallback(() => {
    if (syncQueued.current) return;
    syncQueued.current = true;
    lane.current = lane.current.then(async () => {
      syncQueued.current = false;
      const q = await queue.current;
      if (!q || !navigator.onLine || (await q.count()) === 0) return;
      setSyncing(true);
      try {
        const { error } = await drainQueue(
          q,
          async (scans) =>
            (await client.scan.recordBatch.mutate({ scans: scans as Parameters<typeof client.scan.recordBatch.mutate>[0]["scans"] }))
              .results,
          (results) => {
            for (const r of results) applyResult(r, false);
            void refreshPending();
          },
        );
        if (!error) void queryClient.invalidateQueries({ queryKey: trpc.scan.today.queryKey({ nodeId }) });
      } finally {
        setSyncing(false);
        await refreshPending();
      }
    });
  }, [applyResult, client, nodeId, queryClient, queue, refreshPending, trpc]);

  const dispatch = useCallback(
    (code: string, action: TMode, extra: Partial<TQueuedScan> = {}) => {
      const { scan, entry } = newScan(code, action, nodeId, extra, ++seqRef.current);
      setEntries((prev) => [entry, ...prev].slice(0, 500));
      // The panel turns to this scan at once ("checking…"): the previous result never stands in for this one.
      setFeedback({ kind: "scan", id: scan.clientScanId });
      lane.current = lane.current.then(() => sendOne(scan)).catch(() => undefined);
    },
    [nodeId, sendOne],
  );

  const notice = useCallback(
    (message: string) => {
      setFeedback({ kind: "notice", outcome: "ERROR", message });
      flashError();
      playTone("error");
    },
    [flashError],
  );

  const online = useSyncLoop(refreshPending, pendingRef, sync);

  return { entries, feedback, pending, syncing, online, flash, clearFlash, dispatch, notice };
}
