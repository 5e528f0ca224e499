// Routes: login and public tracking, one area per role family; the county area has the network, shipment, load and
// counter pages and, for ADMIN, users and audit; the station area has the acceptance desk and its loads; the merchant
// portal has products, listings, sales and restock orders; the counter area (COUNTER_OPERATOR) its shelf, sales and restock;
// the carrier portal (CARRIER_USER) its organisation's parcels, loads, daily summary, API keys and webhooks.
import { isValidElement, Suspense, useState, type ReactNode } from "react";
import { createRoutesFromChildren, matchRoutes, Route, Routes } from "react-router";
import { HomeRedirect, RequireRole } from "./auth/require-role.tsx";
import { PageLoading } from "./components/page-loading.tsx";
import { preloadableExport, type TPreloadable } from "./lib/preloadable.ts";
import { AREA_ROLES, type TArea } from "./lib/roles.ts";
import { CarrierNav } from "./pages/carrier/carrier-scope.tsx";
import { CountyNav } from "./pages/county/county-nav.tsx";
import { CounterNav } from "./pages/counter/counter-scope.tsx";
import { LoginPage } from "./pages/public/login-page.tsx";
import { MerchantNav } from "./pages/merchant/merchant-scope.tsx";
import { NotFoundPage } from "./pages/public/not-found-page.tsx";
import { StationNav } from "./pages/station/station-nav.tsx";
import { useT } from "./i18n/use-t.ts";

/// A page loaded when its route is first opened: each area's pages come in their own chunks, so the first screen (login,
/// or a station's console) loads only what it shows. The page of the address the app starts at is fetched at once,
/// alongside the session check (preloadStartPage).
const page = preloadableExport;

