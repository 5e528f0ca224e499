// Public tracking: no login, waybill plus the last 4 digits of the recipient's phone, rate-limited.
import { z } from "zod";
import { checkPublicRateLimit } from "../services/auth/public-rate-limit.ts";
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
      await checkPublicRateLimit(ctx, "track", TRACKING_LIMIT.perMinute);
      return publicTracking(ctx.db, input.waybillNo.toUpperCase(), input.phoneLast4);
    }),
});
