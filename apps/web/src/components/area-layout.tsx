// The frame of one area (merchant, station, county): header, collapsible nav, page content.
import { Suspense, useState } from "react";
import { NavLink, Outlet } from "react-router";
import { useT } from "../i18n/use-t.ts";
import type { TArea } from "../lib/roles.ts";
import { AppHeader } from "./app-header.tsx";
import { PageLoading } from "./page-loading.tsx";

export interface TNavItem {
  to: string;
  label: string;
  end?: boolean;
  testId?: string;
  /// A page served by the API, not the app (e.g. /admin/queues): a full page load.
  reloadDocument?: boolean;
}

export function AreaLayout({ area, nav }: { area: TArea; nav: readonly TNavItem[] }) {
  const t = useT("common");
  const [navOpen, setNavOpen] = useState(false);

  return (
    <div className={`shell area-${area}`}>
      <AppHeader heading={t(`areas.${area}`)} navOpen={navOpen} onToggleNav={() => setNavOpen((open) => !open)} />
      <div className="shell-body">
        <nav id="area-nav" className={`side-nav${navOpen ? " open" : ""}`} aria-label={t("header.menu")}>
          {nav.map((item) => (
            <NavLink
              key={item.to}
              to={item.to}
              end={item.end ?? false}
              reloadDocument={item.reloadDocument ?? false}
              className={({ isActive }) => `nav-link${isActive ? " active" : ""}`}
              data-testid={item.testId}
              onClick={() => setNavOpen(false)}
            >
              {item.label}
            </NavLink>
          ))}
        </nav>
        <main className="content">
          {/* The nav stays while a page's chunk loads. */}
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </main>
      </div>
      <footer className="footer">{t("app.footer")}</footer>
    </div>
  );
}

/** An area's nav entry: the path under /<area> ("" for its home, matched exactly; one starting with "/" is taken as it
 *  is), the label, the test id's name ("nav-<name>", by default the path) and options (`reloadDocument` for a page
 *  served by the API, e.g. /admin/queues). */
export type TNavEntry = readonly [path: string, label: string, testName?: string, options?: Pick<TNavItem, "reloadDocument">];

/** An area's frame with its nav given as entries under the area's path. */
export function AreaNav({ area, items }: { area: TArea; items: readonly TNavEntry[] }) {
  const nav = items.map(([path, label, testName, options]): TNavItem => ({
    to: path.startsWith("/") ? path : path ? `/${area}/${path}` : `/${area}`,
    label,
    testId: `nav-${testName ?? path}`,
    ...(path ? {} : { end: true }),
    ...options,
  }));
  return <AreaLayout area={area} nav={nav} />;
}
