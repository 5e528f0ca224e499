// The vehicle LOAD scans go onto: typed, picked or scanned, kept by its number across reloads (localStorage), and the
// departing load it belongs to tracked as expected vs scanned.
import { useEffect, useState, type Dispatch, type RefObject, type SetStateAction } from "react";
import { useT } from "../../../i18n/use-t.ts";
import type { TTrack } from "./expected-panel.tsx";
import type { TMode } from "./scan-model.ts";
import { findDeparting, type TDepartingVehicle } from "./vehicle-picker.tsx";

const VEHICLE_KEY = "xd.scan.vehicle";

function readStored(key: string): string {
  try {
    return globalThis.localStorage?.getItem(key) ?? "";
  } catch {
    return "";
  }
}

export interface TLoadVehicleOptions {
  mode: TMode;
  departing: readonly TDepartingVehicle[] | undefined;
  vehicleRef: RefObject<HTMLInputElement | null>;
  setTrack: Dispatch<SetStateAction<TTrack>>;
  refocus: (force?: boolean) => void;
}

export function useLoadVehicle({ mode, departing, vehicleRef, setTrack, refocus }: TLoadVehicleOptions) {
  const t = useT("scan");
  const [vehicle, setVehicleState] = useState(() => readStored(VEHICLE_KEY).trim());
  const [vehicleError, setVehicleError] = useState<string | null>(null);

  const setVehicle = (value: string) => {
    const v = value.trim();
    if (!v || v.length > 40) {
      setVehicleError(t("vehicleInvalid"));
      return;
    }
    // A departing vehicle is kept by its number, whichever of its names was typed; the server resolves any other.
    const known = findDeparting(departing ?? [], v);
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

  // Loading a vehicle of a departing load: that load's expected vs scanned, unless the staff chose another.
  useEffect(() => {
    if (mode !== "LOAD" || !vehicle || !departing) return;
    const known = findDeparting(departing, vehicle);
    if (known) setTrack((cur) => cur ?? { loadCode: known.loadCode });
  }, [mode, vehicle, departing, setTrack]);

  return { vehicle, vehicleError, setVehicle };
}
