import type { ReactNode } from 'react';

/** A horizontally scrollable region (wide tables on a phone) that keyboard users can focus and scroll. */
export function Scroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable (WCAG 2.1.1)
    <section tabIndex={0} aria-label={label} style={{ overflowX: 'auto', maxWidth: '100%' }}>
      {children}
    </section>
  );
}
