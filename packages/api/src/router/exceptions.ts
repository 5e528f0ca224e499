// The exception queue (issue #17): a county's parcels in exception, RED or without a route, and the manager's actions on
// them (call or notify the node, re-plan, return to sender, mark lost), each kept with who did it and when. ADMIN any
// county, a COUNTY_MANAGER their own; station staff none. Procedures only route; services do the work.
import { actOnException } from "../services/exceptions/act-on-exception.ts";
import { listExceptions } from "../services/exceptions/list-exceptions.ts";
import type { TExceptionActionKind } from "@xiangda/domain";
import { ZExceptionActSchema, ZExceptionListSchema } from "../services/exceptions/schemas.ts";
import { countyProcedure, router } from "../trpc.ts";

const queueProcedure = countyProcedure;
const target = (i: Record<string, unknown>) => `shipment:${typeof i.shipmentId === "string" ? i.shipmentId : "?"}`;

const action = (kind: TExceptionActionKind) =>
  queueProcedure
    .meta({ auditTarget: target })
    .input(ZExceptionActSchema)
    .mutation(({ ctx, input }) => actOnException(ctx.db, { actor: ctx.actor, kind, now: ctx.now(), ...input }));

export const exceptionsRouter = router({
  list: queueProcedure.input(ZExceptionListSchema).query(({ ctx, input }) => listExceptions(ctx.db, input)),
  /// Shows the responsible node's phone (the list has it masked), recorded as a call.
  callNode: action("CALL"),
  /// The dashboard's notify: the node's new RED alerts marked as chased and one message queued.
  notify: action("NOTIFY"),
  replan: action("REPLAN"),
  returnToSender: action("RETURN"),
  markLost: action("LOST"),
});
