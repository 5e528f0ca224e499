// Public traceability (扫码溯源): no login, a batch's trace code or the URL of its QR label, rate-limited per IP.
import { checkPublicRateLimit } from "../services/auth/public-rate-limit.ts";
import { publicTrace } from "../services/trace/get-trace.ts";
import { ZTraceInputSchema, ZTraceSchema } from "../services/trace/schemas.ts";
import { publicProcedure, router } from "../trpc.ts";

export const TRACE_LIMIT = { perMinute: 30 } as const;

export const traceRouter = router({
  get: publicProcedure
    .input(ZTraceInputSchema)
    .output(ZTraceSchema)
    .query(async ({ ctx, input }) => {
      await checkPublicRateLimit(ctx, { bucket: "trace", perMinute: TRACE_LIMIT.perMinute });
      return publicTrace(ctx.db, { raw: input.code, now: ctx.now() });
    }),
});
