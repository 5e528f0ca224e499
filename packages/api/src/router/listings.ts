import { router } from "../trpc.ts";

export const listingsRouter = router({});
