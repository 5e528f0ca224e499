// A shelf or stocktake action's refusal, in words: a block alert, or (`inline`) a short line beside its button.
import { useT } from "../../../i18n/use-t.ts";
import { shelfErrorText } from "./shelf-refusal.ts";

export function ShelfError({ error, inline, testId }: { error: unknown; inline?: boolean; testId?: string }) {
  const t = useT("shelf");
  if (!error) return null;
  return inline ? (
    <span className="small danger-text" role="alert" data-testid={testId}>
      {shelfErrorText(t, error)}
    </span>
  ) : (
    <p className="alert alert-error" role="alert" data-testid={testId}>
      {shelfErrorText(t, error)}
    </p>
  );
}
