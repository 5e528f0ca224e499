// The application router: one sub-router per domain.
import { apiClientsRouter } from "./router/api-clients.ts";
import { auditRouter } from "./router/audit.ts";
import { catalogRouter } from "./router/catalog.ts";
import { listingsRouter } from "./router/listings.ts";
import { restockRouter } from "./router/restock.ts";
import { traceRouter } from "./router/trace.ts";
import { authRouter } from "./router/auth.ts";
import { countyRouter } from "./router/county.ts";
import { dashboardRouter } from "./router/dashboard.ts";
import { exceptionsRouter } from "./router/exceptions.ts";
import { loadsRouter } from "./router/loads.ts";
import { merchantRouter } from "./router/merchant.ts";
import { networkRouter } from "./router/network/index.ts";
import { shipmentsRouter } from "./router/shipments/index.ts";
import { trackingRouter } from "./router/tracking.ts";
import { scanRouter } from "./router/scan.ts";
import { stationRouter } from "./router/station.ts";
import { shelfRouter } from "./router/shelf.ts";
import { usersRouter } from "./router/users.ts";
import { carrierRouter } from "./router/carrier/index.ts";
import { createCallerFactory, router } from "./trpc.ts";

export const appRouter = router({
  auth: authRouter,
  users: usersRouter,
  audit: auditRouter,
  county: countyRouter,
  station: stationRouter,
  merchant: merchantRouter,
  network: networkRouter,
  shipments: shipmentsRouter,
  tracking: trackingRouter,
  scan: scanRouter,
  loads: loadsRouter,
  catalog: catalogRouter,
  listings: listingsRouter,
  restock: restockRouter,
  trace: traceRouter,
  dashboard: dashboardRouter,
  exceptions: exceptionsRouter,
  shelf: shelfRouter,
  carrier: carrierRouter,
  apiClients: apiClientsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
