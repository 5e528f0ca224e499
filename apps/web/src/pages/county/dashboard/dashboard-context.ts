// What every dashboard section needs besides its own data: the county, today (Asia/Shanghai) and the filter.
import { createContext, useContext } from "react";
import type { TDashFilter } from "./dashboard-filter.ts";

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
