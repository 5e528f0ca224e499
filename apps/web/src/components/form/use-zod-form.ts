// useZodForm: react-hook-form with the draft checked by a zod schema (draft → input), the server's field errors put
// under their fields (setError), and a "saved" flag that the next change clears.
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path, type UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import { readApiError } from "../../lib/api-error.ts";
import { placePath, serverFieldErrors, zodFormResolver } from "./issue-text.ts";

/** What the kit needs of a react-query mutation (`useMutation(...)` fits). */
export interface TFormMutation<TInput> {
  mutate: (input: TInput, options?: { onSuccess?: () => void }) => void;
  error: unknown;
  isPending: boolean;
}

interface Options<TDraft extends FieldValues, TInput> {
  /** Draft (what the fields hold) → the input sent; its issues show under the fields in the user's language. */
  schema: z.ZodType<TInput, TDraft>;
  defaultValues: TDraft;
  /** Every field path the form shows under a field (the server's other field errors go to the summary). */
  fields: readonly string[];
  mutation: TFormMutation<TInput>;
  /** The draft field showing an input path's errors where their names differ (the server's `weightG` under the
   *  `weightKg` box; a path's parts follow it): for the server's errors and the issues of a piped shared schema. */
  placeAt?: Readonly<Record<string, string>>;
  /** Called when a submit is refused, by the schema or by the server (a desk moves the focus to the first problem:
   *  focusFirstProblem); without it react-hook-form focuses the first field the schema refused. */
  onRefused?: () => void;
}

export interface TZodForm<TDraft extends FieldValues, TInput> {
  form: UseFormReturn<TDraft, unknown, TInput>;
  /** For <form onSubmit>: clears "saved", checks the draft, sends the input. */
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  saved: boolean;
  mutation: TFormMutation<TInput>;
  fields: readonly string[];
}

export function useZodForm<TDraft extends FieldValues, TInput>({
  schema,
  defaultValues,
  fields,
  mutation,
  placeAt,
  onRefused,
}: Options<TDraft, TInput>): TZodForm<TDraft, TInput> {
  const form = useForm<TDraft, unknown, TInput>({
    resolver: zodFormResolver(schema, placeAt),
    defaultValues: defaultValues as DefaultValues<TDraft>,
    // Errors stay until the next submit, as the server's do.
    reValidateMode: "onSubmit",
    shouldFocusError: !onRefused,
  });
  const refused = useRef(onRefused);
  useEffect(() => {
    refused.current = onRefused;
  });
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    const sub = form.watch(() => setSaved(false));
    return () => sub.unsubscribe();
  }, [form]);
  const { error } = mutation;
  useEffect(() => {
    if (!error) return;
    for (const [field, message] of serverFieldErrors(readApiError(error).fieldErrors, fields))
      form.setError(placePath(field, placeAt) as Path<TDraft>, { type: "server", message });
    refused.current?.();
  }, [error, fields, form, placeAt]);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    setSaved(false);
    void form.handleSubmit(
      (input) => mutation.mutate(input, { onSuccess: () => setSaved(true) }),
      () => refused.current?.(),
    )(event);
  };
  return { form, onSubmit, saved, mutation, fields };
}
