// Shape of the public `trace.get` answer used by the traceability page.
import type { TRouterOutputs } from "../../../lib/trpc.ts";

export type TTrace = TRouterOutputs["trace"]["get"];
export type TTraceRoute = TTrace["routes"][number];
