import { router } from "../trpc.ts";

export const restockRouter = router({});
