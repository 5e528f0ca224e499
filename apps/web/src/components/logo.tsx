// The Xiangda mark: a roof over a dot, a station serving a village.
export function Logo({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" className="logo">
      <rect width="32" height="32" rx="7" fill="var(--brand)" />
      <path d="M8 21l8-11 8 11" fill="none" stroke="#fff" strokeWidth="3" strokeLinecap="round" strokeLinejoin="round" />
      <circle cx="16" cy="22" r="2.4" fill="var(--accent)" />
    </svg>
  );
}
