// A counter sale as returned to clients, and the raw-SQL column list that produces it.

export interface SaleView {
  id: string;
  listingId: string;
  counterId: string;
  batchId: string | null;
  quantity: number;
  unitPriceFen: number;
  amountFen: number;
  soldAt: Date;
  clientRef: string;
  source: "ENTRY" | "UPLOAD";
  importRunId: string | null;
  recordedById: string | null;
  createdAt: Date;
}

export const SALE_COLUMNS = `id, "listingId", "counterId", "batchId", quantity, "unitPriceFen", "amountFen", "soldAt", "clientRef", source::text AS source, "importRunId", "recordedById", "createdAt"`;

/// Largest amount a sale row can hold (an INTEGER column).
export const MAX_AMOUNT_FEN = 2_147_483_647;
