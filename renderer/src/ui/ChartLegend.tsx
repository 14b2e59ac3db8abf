/** How a series is drawn, repeated in its legend entry. */
export interface LegendEntry {
  label: string;
  /** `line`: a stroke (dashed with `dash`), with a dot when the chart draws dots; `box`: a filled bar. */
  shape: 'line' | 'box';
  color: string;
  /** A bar's fill; white bars are outlined in `color`. */
  fill?: string;
  dash?: string;
  dot?: 'circle' | 'square';
}

function Marker({ e }: { e: LegendEntry }) {
  if (e.shape === 'box')
    return (
      <svg width="12" height="12" aria-hidden="true" focusable="false">
        <rect x="0.5" y="0.5" width="11" height="11" fill={e.fill ?? e.color} stroke={e.color} strokeDasharray={e.dash} />
      </svg>
    );
  return (
    <svg width="28" height="12" aria-hidden="true" focusable="false">
      <line x1="1" y1="6" x2="27" y2="6" stroke={e.color} strokeWidth="2" strokeDasharray={e.dash} />
      {e.dot === 'circle' && <circle cx="14" cy="6" r="3.5" fill="#fff" stroke={e.color} strokeWidth="1.5" />}
      {e.dot === 'square' && <rect x="10.5" y="2.5" width="7" height="7" fill={e.color} />}
    </svg>
  );
}

/**
 * A chart's legend in HTML beside the chart. Recharts' own legend measures itself after the chart is
 * drawn and draws the chart again to make room: with an axis that sizes itself, that tripled the cost
 * of drawing a chart. Here the legend costs nothing to the chart, and reads as text.
 */
export function ChartLegend({ entries }: { entries: LegendEntry[] }) {
  return (
    <ul className="tc-chart-legend">
      {entries.map((e) => (
        <li key={e.label} data-legend-entry>
          <Marker e={e} />
          <span>{e.label}</span>
        </li>
      ))}
    </ul>
  );
}
