// The console's keyboard and scanner input: the always-focused scan input (uncontrolled, cleared on Enter before the
// code is handled), the mode with its F1–F8 / Alt+0..7 shortcuts anywhere on the page, the LOAD vehicle, the EXCEPTION
// reason and the pickup check (code or phone digits) asked by PICKUP mode or by AUTO finding a shelved parcel.
import { useCallback, useEffect, useRef, useState, type Dispatch, type KeyboardEvent, type SetStateAction } from "react";
import { useT } from "../../../i18n/use-t.ts";
import type { TTrack } from "./expected-panel.tsx";
import type { TQueuedScan } from "./offline-queue.ts";
import { modeForKey, type REASON_KEYS, type TMode } from "./scan-model.ts";
import { useLoadVehicle } from "./use-load-vehicle.ts";
import { findDeparting, type TDepartingVehicle } from "./vehicle-picker.tsx";

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Codes that are parcels, loads or shelf slots, never a vehicle. */
const NOT_A_VEHICLE = /^(XD\d|LD\d|[A-Z]-\d{2}-\d{2}$)/i;

function isTextEntry(el: Element | null): boolean {
  return el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement;
}

export interface TScanInputOptions {
  departing: readonly TDepartingVehicle[] | undefined;
  setTrack: Dispatch<SetStateAction<TTrack>>;
  dispatch: (code: string, action: TMode, extra?: Partial<TQueuedScan>) => void;
  notice: (message: string) => void;
}

/** The pickup prompt: which parcel it asks for and the error under it. */
function usePickupPrompt() {
  const [pickupFor, setPickupFor] = useState<string | null>(null);
  const [pickupError, setPickupError] = useState<string | null>(null);
  const askPickup = useCallback((code: string) => {
    setPickupFor(code);
    setPickupError(null);
  }, []);
  return { pickupFor, setPickupFor, pickupError, setPickupError, askPickup };
}

export function useScanInput({ departing, setTrack, dispatch, notice }: TScanInputOptions) {
  const t = useT("scan");
  const inputRef = useRef<HTMLInputElement>(null);
  const vehicleRef = useRef<HTMLInputElement>(null);
  const pickupRef = useRef<HTMLInputElement>(null);
  const [mode, setModeState] = useState<TMode>("AUTO");
  const [reasonKey, setReasonKey] = useState<string>("");
  const [reasonText, setReasonText] = useState("");
  const { pickupFor, setPickupFor, pickupError, setPickupError, askPickup } = usePickupPrompt();

  const refocus = useCallback((force = false) => {
    requestAnimationFrame(() => {
      const el = inputRef.current;
      if (!el || document.activeElement === el) return;
      if (!force && isTextEntry(document.activeElement)) return;
      el.focus();
    });
  }, []);

  const { vehicle, vehicleError, setVehicle } = useLoadVehicle({ mode, departing, vehicleRef, setTrack, refocus });

  const reason = reasonKey === "other" ? reasonText.trim() : reasonKey ? t(`reasons.${reasonKey as (typeof REASON_KEYS)[number]}`) : "";

  const submitCode = (raw: string) => {
    const code = raw.trim();
    if (!code) return;
    if (code.length > 64) return notice(`${code.slice(0, 20)}…: > 64`);
    if (mode === "LOAD") {
      // A vehicle's barcode (its number) or plate scanned into the main input chooses the vehicle.
      const list = departing ?? [];
      if (findDeparting(list, code) || (!vehicle && !NOT_A_VEHICLE.test(code))) return setVehicle(code);
      if (!vehicle) {
        notice(t("vehicleMissing"));
        vehicleRef.current?.focus();
        return;
      }
      dispatch(code, mode, UUID_RE.test(vehicle) ? { vehicleId: vehicle } : { vehicle });
    } else if (mode === "EXCEPTION") {
      if (!reason) return notice(t("reasonMissing"));
      dispatch(code, mode, { exceptionReason: reason });
    } else if (mode === "PICKUP") {
      askPickup(code);
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

  const cancelPickup = () => {
    setPickupFor(null);
    refocus(true);
  };

  const onPickupKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Escape") return cancelPickup();
    if (e.key !== "Enter" || !pickupFor) return;
    e.preventDefault();
    const digits = e.currentTarget.value.trim();
    if (!/^\d{6}$/.test(digits) && !/^\d{4}$/.test(digits)) {
      setPickupError(t("pickupInvalid"));
      return;
    }
    dispatch(pickupFor, "PICKUP", digits.length === 6 ? { pickupCode: digits } : { phoneLast4: digits });
    e.currentTarget.value = "";
    cancelPickup();
  };

  const setMode = useCallback(
    (next: TMode) => {
      setModeState(next);
      setPickupFor(null);
      if (next === "LOAD" && !vehicle) requestAnimationFrame(() => vehicleRef.current?.focus());
      else refocus(true);
    },
    [refocus, setPickupFor, vehicle],
  );

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

  useEffect(() => {
    inputRef.current?.focus();
  }, []);

  // The pickup prompt takes the focus once it is drawn (asked by PICKUP mode or by AUTO finding a shelved parcel).
  useEffect(() => {
    if (pickupFor) pickupRef.current?.focus();
  }, [pickupFor]);

  return {
    refs: { inputRef, vehicleRef, pickupRef },
    mode,
    setMode,
    refocus,
    vehicle: { vehicle, vehicleError, setVehicle },
    reason: { reasonKey, setReasonKey, reasonText, setReasonText },
    pickup: { pickupFor, pickupError, askPickup, cancelPickup, onPickupKey },
    submitCode,
    onScanKey,
  };
}
