// The station console (/station): one always-focused scan input fed by a handheld or USB wedge scanner (code + Enter),
// AUTO (the server picks the action and says which) or one of seven modes with F1–F7 / Alt+1..7, instant colour + tone +
// large text per scan ("checking…" at once, each result numbered and flashed, a full-screen flash on errors, the shelf
// slot very large and optionally spoken), expected vs scanned for a manifest or load, today's list with OK counts per
// mode, an IndexedDB queue when the API is unreachable (synced in order with scan.recordBatch), camera scanning and labels.
// The scan input is uncontrolled: network results never re-render its value, so fast scanners lose no characters.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Suspense, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useUser } from "../../../auth/session-context.ts";
import { readApiError } from "../../../lib/api-error.ts";
import { preloadable } from "../../../lib/preloadable.ts";
import { useTRPC, useTRPCClient, type TRouterOutputs } from "../../../lib/trpc.ts";
import { StationHome } from "../../station-home.tsx";
import { ExpectedPanel, type TTrack } from "./expected-panel.tsx";
import { drainQueue, OfflineScanQueue, type TQueuedScan } from "./offline-queue.ts";
import {
  ACTION_MODES,
  colourFor,
  colourForEntry,
  CONSOLE_MODES,
  isAction,
  isRetryable,
  keyLabel,
  lastOkWaybills,
  mergeToday,
  modeForKey,
  toneFor,
  type TMode,
  type TOutcome,
  type TScanEntry,
  type TScanWarning,
} from "./scan-model.ts";
import { playTone } from "./scan-sound.ts";
import { readSpeakSetting, slotForSpeech, speak, speechAvailable, storeSpeakSetting } from "./scan-speech.ts";
import { scanText } from "./scan-text.ts";
import { findDeparting, VehiclePicker } from "./vehicle-picker.tsx";
import { printLabels as printLabelsPdf } from "../../../lib/print-labels.ts";

const CameraScanner = preloadable(() => import("./camera-scanner.tsx").then((m) => m.default));

type TScanResult = TRouterOutputs["scan"]["record"];
/** What the scan API adds to each result (contract C1): the action applied and whether the server chose it. */
type TApplied = { action?: string | null; inferred?: boolean | null; warning?: TScanWarning | null };
type TFeedback = { kind: "scan"; id: string } | { kind: "notice"; outcome: TOutcome; message: string } | null;

const REASON_KEYS = ["damaged", "wrongAddress", "unreachable", "refused", "missing"] as const;
const VEHICLE_KEY = "xd.scan.vehicle";
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Codes that are parcels, loads or shelf slots, never a vehicle. */
const NOT_A_VEHICLE = /^(XD\d|LD\d|[A-Z]-\d{2}-\d{2}$)/i;
const SYNC_EVERY_MS = 4000;
const SEND_TIMEOUT_MS = 10_000;
const PRINT_CHOICES = [1, 5, 10, 20, 50] as const;

function readStored(key: string): string {
  try {
    return globalThis.localStorage?.getItem(key) ?? "";
  } catch {
    return "";
  }
}

function isTextEntry(el: Element | null): boolean {
  return el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement;
}

export function StationConsole() {
  const { t } = useTranslation();
  const user = useUser();
  if (!user.nodeId) {
    return (
      <div className="page">
        <p className="alert alert-error">{t("scan.noNode")}</p>
        <StationHome />
      </div>
    );
  }
  return <ScanConsole nodeId={user.nodeId} />;
}

