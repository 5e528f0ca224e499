// Public tracking: no login, waybill plus the last 4 digits of the recipient's phone, rate-limited.
import { z } from "zod";
import { AppError } from "@xiangda/domain";
import { publicTracking } from "../services/shipments/tracking.ts";
import { publicProcedure, router } from "../trpc.ts";

export const TRACKING_LIMIT = { perMinute: 20 } as const;

export const trackingRouter = router({
  lookup: publicProcedure
    .meta({ roles: "public" })
    .input(
      z.object({
        waybillNo: z.string().trim().min(5, "too short").max(40),
        phoneLast4: z.string().regex(/^\d{4}$/, "the last 4 digits of the phone"),
      }),
    )
    .query(async ({ ctx, input }) => {
      const key = `${ctx.redisPrefix}:rl:track:${ctx.req.ip ?? "unknown"}:${Math.floor(ctx.now().getTime() / 60_000)}`;
      try {
        const n = await ctx.redis.multi().incr(key).expire(key, 120).exec();
        const count = Number(n?.[0]?.[1] ?? 0);
        if (count > TRACKING_LIMIT.perMinute) throw new AppError("RATE_LIMITED", "Too many look-ups; try again in a minute");
      } catch (e) {
        if (e instanceof AppError) throw e;
        ctx.log.warn({ err: String(e) }, "tracking rate limit unavailable (Redis down)");
      }
      return publicTracking(ctx.db, input.waybillNo.toUpperCase(), input.phoneLast4);
    }),
});
