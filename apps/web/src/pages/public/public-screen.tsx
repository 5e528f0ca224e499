// The dark screen of the pages used without a session (sign-in, 查件 tracking, 扫码溯源 tracing): the brand (a link
// back to the page's start where it has one) and the language switch on top, the page, its footer line.
import type { ReactNode } from "react";
import { Link } from "react-router";
import { LangSwitch } from "../../components/lang-switch.tsx";
import { Logo } from "../../components/logo.tsx";

export function PublicScreen(props: {
  /** Classes beside `login-screen`. */
  className?: string;
  /** Where the brand leads; none: the brand is not a link. */
  brandTo?: string;
  name: string;
  tagline: string;
  footer: string;
  children: ReactNode;
}) {
  const brand = (
    <>
      <Logo size={36} />
      <div>
        <div className="login-brand-name">{props.name}</div>
        <div className="login-brand-tagline">{props.tagline}</div>
      </div>
    </>
  );
  return (
    <div className={props.className ? `login-screen ${props.className}` : "login-screen"}>
      <div className="login-top">
        {props.brandTo ? (
          <Link to={props.brandTo} className="login-brand track-brand">
            {brand}
          </Link>
        ) : (
          <div className="login-brand">{brand}</div>
        )}
        <LangSwitch className="btn-on-dark" />
      </div>
      {props.children}
      <footer className="footer footer-on-dark">{props.footer}</footer>
    </div>
  );
}

/** A public card's heading, its lead line and the error of its last attempt (an alert above the form). */
export function PublicCardHead(props: { title: string; lead: string; testId: string; error: string | null; errorCode?: string }) {
  return (
    <>
      <h1 className="login-heading" data-testid={`${props.testId}-heading`}>
        {props.title}
      </h1>
      <p className="muted">{props.lead}</p>
      {props.error ? (
        <div className="alert alert-error" role="alert" data-testid={`${props.testId}-error`} data-code={props.errorCode}>
          {props.error}
        </div>
      ) : null}
    </>
  );
}
