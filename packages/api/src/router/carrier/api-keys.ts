// The carrier portal's API keys: the organisation's keys (prefix only), a new one (the key shown once), rotation with a
// grace period for the old key, revocation.
import { z } from "zod";
import { API_SCOPES, ZApiScopeSchema } from "@xiangda/domain";
import { createPortalApiKey, listPortalApiKeys, revokePortalApiKey, rotatePortalApiKey } from "../../services/carrier-portal/api-keys.ts";
import { carrierProcedure, router } from "../../trpc.ts";

const ZKeyIdSchema = z.object({ id: z.string().uuid("must be an API key id") });
const target = (i: Record<string, unknown>) => `apiKey:${String(i.id)}`;

export const carrierKeysRouter = router({
  list: carrierProcedure.query(({ ctx }) => listPortalApiKeys(ctx.db, { actor: ctx.actor, client: ctx.client })),
  create: carrierProcedure
    .meta({ auditTarget: (_i, o) => (o ? `apiKey:${(o as { id: string }).id}` : null) })
    .input(
      z.object({
        scopes: z.array(ZApiScopeSchema).min(1).max(API_SCOPES.length).optional(),
        label: z.string().trim().max(60, "at most 60 characters").optional(),
      }),
    )
    .mutation(({ ctx, input }) =>
      createPortalApiKey(ctx.db, { actor: ctx.actor, client: ctx.client, scopes: input.scopes, label: input.label }),
    ),
  rotate: carrierProcedure
    .meta({ auditTarget: target })
    .input(ZKeyIdSchema.extend({ graceHours: z.number().int().min(0).max(168).optional() }))
    .mutation(({ ctx, input }) =>
      rotatePortalApiKey(ctx.db, { actor: ctx.actor, client: ctx.client, id: input.id, graceHours: input.graceHours, now: ctx.now() }),
    ),
  revoke: carrierProcedure
    .meta({ auditTarget: target })
    .input(ZKeyIdSchema)
    .mutation(({ ctx, input }) => revokePortalApiKey(ctx.db, { actor: ctx.actor, client: ctx.client, id: input.id, now: ctx.now() })),
});
