// The portal's API keys panel: the organisation's keys (prefix only), a new key (shown once), rotation (the old key
// works for a grace period) and revocation, over the platform's key services (services/platform/api-keys.ts), with
// times as ISO strings for the screen. A key id of another organisation is "not found", whoever asks.
import type { Db } from "@xiangda/db";
import { AppError, type Actor } from "@xiangda/domain";
import { createApiKey, listApiKeys, revokeApiKey, rotateApiKey } from "../platform/api-keys.ts";
import type { TPortalClient } from "./client-scope.ts";

const iso = (d: Date | null) => d?.toISOString() ?? null;
const view = <K extends { createdAt: Date; lastUsedAt: Date | null; expiresAt: Date | null; revokedAt: Date | null }>(k: K) => ({
  ...k,
  createdAt: k.createdAt.toISOString(),
  lastUsedAt: iso(k.lastUsedAt),
  expiresAt: iso(k.expiresAt),
  revokedAt: iso(k.revokedAt),
});

/// The key `id` if it is the organisation's.
async function ownKey(db: Db, client: TPortalClient, id: string): Promise<void> {
  const key = await db.apiKey.findFirst({ where: { id, clientId: client.id }, select: { id: true } });
  if (!key) throw AppError.notFound("API key not found");
}

export async function listPortalApiKeys(db: Db, { actor, client }: { actor: Actor; client: TPortalClient }) {
  return (await listApiKeys(db, { actor, clientId: client.id })).map(view);
}

/// `key` is in this answer only.
export async function createPortalApiKey(
  db: Db,
  input: { actor: Actor; client: TPortalClient; scopes?: readonly string[] | undefined; label?: string | undefined },
) {
  return view(await createApiKey(db, { actor: input.actor, clientId: input.client.id, scopes: input.scopes, label: input.label }));
}

export async function rotatePortalApiKey(
  db: Db,
  input: { actor: Actor; client: TPortalClient; id: string; graceHours?: number | undefined; now: Date },
) {
  await ownKey(db, input.client, input.id);
  return view(await rotateApiKey(db, { actor: input.actor, id: input.id, graceHours: input.graceHours, now: input.now }));
}

export async function revokePortalApiKey(db: Db, input: { actor: Actor; client: TPortalClient; id: string; now: Date }) {
  await ownKey(db, input.client, input.id);
  return view(await revokeApiKey(db, { actor: input.actor, id: input.id, now: input.now }));
}
