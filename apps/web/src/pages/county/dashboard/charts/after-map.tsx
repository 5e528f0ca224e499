// The dashboard's paint order (#17): the lights and the RED list, then the map, then the charts. The charts' data comes
// as soon as the lights are in, but drawing ECharts beside a map that is still drawing (in software, on a machine
// without a GPU, each of the map's first frames takes a few hundred milliseconds) makes both late: the charts wait for
// the map's first complete frame, or for MAP_WAIT_MS at most (a map that fails or never settles holds nothing up).
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";

const MAP_WAIT_MS = 2_500;

interface TAfterMap {
  /** The map has drawn (or failed, or the wait is over): charts may draw. */
  mapSettled: boolean;
  settleMap: () => void;
}

// Outside a dashboard (no map on the page) charts draw at once.
const AfterMapContext = createContext<TAfterMap>({ mapSettled: true, settleMap: () => undefined });

export function AfterMapProvider({ children }: { children: ReactNode }) {
  const [mapSettled, setMapSettled] = useState(false);
  const settleMap = useCallback(() => setMapSettled(true), []);
  useEffect(() => {
    const timer = setTimeout(settleMap, MAP_WAIT_MS);
    return () => clearTimeout(timer);
  }, [settleMap]);
  const value = useMemo(() => ({ mapSettled, settleMap }), [mapSettled, settleMap]);
  return <AfterMapContext.Provider value={value}>{children}</AfterMapContext.Provider>;
}

export function useAfterMap(): TAfterMap {
  return useContext(AfterMapContext);
}
