import { router } from "../trpc.ts";

export const traceRouter = router({});
