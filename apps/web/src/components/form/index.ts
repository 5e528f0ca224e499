// The form kit: react-hook-form with a zod schema from draft to input, fields that show their errors in the user's
// language, enum selects labelled from one place, and the server's field errors placed under their fields.
//
//   const save = useMutation(trpc.network.carriers.upsert.mutationOptions({ onSuccess: onSaved }));
//   const kit = useZodForm({ schema: ZDraftSchema, defaultValues: draftOf(carrier), fields: FORM_FIELDS, mutation: save });
//   <ZodForm kit={kit} prefix="carrier">
//     <FormStatus />                                    // server error summary (`carrier-form-error`) / saved
//     <TextField name="code" label={t("…")} mono />     // id and test id `carrier-code`, error `carrier-code-error`
//     <EnumSelect name="creditGrade" label={t("…")} options={ENUMS.creditGrade} />
//     <div className="form-actions"><SubmitButton label={t("common.save")} /></div>
//   </ZodForm>
//
// The schema takes the draft (strings from text boxes: draft-fields.ts parses numbers) and outputs the input the
// mutation sends; pipe it into the shared schema of @xiangda/domain where there is one. Its messages may be catalog
// keys (ERROR_MESSAGES), keys of the "common" namespace ("form.required") or issueKey("network", "nodes.…");
// zod's own checks are translated by code.
export { useZodForm, type TFormMutation, type TZodForm } from "./use-zod-form.ts";
export { ZodForm, FormStatus, SubmitButton, useFormKit } from "./zod-form.tsx";
export { TextField, NumberField, CodeField, EnumSelect, Check, CheckField, CheckList, FieldSlot, useFieldError } from "./fields.tsx";
export { ENUMS, defineEnum, type TEnum } from "./enums.ts";
export { ErrorSummary } from "./error-summary.tsx";
export { focusFirstProblem } from "./focus-problem.ts";
export { issueKey, issueText, placePath, zodFormResolver, serverFieldErrors } from "./issue-text.ts";
export { parseWholeNumber, parseDecimal, optionalWholeNumber, requiredWholeNumber, requiredDecimal, optionalText } from "./draft-fields.ts";
