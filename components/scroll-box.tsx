import type { ReactNode } from "react";

/**
 * A box that scrolls sideways when its content (a wide table) is wider than
 * the screen, so the page itself never does. It is a named, focusable region
 * so keyboard users can scroll it too (WCAG 2.1.1; axe's scrollable-region-focusable).
 */
export function ScrollBox({ label, className = "", children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className={`overflow-x-auto ${className}`}>
      {children}
    </div>
  );
}
