// A single figure with its label, for overview grids.
export function StatCard({ label, value, testId }: { label: string; value: number | string; testId?: string }) {
  const shown = typeof value === "number" ? value.toLocaleString("zh-CN") : value;
  return (
    <div className="stat-card" data-testid={testId}>
      <div className="stat-value">{shown}</div>
      <div className="stat-label">{label}</div>
    </div>
  );
}
