// A county's API clients (issue #19): the carriers and platforms that connect by API, made and listed by ADMIN or the
// county's manager. Their keys and webhooks are managed through the carrier portal's procedures (carrierProcedure),
// which admit the county's manager too.
import { ZCreateApiClientSchema } from "@xiangda/domain";
import { createApiClient, listApiClients } from "../services/platform/api-keys.ts";
import { countyProcedure, router } from "../trpc.ts";

export const apiClientsRouter = router({
  list: countyProcedure.query(async ({ ctx, input }) =>
    (await listApiClients(ctx.db, { actor: ctx.actor, countyCode: input.countyCode })).map((c) => ({
      id: c.id,
      kind: c.kind,
      name: c.name,
      carrierId: c.carrierId,
      active: c.active,
      activeKeys: c.activeKeys,
      createdAt: c.createdAt.toISOString(),
    })),
  ),
  /// Made once per carrier and county (asked again, the same one), a platform once per name.
  create: countyProcedure
    .meta({ auditTarget: (i) => `county:${String(i.countyCode)}` })
    .input(ZCreateApiClientSchema)
    .mutation(async ({ ctx, input }) => {
      const c = await createApiClient(ctx.db, { actor: ctx.actor, ...input });
      return { id: c.id, kind: c.kind, name: c.name };
    }),
});
