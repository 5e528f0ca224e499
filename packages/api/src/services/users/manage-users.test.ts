// Managing users: a manager only their county's station staff, ADMIN everyone; deactivation and password reset end
// every session of the user; a generated password is shown once and never reaches the audit row.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../../test-utils/harness.ts";
import { buildWorld, type World } from "../../test-utils/fixtures.ts";

let h: Harness;
let w: World;
let seq = 0;
beforeAll(async () => {
  h = await createHarness();
  w = await buildWorld(h.deps.db);
});
afterAll(async () => h?.close());

const login = async (username: string, password: string) =>
  (await h.callerAs(null, { ip: `10.77.0.${++seq}` }).auth.login({ username, password })) as { token: string };
const signedIn = async (token: string) => (await h.callerWithToken(token)).auth.me();

async function stationUser(nodeId: string) {
  return h.callerAs(w.actors.admin).users.create({
    username: `st_${++seq}`,
    password: "station-pass-1",
    displayName: "站员",
    role: "STATION_STAFF",
    nodeId,
  });
}

describe("users: scope", () => {
  it("a manager creates station staff of their county's nodes only", async () => {
    const mgr = h.callerAs(w.actors.manager);
    const ok = await mgr.users.create({
      username: `m_st_${++seq}`,
      password: "station-pass-1",
      displayName: "站员",
      role: "STATION_STAFF",
      nodeId: w.home.stationId,
    });
    expect(ok).toMatchObject({ role: "STATION_STAFF", nodeId: w.home.stationId, countyCode: w.home.countyCode });
    await expect(
      mgr.users.create({
        username: `m_st_${++seq}`,
        password: "station-pass-1",
        displayName: "站员",
        role: "STATION_STAFF",
        nodeId: w.away.stationId,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      mgr.users.create({
        username: `m_mg_${++seq}`,
        password: "station-pass-1",
        displayName: "经理",
        role: "COUNTY_MANAGER",
        countyCode: w.home.countyCode,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await h.deps.db.user.count({ where: { username: { startsWith: "m_mg_" } } })).toBe(0);
  });

  it("a manager may not deactivate or reset another county's staff, nor a manager or merchant of their own", async () => {
    const mgr = h.callerAs(w.actors.manager);
    const away = await stationUser(w.away.stationId);
    for (const userId of [away.id, w.actors.otherManager!.userId, w.actors.merchant!.userId, w.actors.admin!.userId]) {
      await expect(mgr.users.setActive({ userId, active: false })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(mgr.users.resetPassword({ userId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect((await h.deps.db.user.findUniqueOrThrow({ where: { id: away.id } })).active).toBe(true);
    const list = await mgr.users.list({});
    expect(list.find((u) => u.id === w.actors.station!.userId)).toMatchObject({
      manageable: true,
      node: { code: `${w.home.countyCode}-S1` },
    });
    expect(list.find((u) => u.id === w.actors.merchant!.userId)).toMatchObject({ manageable: false });
  });
});

describe("users: sessions end", () => {
  it("deactivating ends every session; reactivating does not bring them back", async () => {
    const u = await stationUser(w.home.stationId);
    const t1 = (await login(u.username, "station-pass-1")).token;
    const t2 = (await login(u.username, "station-pass-1")).token;
    expect(await signedIn(t1)).toMatchObject({ username: u.username });
    const r = await h.callerAs(w.actors.manager).users.setActive({ userId: u.id, active: false });
    expect(r).toMatchObject({ active: false, revokedSessions: 2 });
    await h.callerAs(w.actors.manager).users.setActive({ userId: u.id, active: true });
    expect(await signedIn(t1)).toBeNull();
    expect(await signedIn(t2)).toBeNull();
    await expect(h.callerAs(w.actors.manager).users.setActive({ userId: w.actors.manager!.userId, active: false })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("a reset password is generated and shown once or set by the admin; old sessions and the old password stop working; audited without it", async () => {
    const u = await stationUser(w.home.stationId);
    const old = (await login(u.username, "station-pass-1")).token;
    const r = await h.callerAs(w.actors.manager).users.resetPassword({ userId: u.id });
    expect(r.generatedPassword).toMatch(/^[A-Za-z2-9]{12}$/);
    expect(r.revokedSessions).toBe(1);
    expect(await signedIn(old)).toBeNull();
    await expect(login(u.username, "station-pass-1")).rejects.toBeTruthy();
    expect(await signedIn((await login(u.username, r.generatedPassword!)).token)).toMatchObject({ username: u.username });

    const set = await h.callerAs(w.actors.admin).users.resetPassword({ userId: u.id, password: "admin-chosen-9" });
    expect(set).toMatchObject({ generatedPassword: null, revokedSessions: 1 });
    expect(await signedIn((await login(u.username, "admin-chosen-9")).token)).toMatchObject({ username: u.username });

    const rows = await h.deps.db.auditLog.findMany({ where: { action: "users.resetPassword", target: `user:${u.id}` } });
    expect(rows.map((x) => x.username).sort()).toEqual(["t_admin", "t_manager"]);
    const details = JSON.stringify(rows.map((x) => x.details));
    expect(details).toContain("[redacted]");
    expect(details).not.toContain("admin-chosen-9");
    expect(details).not.toContain(r.generatedPassword);
  });
});

describe("users: carrier portal users (issue #19)", () => {
  it("ADMIN creates a CARRIER_USER of an organisation, whose county becomes its scope; it signs in with the organisation", async () => {
    const carrier = await h.deps.db.carrier.upsert({ where: { code: "ZTO" }, update: {}, create: { code: "ZTO", name: "中通快递" } });
    const client = await h.deps.db.apiClient.create({
      data: { countyCode: w.home.countyCode, kind: "CARRIER", name: "中通盖州", carrierId: carrier.id },
    });
    const input = { username: `cu_${++seq}`, password: "carrier-pass-1", displayName: "中通调度", role: "CARRIER_USER" as const };
    await expect(h.callerAs(w.actors.admin).users.create(input)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(h.callerAs(w.actors.manager).users.create({ ...input, apiClientId: client.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(h.callerAs(w.actors.admin).users.create({ ...input, apiClientId: crypto.randomUUID() })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const made = await h.callerAs(w.actors.admin).users.create({ ...input, apiClientId: client.id });
    expect(made).toMatchObject({
      role: "CARRIER_USER",
      apiClientId: client.id,
      countyCode: w.home.countyCode,
      scopeLabel: "中通盖州 (210881)",
    });
    const { token } = await login(input.username, input.password);
    expect(await signedIn(token)).toMatchObject({ role: "CARRIER_USER", apiClientId: client.id });
    const caller = await h.callerWithToken(token);
    expect(await caller.carrier.client({ clientId: client.id })).toMatchObject({ name: "中通盖州", carrier: { code: "ZTO" } });
    await expect(caller.county.overview({ countyCode: w.home.countyCode })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