const CarrierApiKeysPage = page(() => import("./pages/carrier/api-keys-page.tsx"), "ApiKeysPage");
const CarrierHome = page(() => import("./pages/carrier/carrier-home.tsx"), "CarrierHome");
const CarrierLoadsPage = page(() => import("./pages/carrier/loads-page.tsx"), "LoadsPage");
const CarrierParcelPage = page(() => import("./pages/carrier/parcel-page.tsx"), "ParcelPage");
const CarrierParcelsPage = page(() => import("./pages/carrier/parcels-page.tsx"), "ParcelsPage");
const CarrierWebhooksPage = page(() => import("./pages/carrier/webhooks-page.tsx"), "WebhooksPage");
const AuditPage = page(() => import("./pages/admin/audit-page.tsx"), "AuditPage");
const UsersPage = page(() => import("./pages/admin/users-page.tsx"), "UsersPage");
const ApiClientPage = page(() => import("./pages/county/api-clients/api-client-page.tsx"), "ApiClientPage");
const ApiClientsPage = page(() => import("./pages/county/api-clients/api-clients-page.tsx"), "ApiClientsPage");
const CountyHome = page(() => import("./pages/county/county-home.tsx"), "CountyHome");
const CounterRestockPage = page(() => import("./pages/counter/counter-restock-page.tsx"), "CounterRestockPage");
const SellPage = page(() => import("./pages/counter/sell-page.tsx"), "SellPage");
const ShelfPage = page(() => import("./pages/counter/shelf-page.tsx"), "ShelfPage");
const UploadPage = page(() => import("./pages/counter/upload-page.tsx"), "UploadPage");
const CountersPage = page(() => import("./pages/county/counters/counters-page.tsx"), "CountersPage");
const MerchantsPage = page(() => import("./pages/county/counters/merchants-page.tsx"), "MerchantsPage");
const ReviewPage = page(() => import("./pages/county/counters/review-page.tsx"), "ReviewPage");
const SalesReportPage = page(() => import("./pages/county/counters/sales-report-page.tsx"), "SalesReportPage");
const CountyLoadDetailPage = page(() => import("./pages/county/loads/load-detail-page.tsx"), "CountyLoadDetailPage");
const StationLoadDetailPage = page(() => import("./pages/county/loads/load-detail-page.tsx"), "StationLoadDetailPage");
const CountyLoadsPage = page(() => import("./pages/county/loads/loads-page.tsx"), "CountyLoadsPage");
const StationLoadsPage = page(() => import("./pages/county/loads/loads-page.tsx"), "StationLoadsPage");
const FleetPage = page(() => import("./pages/county/network/fleet-page.tsx"), "FleetPage");
const ImportPage = page(() => import("./pages/county/network/import-page.tsx"), "ImportPage");
const LanesPage = page(() => import("./pages/county/network/lanes-page.tsx"), "LanesPage");
const NetworkPage = page(() => import("./pages/county/network/network-page.tsx"), "NetworkPage");
const NodesPage = page(() => import("./pages/county/network/nodes-page.tsx"), "NodesPage");
const MerchantHome = page(() => import("./pages/merchant/merchant-home.tsx"), "MerchantHome");
const ListingsPage = page(() => import("./pages/merchant/listings-page.tsx"), "ListingsPage");
const MerchantRestockPage = page(() => import("./pages/merchant/merchant-restock-page.tsx"), "MerchantRestockPage");
const MerchantSalesPage = page(() => import("./pages/merchant/merchant-sales-page.tsx"), "MerchantSalesPage");
const ProductDetailPage = page(() => import("./pages/merchant/product-detail-page.tsx"), "ProductDetailPage");
const ProductsPage = page(() => import("./pages/merchant/products-page.tsx"), "ProductsPage");
const ExceptionsPage = page(() => import("./pages/county/exceptions/exceptions-page.tsx"), "ExceptionsPage");
const ManifestPage = page(() => import("./pages/county/shipments/manifest-page.tsx"), "ManifestPage");
const StationManifestsPage = page(() => import("./pages/station/manifests-page.tsx"), "StationManifestsPage");
const OverduePage = page(() => import("./pages/county/shipments/overdue-page.tsx"), "OverduePage");
const ShipmentDetailPage = page(() => import("./pages/county/shipments/shipment-detail-page.tsx"), "ShipmentDetailPage");
const ShipmentsPage = page(() => import("./pages/county/shipments/shipments-page.tsx"), "ShipmentsPage");
const AcceptPage = page(() => import("./pages/station/accept-page.tsx"), "AcceptPage");
const StationConsole = page(() => import("./pages/station/console/station-console.tsx"), "StationConsole");
const ShelfListPage = page(() => import("./pages/station/shelf/shelf-page.tsx"), "ShelfListPage");
const StocktakePage = page(() => import("./pages/station/stocktake/stocktake-page.tsx"), "StocktakePage");
const TrackPage = page(() => import("./pages/public/track-page.tsx"), "TrackPage");
const TracePage = page(() => import("./pages/public/trace/trace-page.tsx"), "TracePage");

