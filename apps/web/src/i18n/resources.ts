// Every namespace, one per folder of the app, in both languages: what i18n/index.ts loads and what i18n/use-t.ts
// types keys against. A new folder's strings get a <name>.zh.ts / <name>.en.ts pair and a line in each map.
import { adminEn } from "./admin.en.ts";
import { adminZh } from "./admin.zh.ts";
import { apiClientsEn } from "./api-clients.en.ts";
import { apiClientsZh } from "./api-clients.zh.ts";
import { carrierEn } from "./carrier.en.ts";
import { carrierZh } from "./carrier.zh.ts";
import { commonEn } from "./common.en.ts";
import { commonZh } from "./common.zh.ts";
import { counterEn } from "./counter.en.ts";
import { counterZh } from "./counter.zh.ts";
import { countersEn } from "./counters.en.ts";
import { countersZh } from "./counters.zh.ts";
import { countyCountersEn } from "./county-counters.en.ts";
import { countyCountersZh } from "./county-counters.zh.ts";
import { countyEn } from "./county.en.ts";
import { countyZh } from "./county.zh.ts";
import { dashboardEn } from "./dashboard.en.ts";
import { dashboardZh } from "./dashboard.zh.ts";
import { enumsEn } from "./enums.en.ts";
import { enumsZh } from "./enums.zh.ts";
import { errorsEn } from "./errors.en.ts";
import { errorsZh } from "./errors.zh.ts";
import { exceptionsEn } from "./exceptions.en.ts";
import { exceptionsZh } from "./exceptions.zh.ts";
import type { TMessagesOf } from "./messages.ts";
import { loadsEn } from "./loads.en.ts";
import { loadsZh } from "./loads.zh.ts";
import { merchantEn } from "./merchant.en.ts";
import { merchantZh } from "./merchant.zh.ts";
import { networkEn } from "./network.en.ts";
import { networkZh } from "./network.zh.ts";
import { publicEn } from "./public.en.ts";
import { publicZh } from "./public.zh.ts";
import { scanWhyEn } from "./scan-why.en.ts";
import { scanWhyZh } from "./scan-why.zh.ts";
import { scanEn } from "./scan.en.ts";
import { scanZh } from "./scan.zh.ts";
import { shelfEn } from "./shelf.en.ts";
import { shelfZh } from "./shelf.zh.ts";
import { shipmentsEn } from "./shipments.en.ts";
import { shipmentsZh } from "./shipments.zh.ts";
import { stationEn } from "./station.en.ts";
import { stationZh } from "./station.zh.ts";
import { stocktakeEn } from "./stocktake.en.ts";
import { stocktakeZh } from "./stocktake.zh.ts";
import { traceEn } from "./trace.en.ts";
import { traceZh } from "./trace.zh.ts";

export const NAMESPACES_ZH = {
  common: commonZh,
  enums: enumsZh,
  errors: errorsZh,
  public: publicZh,
  trace: traceZh,
  admin: adminZh,
  merchant: merchantZh,
  counters: countersZh,
  counter: counterZh,
  station: stationZh,
  scan: scanZh,
  scanWhy: scanWhyZh,
  shelf: shelfZh,
  stocktake: stocktakeZh,
  county: countyZh,
  network: networkZh,
  shipments: shipmentsZh,
  loads: loadsZh,
  dashboard: dashboardZh,
  exceptions: exceptionsZh,
  countyCounters: countyCountersZh,
  carrier: carrierZh,
  apiClients: apiClientsZh,
};

export type TNamespaces = typeof NAMESPACES_ZH;
export type TNamespace = keyof TNamespaces;

/** English, checked key for key against the Chinese at compile time. */
export const NAMESPACES_EN: { readonly [N in TNamespace]: TMessagesOf<TNamespaces[N]> } = {
  common: commonEn,
  enums: enumsEn,
  errors: errorsEn,
  public: publicEn,
  trace: traceEn,
  admin: adminEn,
  merchant: merchantEn,
  counters: countersEn,
  counter: counterEn,
  station: stationEn,
  scan: scanEn,
  scanWhy: scanWhyEn,
  shelf: shelfEn,
  stocktake: stocktakeEn,
  county: countyEn,
  network: networkEn,
  shipments: shipmentsEn,
  loads: loadsEn,
  dashboard: dashboardEn,
  exceptions: exceptionsEn,
  countyCounters: countyCountersEn,
  carrier: carrierEn,
  apiClients: apiClientsEn,
};
