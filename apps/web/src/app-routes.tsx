// Routes: login and public tracking, one area per role family; the county area has the network, shipment, load and
// counter pages and, for ADMIN, users and audit; the station area has the acceptance desk and its loads; the merchant
// portal has products, listings, sales and restock orders; the counter area (COUNTER_OPERATOR) its shelf, sales and restock.
import { useTranslation } from "react-i18next";
import { Route, Routes } from "react-router";
import { HomeRedirect, RequireRole } from "./auth/require-role.tsx";
import { AreaLayout } from "./components/area-layout.tsx";
import { AREA_ROLES } from "./lib/roles.ts";
import { AuditPage } from "./pages/admin/audit-page.tsx";
import { UsersPage } from "./pages/admin/users-page.tsx";
import { CountyNav } from "./pages/county/county-nav.tsx";
import { CountyHome } from "./pages/county/county-home.tsx";
import { CounterRestockPage } from "./pages/counter/counter-restock-page.tsx";
import { CounterNav } from "./pages/counter/counter-scope.tsx";
import { SellPage } from "./pages/counter/sell-page.tsx";
import { ShelfPage } from "./pages/counter/shelf-page.tsx";
import { UploadPage } from "./pages/counter/upload-page.tsx";
import { CountersPage } from "./pages/county-catalog/counters-page.tsx";
import { MerchantsPage } from "./pages/county-catalog/merchants-page.tsx";
import { ReviewPage } from "./pages/county-catalog/review-page.tsx";
import { SalesReportPage } from "./pages/county-catalog/sales-report-page.tsx";
import { CountyLoadDetailPage, StationLoadDetailPage } from "./pages/loads/load-detail-page.tsx";
import { CountyLoadsPage, StationLoadsPage } from "./pages/loads/loads-page.tsx";
import { useLoadsT } from "./pages/loads/use-loads-t.ts";
import { LoginPage } from "./pages/login-page.tsx";
import { FleetPage } from "./pages/network/fleet-page.tsx";
import { ImportPage } from "./pages/network/import-page.tsx";
import { LanesPage } from "./pages/network/lanes-page.tsx";
import { NetworkPage } from "./pages/network/network-page.tsx";
import { NodesPage } from "./pages/network/nodes-page.tsx";
import { MerchantHome } from "./pages/merchant-home.tsx";
import { ListingsPage } from "./pages/merchant/listings-page.tsx";
import { MerchantNav } from "./pages/merchant/merchant-scope.tsx";
import { MerchantRestockPage } from "./pages/merchant/merchant-restock-page.tsx";
import { MerchantSalesPage } from "./pages/merchant/merchant-sales-page.tsx";
import { ProductDetailPage } from "./pages/merchant/product-detail-page.tsx";
import { ProductsPage } from "./pages/merchant/products-page.tsx";
import { NotFoundPage } from "./pages/not-found-page.tsx";
import { ManifestPage } from "./pages/shipments/manifest-page.tsx";
import { StationManifestsPage } from "./pages/station/manifests-page.tsx";
import { OverduePage } from "./pages/shipments/overdue-page.tsx";
import { ShipmentDetailPage } from "./pages/shipments/shipment-detail-page.tsx";
import { ShipmentsPage } from "./pages/shipments/shipments-page.tsx";
import { AcceptPage } from "./pages/station/accept-page.tsx";
import { StationConsole } from "./pages/station/console/station-console.tsx";
import { TrackPage } from "./pages/track-page.tsx";
import { TracePage } from "./pages/trace/trace-page.tsx";

export function AppRoutes() {
  const { t } = useTranslation();
  const tl = useLoadsT();
  const overview = (to: string) => [{ to, label: t("nav.overview"), end: true, testId: "nav-overview" }];
  const stationNav = [
    ...overview("/station"),
    { to: "/station/accept", label: t("nav.accept"), testId: "nav-accept" },
    { to: "/station/manifests", label: t("nav.stationManifests"), testId: "nav-manifests" },
    { to: "/station/loads", label: tl("nav"), testId: "nav-loads" },
  ];

  return (
    <Routes>
      <Route path="/" element={<HomeRedirect />} />
      <Route path="/login" element={<LoginPage />} />
      <Route path="/track" element={<TrackPage />} />
      <Route path="/t" element={<TracePage />} />
      <Route path="/t/:code" element={<TracePage />} />
      <Route
        path="/merchant"
        element={
          <RequireRole roles={AREA_ROLES.merchant}>
            <MerchantNav />
          </RequireRole>
        }
      >
        <Route index element={<MerchantHome />} />
        <Route path="products" element={<ProductsPage />} />
        <Route path="products/:productId" element={<ProductDetailPage />} />
        <Route path="listings" element={<ListingsPage />} />
        <Route path="sales" element={<MerchantSalesPage />} />
        <Route path="restock" element={<MerchantRestockPage />} />
      </Route>
      <Route
        path="/counter"
        element={
          <RequireRole roles={AREA_ROLES.counter}>
            <CounterNav />
          </RequireRole>
        }
      >
        <Route index element={<ShelfPage />} />
        <Route path="sell" element={<SellPage />} />
        <Route path="upload" element={<UploadPage />} />
        <Route path="restock" element={<CounterRestockPage />} />
      </Route>
      <Route
        path="/station"
        element={
          <RequireRole roles={AREA_ROLES.station}>
            <AreaLayout area="station" nav={stationNav} />
          </RequireRole>
        }
      >
        <Route index element={<StationConsole />} />
        <Route path="accept" element={<AcceptPage />} />
        <Route path="manifests" element={<StationManifestsPage />} />
        <Route path="loads" element={<StationLoadsPage />} />
        <Route path="loads/:id" element={<StationLoadDetailPage />} />
      </Route>
      <Route
        path="/county"
        element={
          <RequireRole roles={AREA_ROLES.county}>
            <CountyNav />
          </RequireRole>
        }
      >
        <Route index element={<CountyHome />} />
        <Route path="network" element={<NetworkPage />} />
        <Route path="nodes" element={<NodesPage />} />
        <Route path="lanes" element={<LanesPage />} />
        <Route path="fleet" element={<FleetPage />} />
        <Route path="import" element={<ImportPage />} />
        <Route path="shipments" element={<ShipmentsPage />} />
        <Route path="shipments/:waybillNo" element={<ShipmentDetailPage />} />
        <Route path="overdue" element={<OverduePage />} />
        <Route path="manifests" element={<ManifestPage />} />
        <Route path="loads" element={<CountyLoadsPage />} />
        <Route path="loads/:id" element={<CountyLoadDetailPage />} />
        <Route path="review" element={<ReviewPage />} />
        <Route path="merchants" element={<MerchantsPage />} />
        <Route path="counters" element={<CountersPage />} />
        <Route path="sales-report" element={<SalesReportPage />} />
        <Route
          path="users"
          element={
            <RequireRole roles={["ADMIN"]}>
              <UsersPage />
            </RequireRole>
          }
        />
        <Route
          path="audit"
          element={
            <RequireRole roles={["ADMIN"]}>
              <AuditPage />
            </RequireRole>
          }
        />
      </Route>
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
