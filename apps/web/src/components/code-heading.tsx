// A detail page's heading: the kind of thing in small print above its code in large monospace (a waybill, a load).
export function CodeHeading({ label, code, testId }: { label: string; code: string; testId: string }) {
  return (
    <>
      <div className="muted small">{label}</div>
      <h2 className="waybill-big mono" data-testid={testId}>
        {code}
      </h2>
    </>
  );
}
