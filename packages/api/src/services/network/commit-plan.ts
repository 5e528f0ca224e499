// The write half of every network import: all or nothing, validated again inside the transaction.
import type { Db, Tx } from "@xiangda/db";
import { AppError } from "@xiangda/domain";
import { loadCountyContext, type CountyContext } from "./county-context.ts";
import type { ImportIssue, ImportOutcome, ImportPlan } from "../imports/import-types.ts";

export async function commitPlan<T>(
  db: Db,
  plan: ImportPlan<T> & { countyCode: string | null },
  dryRun: boolean | undefined,
  step: {
    validate: (tx: Tx, ctx: CountyContext, items: T[]) => Promise<ImportIssue[]>;
    write: (tx: Tx, ctx: CountyContext, items: T[]) => Promise<ImportOutcome>;
  },
): Promise<{ plan: typeof plan; outcome: ImportOutcome | null }> {
  if (plan.errors.length || dryRun || !plan.countyCode) return { plan, outcome: null };
  const county = plan.countyCode;
  const outcome = await db.$transaction(
    async (tx) => {
      // Another writer may have changed the county since the preview.
      const ctx = await loadCountyContext(tx, county);
      const again = await step.validate(tx, ctx, plan.items);
      if (again.length)
        throw AppError.of("CONFLICT", "NETWORK_CHANGED", {}, { details: { errors: again } });
      return step.write(tx, ctx, plan.items);
    },
    { timeout: 120_000 },
  );
  return { plan, outcome };
}
