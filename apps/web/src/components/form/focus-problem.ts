// After a refused submit, take the eye to what needs fixing: a desk worked at speed (the acceptance desks) passes it
// as useZodForm's onRefused, for the schema's refusal and the server's alike.

/** After the next paint: focus the first invalid control of the form with test id `form` (a field marked
 *  aria-invalid, or the first control of an invalid group such as a checklist), else bring its error summary
 *  (test id `summary`) into view. */
export function focusFirstProblem(form: string, summary: string): void {
  requestAnimationFrame(() => {
    const scope = `[data-testid="${form}"]`;
    const field = document.querySelector<HTMLElement>(`${scope} [aria-invalid='true'], ${scope} .field-invalid input`);
    if (field) field.focus();
    else document.querySelector(`[data-testid="${summary}"]`)?.scrollIntoView({ block: "center" });
  });
}
