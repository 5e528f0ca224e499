// `pnpm xd api-keys …`: the operator's keys for carriers and platforms (the web app's county and carrier pages do the same).
import { AppError } from "@xiangda/domain";
import type { Command } from "./types.ts";
import { withDb } from "./with-db.ts";

const str = (v: string | boolean | undefined) => (typeof v === "string" && v.trim() ? v.trim() : undefined);

export const apiKeysCreate: Command = {
  summary: "create an API key: --county C (--carrier CODE | --platform NAME) [--scopes a,b] [--label L]",
  usage:
    "Creates the organisation's API client in the county when it has none. Scopes: shipments:write, shipments:read, events:read, webhooks:manage (all when not given). Prints { id, key, prefix, clientId, scopes }: the key is shown only once.",
  options: {
    county: { type: "string" },
    carrier: { type: "string" },
    platform: { type: "string" },
    scopes: { type: "string" },
    label: { type: "string" },
  },
  async run({ values }, io) {
    const county = str(values.county);
    const carrier = str(values.carrier);
    const platform = str(values.platform);
    if (!county) throw AppError.field("county", "required: the county's 6-digit code");
    if (!carrier === !platform) throw AppError.field("carrier", "give --carrier CODE or --platform NAME");
    await withDb(async (db) => {
      const { createApiClient, createApiKey } = await import("@xiangda/api/rest");
      const client = await cliNames(() =>
        createApiClient(db, {
          actor: null,
          countyCode: county,
          kind: carrier ? "CARRIER" : "PLATFORM",
          carrierCode: carrier,
          name: platform,
        }),
      );
      const scopes = str(values.scopes)
        ?.split(/[\s,]+/)
        .filter(Boolean);
      const k = await createApiKey(db, { actor: null, clientId: client.id, scopes, label: str(values.label) });
      io.out(
        { id: k.id, key: k.key, prefix: k.prefix, clientId: client.id, scopes: k.scopes },
        `API key ${k.prefix} for ${client.name} (${county}), scopes ${k.scopes.join(", ")}:\n${k.key}\n(shown only now: keep it safe)`,
      );
    });
  },
};

/// The service names its inputs (countyCode, carrierCode, name); the command line names its options.
const OPTION_OF: Record<string, string> = { countyCode: "county", carrierCode: "carrier", name: "platform" };
async function cliNames<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (!(e instanceof AppError) || !e.issues.length) throw e;
    const issues = e.issues.map((i) => ({ ...i, path: OPTION_OF[i.path] ?? i.path }));
    throw new AppError(e.code, issues.map((i) => `--${i.path}: ${i.message}`).join("; "), { issues });
  }
}

export const apiKeysRevoke: Command = {
  summary: "revoke an API key at once: --id ID",
  options: { id: { type: "string" } },
  async run({ values }, io) {
    const id = str(values.id);
    if (!id || !/^[0-9a-f-]{36}$/i.test(id)) throw AppError.field("id", "required: the key's id (from create or list)");
    await withDb(async (db) => {
      const { revokeApiKey } = await import("@xiangda/api/rest");
      const k = await revokeApiKey(db, { actor: null, id, now: new Date() });
      io.out({ id: k.id, prefix: k.prefix, revokedAt: k.revokedAt }, `revoked ${k.prefix}`);
    });
  },
};

export const apiKeysRotate: Command = {
  summary: "rotate an API key: --id ID [--grace-hours H] (a new key; the old one works H more hours, default 24)",
  options: { id: { type: "string" }, "grace-hours": { type: "string" } },
  async run({ values }, io) {
    const id = str(values.id);
    if (!id || !/^[0-9a-f-]{36}$/i.test(id)) throw AppError.field("id", "required: the key's id");
    const grace = str(values["grace-hours"]);
    if (grace !== undefined && !/^\d{1,3}$/.test(grace)) throw AppError.field("grace-hours", "a whole number of hours (0 to 168)");
    await withDb(async (db) => {
      const { rotateApiKey } = await import("@xiangda/api/rest");
      const k = await rotateApiKey(db, { actor: null, id, graceHours: grace === undefined ? undefined : Number(grace), now: new Date() });
      io.out(
        { id: k.id, key: k.key, prefix: k.prefix, replaces: k.replaces.id },
        `new key ${k.prefix} replaces ${k.replaces.prefix}:\n${k.key}`,
      );
    });
  },
};

export const apiKeysList: Command = {
  summary: "list API clients and their keys (prefixes only): [--county C]",
  options: { county: { type: "string" } },
  async run({ values }, io) {
    await withDb(async (db) => {
      const { listApiClients, listApiKeys } = await import("@xiangda/api/rest");
      const clients = await listApiClients(db, { actor: null, countyCode: str(values.county) });
      const out = [];
      for (const c of clients) out.push({ ...c, keys: await listApiKeys(db, { actor: null, clientId: c.id }) });
      io.out(
        out,
        out
          .map(
            (c) =>
              `${c.countyCode} ${c.kind} ${c.name}\n${c.keys.map((k) => `  ${k.id} ${k.prefix} ${k.scopes.join(",")}${k.revokedAt ? " (revoked)" : ""}`).join("\n")}`,
          )
          .join("\n"),
      );
    });
  },
};
