// Creates a user with a scope that must exist; the welcome notification goes through the outbox. ADMIN creates any
// user; a county manager only station staff of a node in their own county. A CARRIER_USER belongs to one organisation (an
// API client), whose county is its scope.
import { writeOutbox, type Db } from "@xiangda/db";
import { AppError, issueAt, type Actor, type TCreateUser } from "@xiangda/domain";
import { outboxEvent, usersWelcome } from "@xiangda/jobs";
import { hashPassword } from "../auth/password.ts";

export async function createUser(db: Db, { actor, ...input }: { actor?: Actor } & TCreateUser) {
  const manager = actor?.role === "COUNTY_MANAGER";
  if (manager && input.role !== "STATION_STAFF") throw AppError.of("FORBIDDEN", "MANAGER_CREATES_STAFF");
  const passwordHash = await hashPassword(input.password);
  let countyCode: string | null = null;
  let nodeId: string | null = null;
  let merchantId: string | null = null;
  let apiClientId: string | null = null;
  if (input.role === "COUNTY_MANAGER") {
    const county = await db.county.findUnique({ where: { code: input.countyCode! } });
    if (!county) throw AppError.at("countyCode", "COUNTY_NOT_IMPORTED", { county: input.countyCode ?? "" });
    countyCode = county.code;
  } else if (input.role === "STATION_STAFF") {
    const node = await db.node.findUnique({ where: { id: input.nodeId! } });
    // A manager hears the same for a missing node and another county's: no oracle for ids outside the county.
    if (manager && node?.countyCode !== actor.countyCode) throw AppError.forbidden("No access to this node");
    if (!node) throw AppError.at("nodeId", "NO_SUCH_NODE");
    nodeId = node.id;
    countyCode = node.countyCode;
  } else if (input.role === "MERCHANT") {
    const merchant = await db.merchant.findUnique({ where: { id: input.merchantId! } });
    if (!merchant) throw AppError.at("merchantId", "NO_SUCH_MERCHANT");
    merchantId = merchant.id;
    countyCode = merchant.countyCode;
  } else if (input.role === "COUNTER_OPERATOR") {
    const ids = [...new Set(input.counterIds ?? [])];
    const counters = await db.counter.findMany({ where: { id: { in: ids } }, select: { id: true, countyCode: true } });
    if (counters.length !== ids.length) throw AppError.at("counterIds", "NO_SUCH_COUNTER");
    const counties = new Set(counters.map((c) => c.countyCode));
    if (counties.size !== 1) throw AppError.at("counterIds", "COUNTERS_ONE_COUNTY");
    countyCode = counters[0]!.countyCode;
  } else if (input.role === "CARRIER_USER") {
    const client = await db.apiClient.findUnique({ where: { id: input.apiClientId! } });
    if (!client?.active) throw AppError.at("apiClientId", "NOT_FOUND");
    apiClientId = client.id;
    countyCode = client.countyCode;
  }
  const existing = await db.user.findUnique({ where: { username: input.username } });
  if (existing)
    throw AppError.of("CONFLICT", "USERNAME_TAKEN", { username: input.username }, { issues: [issueAt("username", "ALREADY_TAKEN")] });
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: {
        username: input.username,
        displayName: input.displayName,
        passwordHash,
        role: input.role,
        countyCode,
        nodeId,
        merchantId,
        apiClientId,
      },
      include: { county: true, node: true, merchant: true, apiClient: true },
    });
    if (input.role === "COUNTER_OPERATOR") {
      await tx.counterOperator.createMany({
        data: [...new Set(input.counterIds ?? [])].map((counterId) => ({ userId: user.id, counterId })),
      });
    }
    await writeOutbox(tx, outboxEvent(usersWelcome, { userId: user.id, username: user.username, displayName: user.displayName }));
    return user;
  });
}
