// Server-side sessions: the client holds a random token, the database its SHA-256.
import { createHash, randomBytes } from "node:crypto";
import type { Tx } from "@xiangda/db";
import type { Actor } from "@xiangda/domain";

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function createSession(
  db: Tx,
  input: { userId: string; ttlHours: number; now: Date; ip: string | null; userAgent: string | null },
) {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(input.now.getTime() + input.ttlHours * 3600_000);
  await db.session.create({
    data: {
      id: hashToken(token),
      userId: input.userId,
      createdAt: input.now,
      lastSeenAt: input.now,
      expiresAt,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
    },
  });
  return { token, expiresAt };
}

/// The actor behind a token, or null when the session is unknown, expired, revoked or the user inactive.
export async function findActorBySessionToken(db: Tx, token: string, now: Date): Promise<{ actor: Actor; sessionId: string } | null> {
  if (!token || token.length > 200) return null;
  const id = hashToken(token);
  const s = await db.session.findUnique({ where: { id }, include: { user: true } });
  if (!s || s.revokedAt || s.expiresAt <= now || !s.user.active) return null;
  if (now.getTime() - s.lastSeenAt.getTime() > 5 * 60_000) {
    await db.session.update({ where: { id }, data: { lastSeenAt: now } });
  }
  const u = s.user;
  return {
    sessionId: id,
    actor: { userId: u.id, username: u.username, role: u.role, countyCode: u.countyCode, nodeId: u.nodeId, merchantId: u.merchantId },
  };
}

export async function revokeSession(db: Tx, sessionId: string, now: Date) {
  await db.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now } });
}

export async function revokeUserSessions(db: Tx, userId: string, now: Date) {
  const r = await db.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
  return r.count;
}
