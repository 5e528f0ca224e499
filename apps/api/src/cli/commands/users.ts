import { AppError, errorText, isErrorKey, ZCreateUserSchema } from "@xiangda/domain";
import type { Db } from "@xiangda/db";
import type { Command } from "./types.ts";
import { withDb } from "./with-db.ts";

/// A schema's own check names a catalog key (with its params): printed as its English sentence.
const sentence = (i: { message: string; params?: Record<string, unknown> }) =>
  isErrorKey(i.message) ? errorText(i.message, (i.params ?? {}) as Record<string, string | number>) : i.message;

export const usersCreate: Command = {
  summary: "create a user: --username U --password P --role ROLE [--node CODE] [--merchant ID] [--carrier CODE] [--county CODE] [--name N]",
  usage:
    "ROLE is ADMIN, COUNTY_MANAGER (needs --county), STATION_STAFF (needs --node, a node code, with --county when codes repeat across counties), MERCHANT (needs --merchant) or CARRIER_USER (needs --carrier and --county: a user of the carrier's organisation in the county, made if it does not exist yet).",
  options: {
    username: { type: "string" },
    password: { type: "string" },
    role: { type: "string" },
    node: { type: "string" },
    merchant: { type: "string" },
    carrier: { type: "string" },
    county: { type: "string" },
    name: { type: "string" },
  },
  async run({ values }, io) {
    await withDb(async (db) => {
      const str = (k: string) => (typeof values[k] === "string" ? values[k] : undefined);
      let nodeId: string | undefined;
      if (str("node")) {
        const nodes = await db.node.findMany({ where: { code: str("node"), ...(str("county") ? { countyCode: str("county") } : {}) } });
        if (nodes.length === 0) throw AppError.field("node", `no node with code ${str("node")}`);
        if (nodes.length > 1) throw AppError.field("node", `code ${str("node")} exists in several counties; add --county`);
        nodeId = nodes[0]!.id;
      }
      const apiClientId = str("role") === "CARRIER_USER" ? await carrierClient(db, str("carrier"), str("county")) : undefined;
      const parsed = ZCreateUserSchema.safeParse({
        username: str("username"),
        password: str("password"),
        displayName: str("name") ?? str("username"),
        role: str("role"),
        countyCode: str("role") === "COUNTY_MANAGER" ? str("county") : undefined,
        nodeId,
        merchantId: str("merchant"),
        apiClientId,
      });
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => ({
          path: String(
            i.path[0] === "nodeId"
              ? "node"
              : i.path[0] === "merchantId"
                ? "merchant"
                : i.path[0] === "countyCode"
                  ? "county"
                  : i.path.join("."),
          ),
          message: sentence(i),
        }));
        throw new AppError("INVALID_INPUT", issues.map((i) => `--${i.path}: ${i.message}`).join("; "), { issues });
      }
      const { createUser, toTRPCError } = await import("@xiangda/api");
      try {
        const u = await createUser(db, parsed.data);
        io.out(
          {
            id: u.id,
            username: u.username,
            role: u.role,
            countyCode: u.countyCode,
            nodeId: u.nodeId,
            merchantId: u.merchantId,
            apiClientId: u.apiClientId,
          },
          `created user ${u.username} (${u.role})`,
        );
      } catch (e) {
        const t = toTRPCError(e);
        throw t.cause instanceof AppError ? t.cause : e;
      }
    });
  },
};

/// The organisation (API client) of a carrier in a county, made on first use: one per carrier and county.
async function carrierClient(db: Db, carrierCode: string | undefined, countyCode: string | undefined): Promise<string> {
  if (!carrierCode) throw AppError.field("carrier", "a CARRIER_USER needs --carrier CODE");
  if (!countyCode) throw AppError.field("county", "a CARRIER_USER needs --county CODE");
  const carrier = await db.carrier.findUnique({ where: { code: carrierCode } });
  if (!carrier) throw AppError.field("carrier", `no carrier ${carrierCode}`);
  const county = await db.county.findUnique({ where: { code: countyCode } });
  if (!county) throw AppError.field("county", `no county ${countyCode}`);
  const client = await db.apiClient.upsert({
    where: { countyCode_carrierId: { countyCode, carrierId: carrier.id } },
    update: {},
    create: { countyCode, kind: "CARRIER", carrierId: carrier.id, name: carrier.name },
  });
  return client.id;
}
