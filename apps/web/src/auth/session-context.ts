// The user inside a guarded area: never null there, so pages need not check.
import { createContext, useContext } from "react";
import type { TUser } from "../lib/trpc.ts";

export const SessionContext = createContext<TUser | null>(null);

export function useUser(): TUser {
  const user = useContext(SessionContext);
  if (!user) throw new Error("useUser() used outside a guarded route");
  return user;
}
