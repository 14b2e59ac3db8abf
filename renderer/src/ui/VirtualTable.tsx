import type { CSSProperties, ReactNode, Ref } from 'react';

/** A header cell: its text, and whether its column holds amounts (right-aligned). */
export interface VirtualColumn {
  label: string;
  right?: boolean;
  style?: CSSProperties;
}

/**
 * The frame of a long list drawn a window at a time (@tanstack/react-virtual): a table for assistive
 * technology (ARIA roles, the full row count), a header row on the grid of `columns`, and a body that
 * scrolls by itself and is reachable by Tab, then the arrow keys scroll it. The caller keeps the
 * virtualiser (it knows its rows' heights) and draws the rows in view, each positioned with `rowStyle`.
 */
export function VirtualTable({
  label,
  rowCount,
  minWidth,
  columns,
  header,
  fontSize,
  testId,
  bodyRef,
  bodyStyle,
  bodyTestId,
  totalSize,
  children,
}: {
  label: string;
  rowCount: number;
  minWidth: number;
  columns: string;
  header: VirtualColumn[];
  fontSize?: number;
  testId?: string;
  bodyRef: Ref<HTMLDivElement>;
  /** The body's height (fixed rows) or maximum height (rows that measure themselves). */
  bodyStyle: CSSProperties;
  bodyTestId: string;
  totalSize: number;
  children: ReactNode;
}) {
  return (
    <div role="table" aria-label={label} aria-rowcount={rowCount + 1} data-testid={testId} style={{ overflowX: 'auto' }}>
      <div style={{ minWidth }}>
        <div role="row" style={{ display: 'grid', gridTemplateColumns: columns, fontWeight: 600, fontSize, padding: '4px 0', borderBottom: '1px solid var(--mantine-color-gray-4)' }}>
          {header.map((h) => (
            <div role="columnheader" key={h.label} style={{ ...h.style, textAlign: h.right ? 'right' : undefined }}>
              {h.label}
            </div>
          ))}
        </div>
        <div ref={bodyRef} style={{ ...bodyStyle, overflow: 'auto' }} data-testid={bodyTestId} role="rowgroup" tabIndex={0} className="tc-scroll-region">
          <div role="presentation" style={{ height: totalSize, position: 'relative' }}>
            {children}
          </div>
        </div>
      </div>
    </div>
  );
}

/** Where a row in view stands in the body: `start` from the virtualiser; a fixed `height`, or none for a row that measures itself. */
export const rowStyle = (start: number, height?: number): CSSProperties => ({ position: 'absolute', top: 0, left: 0, right: 0, height, transform: `translateY(${start}px)` });

/** The body's height for rows of one fixed height: all of them up to 480 px, then it scrolls. */
export const fixedBodyHeight = (rowCount: number, rowHeight: number): CSSProperties => ({ height: Math.min(480, Math.max(rowHeight, rowCount * rowHeight)) });
