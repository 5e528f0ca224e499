// A detail page's frame (a shipment, a load): a back link to its list above the query's states, the thing once it is
// loaded, a "not found" alert of its own when the server answers NOT_FOUND; and the thing's head.
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { readApiError } from "../lib/api-error.ts";
import { CodeHeading } from "./code-heading.tsx";
import { DetailState } from "./data-state.tsx";

/** A detail query's `retry`: never again after one of these codes (NOT_FOUND, FORBIDDEN …), else twice. */
export const retryUnless =
  (...codes: readonly string[]) =>
  (count: number, error: unknown): boolean =>
    !codes.includes(readApiError(error).code ?? "") && count < 2;

interface Props<T, TError> {
  back: { to: string; label: string; testId: string };
  query: UseQueryResult<T, TError>;
  notFound: { text: string; testId: string };
  /** The frame's class (e.g. "page"); without it the page adds no element of its own. */
  className?: string;
  children: (data: T) => ReactNode;
}

export function DetailPage<T, TError>({ back, query, notFound, className, children }: Props<T, TError>) {
  const body = (
    <>
      <div className="toolbar">
        <Link to={back.to} className="btn btn-small" data-testid={back.testId}>
          ← {back.label}
        </Link>
      </div>
      <DetailState query={query} notFound={notFound.text} notFoundTestId={notFound.testId}>
        {children}
      </DetailState>
    </>
  );
  return className ? <div className={className}>{body}</div> : body;
}

/** A detail's head (.shipment-hero): the kind of thing over its code with what goes `below` on the left, `aside` on
 *  the right; `className` adds to the frame's class (e.g. a closer gap). */
export function DetailHead(props: {
  label: string;
  code: string;
  testId: string;
  below?: ReactNode;
  aside: ReactNode;
  className?: string;
}) {
  return (
    <div className={props.className ? `shipment-hero ${props.className}` : "shipment-hero"}>
      <div>
        <CodeHeading label={props.label} code={props.code} testId={props.testId} />
        {props.below}
      </div>
      {props.aside}
    </div>
  );
}
