/** Threadline's mark: three dots on a thread. Decorative; the name is always written beside it. */
export function Logo({ size = 20 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <path d="M4 16 C8 13, 7 8, 10 10 S 13 5, 16 4" fill="none" stroke="var(--accent)" stroke-width="1.6" stroke-linecap="round" />
      <circle cx="4" cy="16" r="2.4" fill="var(--accent)" />
      <circle cx="10" cy="10" r="2.4" fill="var(--bg)" stroke="var(--accent)" stroke-width="1.6" />
      <circle cx="16" cy="4" r="2.4" fill="var(--new)" />
    </svg>
  );
}
