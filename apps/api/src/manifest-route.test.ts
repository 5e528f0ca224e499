// GET /loads/:id/manifest.pdf over HTTP: 401 without a session, 403 outside the caller's scope, the PDF inside it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildLoadWorld, buildWorld, createHarness, type Harness, type LoadWorld, type World } from "@xiangda/api/testing";
import { pino } from "pino";
import { buildServer } from "./server.ts";

let h: Harness;
let w: World;
let lw: LoadWorld;
let app: Awaited<ReturnType<typeof buildServer>>;

beforeAll(async () => {
  h = await createHarness();
  w = await buildWorld(h.deps.db);
  lw = await buildLoadWorld(h.deps.db, w);
  app = await buildServer(h.deps, { logger: pino({ level: "silent" }), webDist: null });
});
afterAll(async () => {
  await app?.close();
  await h?.close();
});

async function bearerOf(username: string) {
  const r = await app.inject({
    method: "POST",
    url: "/trpc/auth.login",
    headers: { "content-type": "application/json" },
    payload: JSON.stringify({ username, password: w.password }),
  });
  return { authorization: `Bearer ${r.json<{ result: { data: { token: string } } }>().result.data.token}` };
}

describe("load manifest over HTTP", () => {
  it("is 401 without a session", async () => {
    const r = await app.inject({ url: `/loads/${lw.milkRun.id}/manifest.pdf` });
    expect(r.statusCode).toBe(401);
    expect(r.json()).toEqual({ error: "Please sign in", field: null });
    expect(
      (await app.inject({ url: `/loads/${lw.milkRun.id}/manifest.pdf`, headers: { authorization: "Bearer nonsense" } })).statusCode,
    ).toBe(401);
  });

  it("is 403 for another county's manager, another station and merchants; 404 only for ADMIN's unknown ids", async () => {
    expect((await app.inject({ url: `/loads/${lw.milkRun.id}/manifest.pdf`, headers: await bearerOf("t_manager_away") })).statusCode).toBe(
      403,
    );
    expect((await app.inject({ url: `/loads/${lw.milkRun.id}/manifest.pdf`, headers: await bearerOf("t_station_other") })).statusCode).toBe(
      403,
    );
    expect((await app.inject({ url: `/loads/${lw.milkRun.id}/manifest.pdf`, headers: await bearerOf("t_merchant") })).statusCode).toBe(403);
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect((await app.inject({ url: `/loads/${unknown}/manifest.pdf`, headers: await bearerOf("t_manager") })).statusCode).toBe(403);
    const away = await app.inject({ url: `/loads/${unknown}/manifest.pdf`, headers: await bearerOf("t_manager") });
    expect(away.json()).toEqual({ error: expect.any(String), field: null });
    const notFound = await app.inject({ url: `/loads/${unknown}/manifest.pdf`, headers: await bearerOf("t_admin") });
    expect(notFound.statusCode).toBe(404);
    expect(notFound.json()).toEqual({ error: expect.any(String), field: null });
    const bad = await app.inject({ url: `/loads/not-a-load/manifest.pdf`, headers: await bearerOf("t_admin") });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ field: "id" });
  });

  it("sends the PDF to the station and the county's manager, by id or by load code, with the session cookie too", async () => {
    const station = await app.inject({ url: `/loads/${lw.milkRun.id}/manifest.pdf`, headers: await bearerOf("t_station") });
    expect(station.statusCode).toBe(200);
    expect(station.headers["content-type"]).toBe("application/pdf");
    expect(station.headers["content-disposition"]).toContain(`manifest-${lw.milkRun.code}.pdf`);
    expect(station.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    const login = await app.inject({
      method: "POST",
      url: "/trpc/auth.login",
      headers: { "content-type": "application/json" },
      payload: JSON.stringify({ username: "t_manager", password: w.password }),
    });
    const cookie = String(login.headers["set-cookie"]).split(";")[0]!;
    const byCode = await app.inject({ url: `/loads/${lw.milkRun.code}/manifest.pdf`, headers: { cookie } });
    expect(byCode.statusCode).toBe(200);
    expect(byCode.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
  });
});
