// The station console (/station): one always-focused scan input fed by a handheld or USB wedge scanner (code + Enter),
// AUTO (the server picks the action and says which) or one of seven modes with F1–F7 / Alt+1..7, instant colour + tone +
// large text per scan ("checking…" at once, each result numbered and flashed, a full-screen flash on errors, the shelf
// slot very large and optionally spoken), expected vs scanned for a manifest or load, today's list with OK counts per
// mode, an IndexedDB queue when the API is unreachable (synced in order with scan.recordBatch), camera scanning and labels.
// The scan input is uncontrolled: network results never re-render its value, so fast scanners lose no characters.
// The parts: use-scan-lane.ts (sending, the offline queue), use-scan-input.ts (keys, modes, vehicle, reason, pickup),
// and the panels beside this file.
import { useQuery } from "@tanstack/react-query";
import { useMemo, useRef, useState } from "react";
import { useT } from "../../../i18n/use-t.ts";
import { Link } from "react-router";
import { useTRPC } from "../../../lib/trpc.ts";
import { StationGate } from "../station-gate.tsx";
import { StationHome } from "../station-home.tsx";
import { ExceptionReason } from "./exception-reason.tsx";
import { ExpectedPanel, type TTrack } from "./expected-panel.tsx";
import { PickupPrompt } from "./pickup-prompt.tsx";
import { ErrorFlash, ScanFeedback } from "./scan-feedback.tsx";
import { ScanModeButtons } from "./scan-mode-buttons.tsx";
import { mergeToday } from "./scan-model.ts";
import { readSpeakSetting, storeSpeakSetting } from "./scan-speech.ts";
import { ScanToday } from "./scan-today.tsx";
import { ScanTools } from "./scan-tools.tsx";
import { ScanTopline } from "./scan-topline.tsx";
import { useScanInput } from "./use-scan-input.ts";
import { useScanLane, type TScanResult } from "./use-scan-lane.ts";
import { VehiclePicker } from "./vehicle-picker.tsx";

export function StationConsole() {
  const t = useT("scan");
  const noNode = (
    <>
      <p className="alert alert-error">{t("noNode")}</p>
      <StationHome />
    </>
  );
  return <StationGate noScope={noNode}>{(nodeId) => <ScanConsole nodeId={nodeId} />}</StationGate>;
}

function ScanConsole({ nodeId }: { nodeId: string }) {
  const t = useT("scan");
  const trpc = useTRPC();
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

  const [track, setTrack] = useState<TTrack>(null);
  const [scannedLoads, setScannedLoads] = useState<string[]>([]);
  const [speakOn, setSpeakOn] = useState(readSpeakSetting);
  const speakRef = useRef(speakOn);
  speakRef.current = speakOn;

  // Called only once a result arrives, after this render has made `input`.
  const onResult = (r: TScanResult, live: boolean) => {
    // A load's code scanned here: its expected vs scanned is what the staff now works through.
    const load = r.reason === "LOAD_SUMMARY" && typeof r.params?.load === "string" ? r.params.load : null;
    if (load) {
      setScannedLoads((prev) => (prev.includes(load) ? prev : [load, ...prev].slice(0, 5)));
      if (live) setTrack({ loadCode: load });
    }
    // AUTO found the parcel on this node's shelf: ask for the pickup code or phone digits right away.
    const shelved = r.shipment?.waybillNo ?? (typeof r.params?.slot === "string" ? r.params.slot : null);
    if (live && r.reason === "PICKUP_NEEDS_CHECK" && shelved) input.pickup.askPickup(shelved);
  };
  const lane = useScanLane({ nodeId, speakRef, onResult });
  const input = useScanInput({ departing: departing.data?.vehicles, setTrack, dispatch: lane.dispatch, notice: lane.notice });
  const { refs, mode, refocus, vehicle, reason, pickup } = input;

  const merged = useMemo(() => mergeToday(lane.entries, today.data), [lane.entries, today.data]);

  return (
    <div className="page scan-console">
      <section className="card scan-main">
        <ScanTopline pending={lane.pending} online={lane.online} syncing={lane.syncing} />

        <ScanModeButtons mode={mode} onMode={input.setMode} />
        <p className="muted small scan-hint">{t("shortcutsHint")}</p>

        {mode === "LOAD" && (
          <VehiclePicker
            vehicle={vehicle.vehicle}
            departing={departing.data?.vehicles}
            error={vehicle.vehicleError}
            inputRef={refs.vehicleRef}
            onSet={vehicle.setVehicle}
          />
        )}

        {mode === "EXCEPTION" && (
          <ExceptionReason
            reasonKey={reason.reasonKey}
            reasonText={reason.reasonText}
            onKey={reason.setReasonKey}
            onText={reason.setReasonText}
            refocus={refocus}
          />
        )}

        <label className="sr-only" htmlFor="scan-input">
          {t("inputLabel")}
        </label>
        <input
          id="scan-input"
          ref={refs.inputRef}
          className="scan-input mono"
          data-testid="scan-input"
          placeholder={t("inputPlaceholder")}
          autoComplete="off"
          autoCorrect="off"
          autoCapitalize="characters"
          spellCheck={false}
          enterKeyHint="send"
          onKeyDown={input.onScanKey}
          onBlur={() => window.setTimeout(() => refocus(false), 0)}
        />

        {pickup.pickupFor && (
          <PickupPrompt
            code={pickup.pickupFor}
            error={pickup.pickupError}
            inputRef={refs.pickupRef}
            onKeyDown={pickup.onPickupKey}
            onCancel={pickup.cancelPickup}
          />
        )}

        <ScanFeedback feedback={lane.feedback} entries={lane.entries} />
        <ErrorFlash flash={lane.flash} onEnd={lane.clearFlash} />

        <ScanTools
          entries={merged.entries}
          speakOn={speakOn}
          onSpeak={(on) => {
            setSpeakOn(on);
            storeSpeakSetting(on);
          }}
          onCode={(code) => input.submitCode(code)}
          notice={lane.notice}
          refocus={refocus}
        />
      </section>

      <ExpectedPanel
        nodeId={nodeId}
        track={track}
        loadCodes={[...new Set([...(departing.data?.vehicles.map((v) => v.loadCode) ?? []), ...scannedLoads])]}
        onTrack={setTrack}
      />

      {awaiting.data?.length ? (
        <p className="card scan-awaiting" role="status" data-testid="scan-awaiting">
          {t("awaiting", { count: awaiting.data.length })}{" "}
          <Link to="/station/accept?mode=announced" data-testid="scan-awaiting-link">
            {t("awaitingGo")}
          </Link>
        </p>
      ) : null}

      <ScanToday entries={merged.entries} okCounts={merged.okCounts} />

      <details className="scan-node" open>
        <summary>{t("nodeInfo")}</summary>
        <StationHome />
      </details>
    </div>
  );
}
