// Namespace "county", English; the same keys as county.zh.ts (checked by the type and by namespaces-i18n.test.ts).
import type { TMessagesOf } from "./messages.ts";
import type { countyZh } from "./county.zh.ts";

export const countyEn: TMessagesOf<typeof countyZh> = {
  county: {
    overviewTitle: "County at a glance",
    region: "{{province}} · {{city}}",
    code: "Area code",
    townships: "Townships",
    villageUnits: "Village-level units",
    villageCommittees: "Village committees",
    nodes: "Logistics nodes",
    users: "Users",
    select: "County",
    noCounty: "No county to manage yet.",
    dashboardTitle: "County dashboard",
    dashboardLoading: "Loading the dashboard…",
  },
  nav: {
    dashboard: "Dashboard",
    exceptions: "Exceptions",
    loads: "Loads",
    review: "Listing review",
    merchants: "Merchants",
    counters: "Counters",
    report: "Counter sales report",
    queues: "Queues",
  },
  /** The API clients page (pages/county/api-clients) in the nav. */
  apiClientsNav: "API clients",
};
