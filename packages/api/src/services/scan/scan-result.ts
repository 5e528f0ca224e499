// What a scan answers: the result's shape, one key order for it, and its reason's sentence.
import { scanMessage, type ScanWarning, type TScanAction, type TScanOutcome, type TScanParams, type TScanReason } from "@xiangda/domain";

export interface ScanResult {
  clientScanId: string;
  outcome: TScanOutcome;
  /// The action applied: the one sent, or the one inferred from the code and the node (null when none could be).
  action: TScanAction | null;
  /// The action was not sent but inferred.
  inferred: boolean;
  /// The code of `message` (SCAN_REASONS) and its parameters, for clients that show it in their own language;
  /// null on results stored before reasons were recorded.
  reason: TScanReason | null;
  params: TScanParams | null;
  message: string;
  shipment: { waybillNo: string; status: string; light: string; temp: string; destination: string | null; selfPickup: boolean } | null;
  nextHop: { code: string; name: string } | null;
  expected: { code: string; name: string } | null;
  shelfSlot: string | null;
  /// Late, behind plan or without a route: said beside the outcome (a valid scan still succeeds).
  warning: ScanWarning | null;
}

/// One key order for a result, whether fresh or replayed from JSONB (which reorders keys). Results stored before
/// `action` was recorded take the stored scan's.
export function canonical(r: ScanResult, storedAction?: string | null): ScanResult {
  return {
    clientScanId: r.clientScanId,
    outcome: r.outcome,
    action: r.action !== undefined ? r.action : ((storedAction ?? null) as TScanAction | null),
    inferred: r.inferred ?? false,
    reason: r.reason ?? null,
    params: r.params ?? null,
    message: r.message,
    shipment: r.shipment
      ? {
          waybillNo: r.shipment.waybillNo,
          status: r.shipment.status,
          light: r.shipment.light,
          temp: r.shipment.temp,
          destination: r.shipment.destination,
          selfPickup: r.shipment.selfPickup,
        }
      : null,
    nextHop: r.nextHop ? { code: r.nextHop.code, name: r.nextHop.name } : null,
    expected: r.expected ? { code: r.expected.code, name: r.expected.name } : null,
    shelfSlot: r.shelfSlot,
    warning: r.warning ? { code: r.warning.code, params: r.warning.params, message: r.warning.message } : null,
  };
}

/// A result's reason, its parameters and its English sentence.
export function why(reason: TScanReason, params?: TScanParams): Pick<ScanResult, "reason" | "params" | "message"> {
  return { reason, params: params ?? null, message: scanMessage(reason, params) };
}