export function AppRoutes() {
  const t = useT("common");
  const tl = useT("loads");
  const tsh = useT("shelf");
  const overview = (to: string) => [{ to, label: t("nav.overview"), end: true, testId: "nav-overview" }];
  const stationNav = [
    ...overview("/station"),
    { to: "/station/accept", label: t("nav.accept"), testId: "nav-accept" },
    { to: "/station/manifests", label: t("nav.stationManifests"), testId: "nav-manifests" },
    { to: "/station/loads", label: tl("nav"), testId: "nav-loads" },
    { to: "/station/shelf", label: tsh("nav.shelf"), testId: "nav-shelf" },
    { to: "/station/stocktake", label: tsh("nav.stocktake"), testId: "nav-stocktake" },
  ];

  const areas: readonly TAreaRoutes[] = [
    {
      area: "merchant",
      frame: <MerchantNav />,
      pages: [
        ["", <MerchantHome />],
        ["products", <ProductsPage />],
        ["products/:productId", <ProductDetailPage />],
        ["listings", <ListingsPage />],
        ["sales", <MerchantSalesPage />],
        ["restock", <MerchantRestockPage />],
      ],
    },
    {
      area: "counter",
      frame: <CounterNav />,
      pages: [
        ["", <ShelfPage />],
        ["sell", <SellPage />],
        ["upload", <UploadPage />],
        ["restock", <CounterRestockPage />],
      ],
    },
    {
      area: "carrier",
      frame: <CarrierNav />,
      pages: [
        ["", <CarrierHome />],
        ["parcels", <CarrierParcelsPage />],
        ["parcels/:waybillNo", <CarrierParcelPage />],
        ["loads", <CarrierLoadsPage />],
        ["keys", <CarrierApiKeysPage />],
        ["webhooks", <CarrierWebhooksPage />],
      ],
    },
    {
      area: "station",
      frame: <StationNav nav={stationNav} />,
      pages: [
        ["", <StationConsole />],
        ["accept", <AcceptPage />],
        ["manifests", <StationManifestsPage />],
        ["loads", <StationLoadsPage />],
        ["loads/:id", <StationLoadDetailPage />],
        ["shelf", <ShelfListPage />],
        ["stocktake", <StocktakePage />],
      ],
    },
    {
      area: "county",
      frame: <CountyNav />,
      pages: [
        ["", <CountyHome />],
        ["network", <NetworkPage />],
        ["nodes", <NodesPage />],
        ["lanes", <LanesPage />],
        ["fleet", <FleetPage />],
        ["import", <ImportPage />],
        ["shipments", <ShipmentsPage />],
        ["shipments/:waybillNo", <ShipmentDetailPage />],
        ["overdue", <OverduePage />],
        ["exceptions", <ExceptionsPage />],
        ["manifests", <ManifestPage />],
        ["loads", <CountyLoadsPage />],
        ["loads/:id", <CountyLoadDetailPage />],
        ["review", <ReviewPage />],
        ["merchants", <MerchantsPage />],
        ["counters", <CountersPage />],
        ["sales-report", <SalesReportPage />],
        ["api-clients", <ApiClientsPage />],
        ["api-clients/:clientId", <ApiClientPage />],
        [
          "users",
          <RequireRole roles={["ADMIN", "COUNTY_MANAGER"]}>
            <UsersPage />
          </RequireRole>,
        ],
        [
          "audit",
          <RequireRole roles={["ADMIN"]}>
            <AuditPage />
          </RequireRole>,
        ],
      ],
    },
  ];

  const routes = (
    <>
      <Route path="/" element={<HomeRedirect />} />
      <Route path="/login" element={<LoginPage />} />
      <Route path="/track" element={<TrackPage />} />
      <Route path="/t" element={<TracePage />} />
      <Route path="/t/:code" element={<TracePage />} />
      {areas.map(areaRoute)}
      <Route path="*" element={<NotFoundPage />} />
    </>
  );
  useState(() => preloadStartPage(routes));

  return (
    <Suspense fallback={<PageLoading />}>
      <Routes>{routes}</Routes>
    </Suspense>
  );
}

/** One area's routes: its pages ("" for its home) under /<area>, inside the area's frame, for the area's roles. */
interface TAreaRoutes {
  area: TArea;
  frame: ReactNode;
  pages: readonly (readonly [path: string, page: ReactNode])[];
}

function areaRoute({ area, frame, pages }: TAreaRoutes) {
  return (
    <Route key={area} path={`/${area}`} element={<RequireRole roles={AREA_ROLES[area]}>{frame}</RequireRole>}>
      {pages.map(([path, page]) => (path ? <Route key={path} path={path} element={page} /> : <Route key="" index element={page} />))}
    </Route>
  );
}

/** Starts loading the page of the address the app opens at, without waiting for the session check to render it. */
function preloadStartPage(routes: ReactNode): void {
  const matches = matchRoutes(createRoutesFromChildren(routes), window.location.pathname) ?? [];
  const element = matches.at(-1)?.route.element;
  if (!isValidElement(element)) return;
  const type = element.type as Partial<TPreloadable<object>>;
  void type.preload?.().catch(() => {
    // Rendering the page tries again and shows the failure.
  });
}
