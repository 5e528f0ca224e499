// Top bar of every area: brand, area heading, who is signed in (name, role, scope), language, sign-out.
import { Link } from "react-router";
import { useUser } from "../auth/session-context.ts";
import { useLogout } from "../auth/use-session.ts";
import { LangSwitch } from "./lang-switch.tsx";
import { Logo } from "./logo.tsx";
import { useT } from "../i18n/use-t.ts";

interface Props {
  heading: string;
  navOpen: boolean;
  onToggleNav: () => void;
}

export function AppHeader({ heading, navOpen, onToggleNav }: Props) {
  const t = useT("common");
  const user = useUser();
  const logout = useLogout();
  const scope = user.scopeLabel === "*" ? t("header.allScopes") : user.scopeLabel;

  return (
    <header className="topbar">
      <div className="topbar-inner">
        <button
          type="button"
          className="nav-toggle"
          aria-controls="area-nav"
          aria-expanded={navOpen}
          onClick={onToggleNav}
          data-testid="nav-toggle"
        >
          <svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true">
            <path d="M3 5h14M3 10h14M3 15h14" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          </svg>
          <span className="sr-only">{t("header.menu")}</span>
        </button>
        <Link to="/" className="brand" aria-label={t("app.name")}>
          <Logo size={30} />
          <span className="brand-name">{t("app.name")}</span>
        </Link>
        <h1 className="area-heading" data-testid="area-heading">
          {heading}
        </h1>
        <div className="topbar-user">
          <div className="user-meta">
            <span className="user-name" data-testid="user-name">
              {user.displayName}
            </span>
            <span className="user-sub">
              <span className="role-badge" title={t("header.role")} data-testid="user-role">
                {t(`roles.${user.role}`)}
              </span>
              {scope ? (
                <span className="user-scope" title={`${t("header.scope")}: ${scope}`} data-testid="user-scope">
                  {scope}
                </span>
              ) : null}
            </span>
          </div>
          <div className="topbar-actions">
            <LangSwitch className="btn-on-dark" />
            <button
              type="button"
              className="btn btn-on-dark"
              data-testid="logout"
              disabled={logout.isPending}
              onClick={() => logout.mutate()}
            >
              {logout.isPending ? t("header.loggingOut") : t("header.logout")}
            </button>
          </div>
        </div>
      </div>
    </header>
  );
}
