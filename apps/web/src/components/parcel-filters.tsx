// The parcel lists' filters by state (status, light, direction), kept in the address bar: the county's shipments and a
// carrier's parcels. The words of the "all" choices and the labels are the page's own.
import { DIRECTIONS, LIGHTS, SHIPMENT_STATUSES, type TDirection, type TLight, type TShipmentStatus } from "@xiangda/domain";
import { useT } from "../i18n/use-t.ts";
import { FilterSelect } from "./list-card.tsx";

export interface TParcelStateWords {
  allStatuses: string;
  status: string;
  allLights: string;
  light: string;
  allDirections: string;
  direction: string;
}

export function ParcelStateFilters({
  status,
  light,
  direction,
  setParam,
  words,
  testIdPrefix,
}: {
  status: TShipmentStatus | undefined;
  light: TLight | undefined;
  direction: TDirection | undefined;
  setParam: (name: "status" | "light" | "direction", value: string) => void;
  words: TParcelStateWords;
  testIdPrefix: string;
}) {
  const te = useT("enums");
  return (
    <>
      <FilterSelect
        value={status}
        onChange={(v) => setParam("status", v)}
        options={SHIPMENT_STATUSES}
        label={(s) => te(`shipmentStatus.${s}`)}
        allLabel={words.allStatuses}
        ariaLabel={words.status}
        testId={`${testIdPrefix}-status`}
      />
      <FilterSelect
        value={light}
        onChange={(v) => setParam("light", v)}
        options={LIGHTS}
        label={(l) => te(`lights.${l}`)}
        allLabel={words.allLights}
        ariaLabel={words.light}
        testId={`${testIdPrefix}-light`}
      />
      <FilterSelect
        value={direction}
        onChange={(v) => setParam("direction", v)}
        options={DIRECTIONS}
        label={(d) => te(`directionShort.${d}`)}
        allLabel={words.allDirections}
        ariaLabel={words.direction}
        testId={`${testIdPrefix}-direction`}
      />
    </>
  );
}
