// Managing another user: who may (ADMIN anyone, a manager their own county's station users), deactivation and
// password reset, both ending every session the user has.
import { randomInt } from "node:crypto";
import type { Db } from "@xiangda/db";
import { AppError, type Actor } from "@xiangda/domain";
import { hashPassword } from "../auth/password.ts";
import { revokeUserSessions } from "../auth/sessions.ts";

/// A manager manages station staff of their own county only; ADMIN everyone.
export function mayManageUser(actor: Actor, target: { role: string; countyCode: string | null }): boolean {
  if (actor.role === "ADMIN") return true;
  return actor.role === "COUNTY_MANAGER" && target.role === "STATION_STAFF" && !!actor.countyCode && target.countyCode === actor.countyCode;
}

/// The user the actor may manage; one answer for "missing" and "not yours" to a manager.
export async function findManagedUser(db: Db, actor: Actor, userId: string) {
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user) {
    if (actor.role === "ADMIN") throw AppError.notFound("No such user");
    throw AppError.forbidden("You may not manage this user");
  }
  if (!mayManageUser(actor, user)) throw AppError.forbidden("You may not manage this user");
  return user;
}

export async function setUserActive(db: Db, { actor, now, ...input }: { actor: Actor; now: Date; userId: string; active: boolean }) {
  if (input.userId === actor.userId && !input.active) throw AppError.at("userId", "CANNOT_DEACTIVATE_SELF");
  await findManagedUser(db, actor, input.userId);
  return db.$transaction(async (tx) => {
    const user = await tx.user.update({ where: { id: input.userId }, data: { active: input.active } });
    const revokedSessions = input.active ? 0 : await revokeUserSessions(tx, { userId: user.id, now });
    return { id: user.id, active: user.active, revokedSessions };
  });
}

// No 0/O, 1/l/I: read aloud or copied by hand from the screen.
const ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
export function generatePassword(length = 12): string {
  return Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
}

/// Sets the password the admin typed, or a generated one that is returned once (never stored in clear, never audited).
export async function resetUserPassword(
  db: Db,
  { actor, now, ...input }: { actor: Actor; now: Date; userId: string; password?: string | undefined },
) {
  if (input.userId === actor.userId) throw AppError.at("userId", "OWN_PASSWORD_ELSEWHERE");
  await findManagedUser(db, actor, input.userId);
  const password = input.password ?? generatePassword();
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const user = await tx.user.update({ where: { id: input.userId }, data: { passwordHash } });
    const revokedSessions = await revokeUserSessions(tx, { userId: user.id, now });
    return { id: user.id, username: user.username, generatedPassword: input.password ? null : password, revokedSessions };
  });
}
