// The signed-in user as the client sees it (null when signed out or the user is gone).
import type { Db } from "@xiangda/db";
import type { Actor } from "@xiangda/domain";
import { toUserView } from "../users/user-view.ts";

export async function getMe(db: Db, input: { actor: Actor | null }) {
  if (!input.actor) return null;
  const u = await db.user.findUnique({
    where: { id: input.actor.userId },
    include: { county: true, node: true, merchant: true, apiClient: true },
  });
  return u ? toUserView(u) : null;
}
