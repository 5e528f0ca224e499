// LOAD mode's vehicle: typed or scanned by its unified number (GZ-V-047) or plate (辽HD10047), or picked from the
// vehicles of the loads leaving this node today (scan.departingVehicles). The server resolves the text within the node's
// county (an unknown one is refused with UNKNOWN_VEHICLE), so nothing here needs the vehicle's id.
import { useT } from "../../../i18n/use-t.ts";
import { formatDateTime } from "../../../lib/time.ts";
import { ScanExtra } from "./scan-extra.tsx";
import type { TRouterOutputs } from "../../../lib/trpc.ts";

export type TDepartingVehicle = TRouterOutputs["scan"]["departingVehicles"]["vehicles"][number];

/** Case- and space-insensitive, as the server matches. */
/** "09:30" in Asia/Shanghai. */
const hhmm = (iso: string) => formatDateTime(iso).slice(11, 16);

export const vehicleKey = (s: string) => s.replace(/\s+/g, "").toUpperCase();

/** The departing vehicle a typed or scanned text names (its id, number or plate), if any. */
export function findDeparting(list: readonly TDepartingVehicle[], text: string): TDepartingVehicle | undefined {
  const k = vehicleKey(text);
  return list.find((v) => vehicleKey(v.number) === k || vehicleKey(v.plate) === k || v.vehicleId.toUpperCase() === k);
}

export function VehiclePicker({
  vehicle,
  departing,
  error,
  inputRef,
  onSet,
}: {
  vehicle: string;
  departing: readonly TDepartingVehicle[] | undefined;
  error: string | null;
  inputRef: React.RefObject<HTMLInputElement | null>;
  onSet: (text: string) => void;
}) {
  const t = useT("scan");
  const current = departing ? findDeparting(departing, vehicle) : undefined;
  return (
    <ScanExtra
      id="scan-vehicle"
      label={t("vehicleLabel")}
      testId="scan-vehicle-box"
      after={<VehicleChoices vehicle={vehicle} current={current} departing={departing} error={error} onSet={onSet} />}
    >
      <input
        id="scan-vehicle"
        ref={inputRef}
        className="scan-extra-input mono"
        defaultValue={vehicle}
        placeholder={t("vehiclePlaceholder")}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        data-testid="scan-vehicle"
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            onSet(e.currentTarget.value);
          }
        }}
      />
      <button type="button" className="btn" data-testid="scan-vehicle-set" onClick={() => onSet(inputRef.current?.value ?? "")}>
        {t("vehicleSet")}
      </button>
    </ScanExtra>
  );
}

/** Under the vehicle box: its error, the vehicle set, and the vehicles leaving here today to pick from. */
function VehicleChoices({
  vehicle,
  current,
  departing,
  error,
  onSet,
}: {
  vehicle: string;
  current: TDepartingVehicle | undefined;
  departing: readonly TDepartingVehicle[] | undefined;
  error: string | null;
  onSet: (text: string) => void;
}) {
  const t = useT("scan");
  return (
    <>
      {error && <p className="field-error">{error}</p>}
      {vehicle && (
        <p className="muted small" data-testid="scan-vehicle-current">
          {t("vehicleCurrent", { vehicle: current ? `${current.number} · ${current.plate}` : vehicle })}
        </p>
      )}
      {departing &&
        (departing.length ? (
          <div className="scan-vehicle-choices">
            <span className="muted small">{t("vehicleDeparting")}</span>
            {departing.map((v) => (
              <button
                key={`${v.loadId}:${v.vehicleId}`}
                type="button"
                className={`scan-vehicle-choice${current?.vehicleId === v.vehicleId ? " active" : ""}`}
                data-testid="scan-vehicle-choice"
                data-number={v.number}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => onSet(v.number)}
              >
                <strong className="mono">{v.number}</strong> <span className="mono">{v.plate}</span>
                <span className="muted small">
                  {v.departsAt
                    ? t("vehicleChoice", { load: v.loadCode, time: hhmm(v.departsAt) })
                    : t("vehicleChoiceNoTime", { load: v.loadCode })}
                </span>
              </button>
            ))}
          </div>
        ) : (
          <p className="muted small">{t("vehicleNoneDeparting")}</p>
        ))}
    </>
  );
}
