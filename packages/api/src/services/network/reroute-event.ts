// A node or lane whose status changed: the shipments planned through it are re-planned by a worker (network.reroute,
// written to the outbox in the transaction that changed the status).
import { writeOutbox, type Tx } from "@xiangda/db";
import { networkReroute, outboxEvent } from "@xiangda/jobs";

export async function writeRerouteEvent(
  tx: Tx,
  {
    countyCode,
    target,
    status,
    updatedAt,
  }: { countyCode: string; target: { nodeId: string } | { laneId: string }; status: string; updatedAt: Date },
) {
  await writeOutbox(
    tx,
    outboxEvent(networkReroute, { countyCode, ...target, reopened: status === "ACTIVE", changeId: String(updatedAt.getTime()) }),
  );
}
