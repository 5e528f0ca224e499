// Route guard: no session → /login; a role that does not belong here → that role's own area.
import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import type { TRole } from "@xiangda/domain";
import { FullPageMessage } from "../components/full-page-message.tsx";
import { homePathForRole } from "../lib/roles.ts";
import { SessionContext } from "./session-context.ts";
import { useMe } from "./use-session.ts";

export function RequireRole({ roles, children }: { roles: readonly TRole[]; children: ReactNode }) {
  const me = useMe();
  const location = useLocation();

  if (me.isPending) return <FullPageMessage kind="loading" />;
  if (me.isError) return <FullPageMessage kind="error" error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  if (!roles.includes(me.data.role)) return <Navigate to={homePathForRole(me.data.role)} replace />;
  return <SessionContext value={me.data}>{children}</SessionContext>;
}

/** "/" sends a signed-in user to their area and anyone else to the login page. */
export function HomeRedirect() {
  const me = useMe();
  if (me.isPending) return <FullPageMessage kind="loading" />;
  if (me.isError) return <FullPageMessage kind="error" error={me.error} onRetry={() => void me.refetch()} />;
  return <Navigate to={me.data ? homePathForRole(me.data.role) : "/login"} replace />;
}
