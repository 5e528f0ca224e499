// Public tracking's look-up: villagers know the carrier's number as often as ours, so either finds the parcel.
import type { Db } from "@xiangda/db";

/// Our waybill number of the parcel matching `number` (ours or the carrier's) whose phone ends in `phoneLast4`;
/// null when none does (the caller answers NOT_FOUND alike for both cases). A carrier's number is unique per
/// carrier only: the phone digits pick among carriers, then the newest parcel.
export async function findTrackedWaybill(db: Db, { number, phoneLast4 }: { number: string; phoneLast4: string }): Promise<string | null> {
  const raw = number.trim();
  const upper = raw.toUpperCase();
  const rows = await db.shipment.findMany({
    where: { OR: [{ waybillNo: upper }, { carrierWaybillNo: { in: [...new Set([raw, upper])] } }] },
    select: { waybillNo: true, recipientPhone: true },
    orderBy: { createdAt: "desc" },
    take: 20,
  });
  const matching = rows.filter((r) => r.recipientPhone.endsWith(phoneLast4));
  return (matching.find((r) => r.waybillNo === upper) ?? matching[0])?.waybillNo ?? null;
}
