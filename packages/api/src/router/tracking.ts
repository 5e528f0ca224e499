// Public tracking: no login, our waybill or the carrier's number plus the last 4 digits of the recipient's phone, rate-limited.
import { z } from "zod";
import { checkPublicRateLimit } from "../services/auth/public-rate-limit.ts";
import { findTrackedWaybill } from "../services/shipments/find-tracked.ts";
import { publicTracking } from "../services/shipments/tracking.ts";
import { publicProcedure, router } from "../trpc.ts";

export const TRACKING_LIMIT = { perMinute: 20 } as const;

export const trackingRouter = router({
  lookup: publicProcedure
    .input(
      z.object({
        /// Ours (XD…) or the carrier's number.
        waybillNo: z.string().trim().min(5, "too short").max(40),
        phoneLast4: z.string().regex(/^\d{4}$/, "the last 4 digits of the phone"),
      }),
    )
    .query(async ({ ctx, input }) => {
      await checkPublicRateLimit(ctx, { bucket: "track", perMinute: TRACKING_LIMIT.perMinute });
      // Unresolved numbers go on unchanged: publicTracking answers NOT_FOUND alike for unknown numbers and wrong digits.
      const waybillNo =
        (await findTrackedWaybill(ctx.db, { number: input.waybillNo, phoneLast4: input.phoneLast4 })) ?? input.waybillNo.toUpperCase();
      return publicTracking(ctx.db, { waybillNo, phoneLast4: input.phoneLast4 });
    }),
});