function ScanConsole({ nodeId }: { nodeId: string }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const today = useQuery(trpc.scan.today.queryOptions({ nodeId }, { refetchInterval: 60_000, retry: false }));
  // Parcels announced here (restock orders) that wait for the desk's acceptance under the three rules.
  const awaiting = useQuery(
    trpc.shipments.awaitingAcceptance.queryOptions({ nodeId, limit: 200 }, { refetchInterval: 60_000, retry: false }),
  );
  // Asked at once, not when LOAD is chosen: this and the queries above warm the session, the connection and the node's
  // data, so the first scan after sign-in finds everything ready.
  const departing = useQuery(
    trpc.scan.departingVehicles.queryOptions({ nodeId }, { staleTime: 60_000, refetchInterval: 300_000, retry: false }),
  );

  const inputRef = useRef<HTMLInputElement>(null);
  const vehicleRef = useRef<HTMLInputElement>(null);
  const pickupRef = useRef<HTMLInputElement>(null);
  const [mode, setModeState] = useState<TMode>("AUTO");
  const [vehicle, setVehicleState] = useState(() => readStored(VEHICLE_KEY).trim());
  const [track, setTrack] = useState<TTrack>(null);
  const [scannedLoads, setScannedLoads] = useState<string[]>([]);
  const [speakOn, setSpeakOn] = useState(readSpeakSetting);
  const speakRef = useRef(speakOn);
  speakRef.current = speakOn;
  /** How many errors so far: the full-screen flash is keyed by it, so each error flashes anew; 0 while none shows. */
  const [flash, setFlash] = useState(0);
  const flashes = useRef(0);
  const flashError = useCallback(() => setFlash(++flashes.current), []);
  const seqRef = useRef(0);
  const [reasonKey, setReasonKey] = useState<string>("");
  const [reasonText, setReasonText] = useState("");
  const [pickupFor, setPickupFor] = useState<string | null>(null);
  const [pickupError, setPickupError] = useState<string | null>(null);
  const [vehicleError, setVehicleError] = useState<string | null>(null);
  const [entries, setEntries] = useState<TScanEntry[]>([]);
  const [feedback, setFeedback] = useState<TFeedback>(null);
  const [pending, setPending] = useState(0);
  const [syncing, setSyncing] = useState(false);
  const [online, setOnline] = useState(() => (typeof navigator === "undefined" ? true : navigator.onLine));
  const [cameraOpen, setCameraOpen] = useState(false);
  const [printN, setPrintN] = useState<number>(10);

  // One serial lane for sends and syncs keeps every scan in the order it was made.
  const lane = useRef<Promise<void>>(Promise.resolve());
  const queue = useRef<Promise<OfflineScanQueue | null> | null>(null);
  const pendingRef = useRef(0);
  const syncQueued = useRef(false);

  queue.current ??= OfflineScanQueue.open().catch(() => null);

  const refocus = useCallback((force = false) => {
    requestAnimationFrame(() => {
      const el = inputRef.current;
      if (!el || document.activeElement === el) return;
      if (!force && isTextEntry(document.activeElement)) return;
      el.focus();
    });
  }, []);

  const upsert = useCallback((id: string, patch: Partial<TScanEntry>) => {
    setEntries((prev) => prev.map((e) => (e.clientScanId === id ? { ...e, ...patch } : e)));
  }, []);

  const refreshPending = useCallback(async () => {
    const q = await queue.current;
    const n = q ? await q.count() : 0;
    pendingRef.current = n;
    setPending(n);
  }, []);

  const applyResult = useCallback(
    (r: TScanResult, live: boolean) => {
      const applied = r as TScanResult & TApplied;
      upsert(r.clientScanId, {
        outcome: r.outcome,
        message: r.message,
        reason: r.reason,
        params: r.params,
        waybillNo: r.shipment?.waybillNo ?? null,
        nextHop: r.nextHop?.name ?? null,
        shelfSlot: r.shelfSlot,
        ...(applied.action ? { action: applied.action } : {}),
        inferred: !!applied.inferred,
        warning: applied.warning ?? null,
      });
      // A load's code scanned here: its expected vs scanned is what the staff now works through.
      const load = r.reason === "LOAD_SUMMARY" && typeof r.params?.load === "string" ? r.params.load : null;
      if (load) {
        setScannedLoads((prev) => (prev.includes(load) ? prev : [load, ...prev].slice(0, 5)));
        if (live) setTrack({ loadCode: load });
      }
      if (r.outcome === "OK") void queryClient.invalidateQueries({ queryKey: trpc.station.expected.pathKey() });
      // AUTO found the parcel on this node's shelf: ask for the pickup code or phone digits right away.
      const shelved = r.shipment?.waybillNo ?? (typeof r.params?.slot === "string" ? r.params.slot : null);
      if (live && r.reason === "PICKUP_NEEDS_CHECK" && shelved) {
        setPickupFor(shelved);
        setPickupError(null);
      }
      if (live) {
        setFeedback({ kind: "scan", id: r.clientScanId });
        // A late or unroutable parcel scanned fine still sounds like something to look at (the amber tone).
        const tone = r.outcome === "OK" && applied.warning ? "duplicate" : toneFor(r.outcome);
        if (tone) playTone(tone);
        if (colourFor(r.outcome) === "bad") flashError();
        // Spoken in Chinese whatever the screen's language (the staff's language; zh-CN voices are what devices have).
        if (r.outcome === "OK" && r.shelfSlot && speakRef.current)
          speak(i18n.getFixedT("zh-CN")("scan.slotSpeech", { slot: slotForSpeech(r.shelfSlot) }));
      }
    },
    [flashError, i18n, queryClient, trpc, upsert],
  );

  const enqueue = useCallback(
    async (scan: TQueuedScan): Promise<boolean> => {
      const q = await queue.current;
      if (!q) return false;
      await q.add(scan);
      await refreshPending();
      upsert(scan.clientScanId, { outcome: "QUEUED", message: t("scan.queuedMessage") });
      setFeedback({ kind: "scan", id: scan.clientScanId });
      playTone("queued");
      return true;
    },
    [refreshPending, t, upsert],
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
    [applyResult, client, enqueue, flashError, upsert],
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
  }, [applyResult, client, nodeId, queryClient, refreshPending, trpc]);

  const dispatch = useCallback(
    (code: string, action: TMode, extra: Partial<TQueuedScan> = {}) => {
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
        seq: ++seqRef.current,
      };
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

  const reason =
    reasonKey === "other" ? reasonText.trim() : reasonKey ? t(`scan.reasons.${reasonKey as (typeof REASON_KEYS)[number]}`) : "";

  const submitCode = (raw: string) => {
    const code = raw.trim();
    if (!code) return;
    if (code.length > 64) return notice(`${code.slice(0, 20)}…: > 64`);
    if (mode === "LOAD") {
      // A vehicle's barcode (its number) or plate scanned into the main input chooses the vehicle.
      const list = departing.data?.vehicles ?? [];
      if (findDeparting(list, code) || (!vehicle && !NOT_A_VEHICLE.test(code))) return setVehicle(code);
      if (!vehicle) {
        notice(t("scan.vehicleMissing"));
        vehicleRef.current?.focus();
        return;
      }
      dispatch(code, mode, UUID_RE.test(vehicle) ? { vehicleId: vehicle } : { vehicle });
    } else if (mode === "EXCEPTION") {
      if (!reason) return notice(t("scan.reasonMissing"));
      dispatch(code, mode, { exceptionReason: reason });
    } else if (mode === "PICKUP") {
      setPickupFor(code);
      setPickupError(null);
      requestAnimationFrame(() => pickupRef.current?.focus());
    } else dispatch(code, mode);
  };

  const onScanKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== "Enter") return;
    e.preventDefault();
    const el = e.currentTarget;
    const value = el.value;
    el.value = ""; // cleared before anything else, so the next code starts clean
    submitCode(value);
  };

  const onPickupKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Escape") {
      setPickupFor(null);
      refocus(true);
      return;
    }
    if (e.key !== "Enter" || !pickupFor) return;
    e.preventDefault();
    const digits = e.currentTarget.value.trim();
    if (!/^\d{6}$/.test(digits) && !/^\d{4}$/.test(digits)) {
      setPickupError(t("scan.pickupInvalid"));
      return;
    }
    dispatch(pickupFor, "PICKUP", digits.length === 6 ? { pickupCode: digits } : { phoneLast4: digits });
    e.currentTarget.value = "";
    setPickupFor(null);
    refocus(true);
  };

  const setVehicle = (value: string) => {
    const v = value.trim();
    if (!v || v.length > 40) {
      setVehicleError(t("scan.vehicleInvalid"));
      return;
    }
    // A departing vehicle is kept by its number, whichever of its names was typed; the server resolves any other.
    const known = findDeparting(departing.data?.vehicles ?? [], v);
    const chosen = known?.number ?? v;
    setVehicleError(null);
    setVehicleState(chosen);
    if (vehicleRef.current) vehicleRef.current.value = chosen;
    if (known) setTrack({ loadCode: known.loadCode });
    try {
      globalThis.localStorage?.setItem(VEHICLE_KEY, chosen);
    } catch {
      // kept for this page only
    }
    refocus(true);
  };

  const setMode = useCallback(
    (next: TMode) => {
      setModeState(next);
      setPickupFor(null);
      if (next === "LOAD" && !vehicle) requestAnimationFrame(() => vehicleRef.current?.focus());
      else refocus(true);
    },
    [refocus, vehicle],
  );

  // Loading a vehicle of a departing load: that load's expected vs scanned, unless the staff chose another.
  const departingList = departing.data?.vehicles;
  useEffect(() => {
    if (mode !== "LOAD" || !vehicle || !departingList) return;
    const known = findDeparting(departingList, vehicle);
    if (known) setTrack((cur) => cur ?? { loadCode: known.loadCode });
  }, [mode, vehicle, departingList]);

  // Mode shortcuts anywhere on the page (F-keys would otherwise open help, search, reload…).
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      const m = modeForKey(e);
      if (!m) return;
      e.preventDefault();
      setMode(m);
    };
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, [setMode]);

  // Sync loop: on `online` and every few seconds while something waits.
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
  }, [refreshPending, sync]);

  useEffect(() => {
    inputRef.current?.focus();
  }, []);

  // The pickup prompt takes the focus once it is drawn (asked by PICKUP mode or by AUTO finding a shelved parcel).
  useEffect(() => {
    if (pickupFor) pickupRef.current?.focus();
  }, [pickupFor]);

  const merged = useMemo(() => mergeToday(entries, today.data), [entries, today.data]);
  const shown: {
    outcome: TOutcome;
    title: string;
    detail: string;
    code: string;
    seq: number;
    slot: string | null;
    applied: string | null;
    warning: string | null;
    colour: ReturnType<typeof colourForEntry>;
  } | null = useMemo(() => {
    if (!feedback) return null;
    if (feedback.kind === "notice")
      return {
        outcome: feedback.outcome,
        title: t("scan.outcomes.ERROR"),
        detail: feedback.message,
        code: "",
        seq: 0,
        slot: null,
        applied: null,
        warning: null,
        colour: colourFor(feedback.outcome),
      };
    const e = entries.find((x) => x.clientScanId === feedback.id);
    if (!e) return null;
    const slot = e.outcome === "OK" && e.shelfSlot ? e.shelfSlot : null;
    const detail =
      e.outcome === "SENDING"
        ? ""
        : slot
          ? t("scan.shelfSlot", { slot })
          : e.outcome === "OK" && e.nextHop
            ? t("scan.nextHop", { name: e.nextHop })
            : scanText(i18n, e);
    return {
      outcome: e.outcome,
      title:
        e.outcome === "SENDING"
          ? t("scan.checking")
          : e.outcome === "OK" && e.warning
            ? t("scan.okWithWarning")
            : t(`scan.outcomes.${e.outcome}`),
      detail,
      code: e.waybillNo ?? e.code,
      seq: e.seq ?? 0,
      slot,
      applied: e.inferred && isAction(e.action) ? t("scan.inferredAs", { action: t(`scan.modes.${e.action}`) }) : null,
      warning:
        e.outcome === "OK" && e.warning
          ? scanText(i18n, { reason: e.warning.code, params: e.warning.params, message: e.warning.message })
          : null,
      colour: colourForEntry(e),
    };
  }, [entries, feedback, t, i18n]);

  const printWaybills = lastOkWaybills(merged.entries, printN);
  const printLabels = () => {
    if (printWaybills.length === 0) return notice(t("scan.printNone"));
    // Entries loaded from the server may carry the carrier's number: /labels/check resolves both, refused ones are said here.
    printLabelsPdf(printWaybills, "100x150")
      .then((r) => {
        if (r.refused.length) notice(t("scan.printRefused", { count: r.refused.length, numbers: r.refused.join(", ") }));
      })
      .catch(() => notice(t("scan.printFailed")));
    refocus(true);
  };

  const time = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" });

  return (
    <div className="page scan-console">
      <section className="card scan-main">
        <div className="scan-topline">
          <h2 className="card-title">{t("scan.title")}</h2>
          <span className={`scan-pending${pending > 0 ? " has-pending" : ""}`} title={t("scan.pendingHint")}>
            {!online && <span className="scan-offline">{t("scan.offline")}</span>}
            {t("scan.pending")}: <strong data-testid="scan-pending">{pending}</strong>
            {syncing && <span className="muted small"> {t("scan.syncing")}</span>}
          </span>
        </div>

        <div className="scan-modes" role="group" aria-label={t("scan.modeLabel")}>
          {CONSOLE_MODES.map((m, i) => (
            <button
              key={m}
              type="button"
              className={`scan-mode${m === mode ? " active" : ""}`}
              aria-pressed={m === mode}
              data-testid={`scan-mode-${m}`}
              // A pointer press must not pull focus off the scan input (the next wedge scan would be lost to the button).
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => setMode(m)}
            >
              <span className="scan-mode-name">{t(`scan.modes.${m}`)}</span>
              <kbd className="scan-mode-key" title={`Alt+${i}`}>
                {keyLabel(m)}
              </kbd>
            </button>
          ))}
        </div>
        <p className="muted small scan-hint">{t("scan.shortcutsHint")}</p>

        {mode === "LOAD" && (
          <VehiclePicker
            vehicle={vehicle}
            departing={departing.data?.vehicles}
            error={vehicleError}
            inputRef={vehicleRef}
            onSet={setVehicle}
          />
        )}

        {mode === "EXCEPTION" && (
          <div className="scan-extra">
            <label className="scan-extra-label" htmlFor="scan-reason">
              {t("scan.reasonLabel")}
            </label>
            <div className="scan-extra-row">
              <select
                id="scan-reason"
                className="scan-extra-input"
                value={reasonKey}
                data-testid="scan-reason"
                onChange={(e) => {
                  setReasonKey(e.target.value);
                  if (e.target.value !== "other") refocus(true);
                }}
              >
                <option value="">—</option>
                {REASON_KEYS.map((k) => (
                  <option key={k} value={k}>
                    {t(`scan.reasons.${k}`)}
                  </option>
                ))}
                <option value="other">{t("scan.reasonOther")}</option>
              </select>
              {reasonKey === "other" && (
                <input
                  className="scan-extra-input"
                  value={reasonText}
                  maxLength={200}
                  placeholder={t("scan.reasonPlaceholder")}
                  data-testid="scan-reason-text"
                  onChange={(e) => setReasonText(e.target.value)}
                  onKeyDown={(e) => {
                    if (e.key === "Enter") refocus(true);
                  }}
                />
              )}
            </div>
          </div>
        )}

        <label className="sr-only" htmlFor="scan-input">
          {t("scan.inputLabel")}
        </label>
        <input
          id="scan-input"
          ref={inputRef}
          className="scan-input mono"
          data-testid="scan-input"
          placeholder={t("scan.inputPlaceholder")}
          autoComplete="off"
          autoCorrect="off"
          autoCapitalize="characters"
          spellCheck={false}
          enterKeyHint="send"
          onKeyDown={onScanKey}
          onBlur={() => window.setTimeout(() => refocus(false), 0)}
        />

        {pickupFor && (
          <div className="scan-extra scan-pickup">
            <label className="scan-extra-label" htmlFor="scan-pickup">
              {t("scan.pickupPrompt", { code: pickupFor })}
            </label>
            <div className="scan-extra-row">
              <input
                id="scan-pickup"
                ref={pickupRef}
                className="scan-extra-input mono"
                inputMode="numeric"
                autoComplete="off"
                maxLength={6}
                placeholder={t("scan.pickupPlaceholder")}
                data-testid="scan-pickup-code"
                onKeyDown={onPickupKey}
              />
              <button
                type="button"
                className="btn"
                onClick={() => {
                  setPickupFor(null);
                  refocus(true);
                }}
              >
                {t("scan.pickupCancel")}
              </button>
            </div>
            {pickupError && <p className="field-error">{pickupError}</p>}
          </div>
        )}

        <div
          // A new key per scan replays the flash, so two identical results one after the other are seen as two.
          key={shown ? `scan-${shown.seq}` : "idle"}
          className={`scan-feedback scan-${shown ? shown.colour : "idle"}${shown && shown.seq ? " scan-fresh" : ""}`}
          data-testid="scan-feedback"
          data-outcome={shown?.outcome ?? ""}
          data-seq={shown?.seq ?? 0}
          role="status"
          aria-live="assertive"
        >
          {shown ? (
            <>
              <div className="scan-feedback-title">
                {shown.seq > 0 && (
                  <span className="scan-feedback-seq" data-testid="scan-feedback-seq">
                    {t("scan.scanNo", { n: shown.seq })}
                  </span>
                )}
                {shown.title}
                {shown.code && <span className="scan-feedback-code mono">{shown.code}</span>}
              </div>
              {shown.applied && (
                <div className="scan-feedback-applied" data-testid="scan-feedback-applied">
                  {shown.applied}
                </div>
              )}
              {shown.warning && (
                <div className="scan-feedback-warning" data-testid="scan-feedback-warning" role="alert">
                  {shown.warning}
                </div>
              )}
              {shown.slot ? (
                <div className="scan-slot" data-testid="scan-slot">
                  <span className="scan-slot-label">{t("scan.slotLabel")}</span>
                  <span className="scan-slot-value mono">{shown.slot}</span>
                </div>
              ) : (
                <div className="scan-feedback-detail" data-testid="scan-feedback-detail">
                  {shown.detail}
                </div>
              )}
            </>
          ) : (
            <div className="scan-feedback-title">{t("scan.ready")}</div>
          )}
        </div>
        {flash > 0 && (
          <div key={flash} className="scan-flash" data-testid="scan-flash" aria-hidden="true" onAnimationEnd={() => setFlash(0)} />
        )}

        <div className="scan-tools">
          <button type="button" className="btn" data-testid="scan-camera-open" onClick={() => setCameraOpen((o) => !o)}>
            {cameraOpen ? t("scan.cameraClose") : t("scan.camera")}
          </button>
          {speechAvailable() && (
            <label className="scan-speak">
              <input
                type="checkbox"
                checked={speakOn}
                data-testid="scan-speak"
                onChange={(e) => {
                  setSpeakOn(e.target.checked);
                  storeSpeakSetting(e.target.checked);
                  refocus(true);
                }}
              />{" "}
              {t("scan.speak")}
            </label>
          )}
          <span className="scan-print">
            <button type="button" className="btn" data-testid="scan-print" onClick={printLabels} disabled={printWaybills.length === 0}>
              {t("scan.printLabels")}
            </button>
            <select
              aria-label={t("scan.printLabels")}
              value={printN}
              data-testid="scan-print-count"
              onChange={(e) => {
                setPrintN(Number(e.target.value));
                refocus(true);
              }}
            >
              {PRINT_CHOICES.map((n) => (
                <option key={n} value={n}>
                  {t("scan.printCount", { count: n })}
                </option>
              ))}
            </select>
          </span>
        </div>
        {cameraOpen && (
          <Suspense fallback={<p className="muted">{t("scan.cameraLoading")}</p>}>
            <CameraScanner
              onCode={(code) => submitCode(code)}
              onClose={() => {
                setCameraOpen(false);
                refocus(true);
              }}
            />
          </Suspense>
        )}
      </section>

      <ExpectedPanel
        nodeId={nodeId}
        track={track}
        loadCodes={[...new Set([...(departing.data?.vehicles.map((v) => v.loadCode) ?? []), ...scannedLoads])]}
        onTrack={setTrack}
      />

      {awaiting.data?.length ? (
        <p className="card scan-awaiting" role="status" data-testid="scan-awaiting">
          {t("scan.awaiting", { count: awaiting.data.length })}{" "}
          <Link to="/station/accept?mode=announced" data-testid="scan-awaiting-link">
            {t("scan.awaitingGo")}
          </Link>
        </p>
      ) : null}

      <section className="card scan-today">
        <h3 className="card-title">{t("scan.todayTitle")}</h3>
        <div className="scan-counts" aria-label={t("scan.countsTitle")}>
          {ACTION_MODES.map((m) => (
            <div key={m} className="scan-count">
              <span className="scan-count-label">{t(`scan.modes.${m}`)}</span>
              <strong data-testid={`scan-count-${m}`}>{merged.okCounts[m] ?? 0}</strong>
            </div>
          ))}
        </div>
        <ol className="scan-list" data-testid="scan-list">
          {merged.entries.length === 0 && <li className="muted">{t("scan.todayEmpty")}</li>}
          {merged.entries.slice(0, 200).map((e) => (
            <li key={e.clientScanId} className={`scan-row scan-${colourForEntry(e)}`} data-outcome={e.outcome}>
              <span className="scan-row-time mono">{time(e.at)}</span>
              <span className="scan-row-mode">
                {(CONSOLE_MODES as readonly string[]).includes(e.action) ? t(`scan.modes.${e.action as TMode}`) : e.action}
              </span>
              <span className="scan-row-code mono">{e.waybillNo ?? e.code}</span>
              <span className="scan-row-result">{t(`scan.outcomes.${e.outcome}`, { defaultValue: e.outcome })}</span>
            </li>
          ))}
        </ol>
      </section>

      <details className="scan-node" open>
        <summary>{t("scan.nodeInfo")}</summary>
        <StationHome />
      </details>
    </div>
  );
}
