// The alert above a form now lives in the form kit (components/form); kept here for the pages that import it.
export { ErrorSummary } from "../../components/form/error-summary.tsx";
