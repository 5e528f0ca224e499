// What every dashboard section needs besides its own data: the county, today (Asia/Shanghai) and the filter.
import { keepPreviousData } from "@tanstack/react-query";
import { createContext, useContext } from "react";
import { apiFilter, type TApiFilter, type TDashFilter } from "./dashboard-filter.ts";

export interface TDashboardContext {
  countyCode: string;
  today: string;
  filter: TDashFilter;
  setFilter: (next: TDashFilter) => void;
}

export const DashboardContext = createContext<TDashboardContext | null>(null);

export function useDashboard(): TDashboardContext {
  const value = useContext(DashboardContext);
  if (!value) throw new Error("useDashboard outside the dashboard");
  return value;
}

/** A section following the filter: the API's input and its query options (the last figures stay while the next load),
 *  and whether the filter narrows by carrier or direction (which some sections cannot: they say so). */
export function useSectionFilter(): { input: TApiFilter; keep: { placeholderData: typeof keepPreviousData }; narrowed: boolean } {
  const { countyCode, filter } = useDashboard();
  return {
    input: apiFilter(countyCode, filter),
    keep: { placeholderData: keepPreviousData },
    narrowed: Boolean(filter.carrierId || filter.direction),
  };
}
