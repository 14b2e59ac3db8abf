import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A wide table scrolls inside its own box instead of crushing its columns or widening the page.
 * The box is a named region in the tab order, so a keyboard user can reach it and scroll it with
 * the arrow keys (WCAG 2.1.1; axe's scrollable-region-focusable).
 */
export function ScrollTable({ label, minWidth, maxHeight, children }: { label: string; minWidth: number; maxHeight?: number; children: ReactNode }) {
  return (
    <Table.ScrollContainer
      type="native"
      minWidth={minWidth}
      maxHeight={maxHeight}
      tabIndex={0}
      role="region"
      aria-label={label}
      className="tc-scroll-region"
      data-scroll-region
    >
      {children}
    </Table.ScrollContainer>
  );
}
