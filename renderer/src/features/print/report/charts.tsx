import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, XAxis, YAxis } from 'recharts';
import { addMonths } from '@api/period';
import type { ReportOpgave } from '@api/report';
import { formatDate, formatMoney } from '../../../ui/format';
import { useMonths } from '../../../ui/months';
import { WithDates } from '../../../ui/NoBreak';

/**
 * Charts for paper: fixed sizes (no ResponsiveContainer, so the print engine sees the final size
 * on the first layout), no animation, black and white only: solid and dashed lines, open circles
 * and filled squares, so they stay legible on a black-and-white printer.
 */
export const PROGRESS_CHART = { width: 330, height: 190 };
export const MONEY_CHART = { width: 660, height: 210 };

/** Dates on a time axis: milliseconds at noon UTC, so a day never slips across a zone. */
const ms = (iso: string) => Date.parse(`${iso}T12:00:00Z`);

/** The first days of the months in [from, to], thinned to at most `max` ticks. */
function monthTicks(from: string, to: string, max: number): number[] {
  const firsts: string[] = [];
  let d = `${from.slice(0, 8)}01`;
  if (d < from) d = addMonths(d, 1);
  for (; d <= to; d = addMonths(d, 1)) firsts.push(d);
  const step = Math.max(1, Math.ceil(firsts.length / max));
  const picked = firsts.filter((_, i) => i % step === 0);
  return (picked.length >= 2 ? picked : [from, to]).map(ms);
}

/** Legend texts in black, whatever the series' fill (a white bar would otherwise get a white label). */
const blackLabel = (value: string) => <span style={{ color: '#000' }}>{value}</span>;

interface DotProps {
  cx?: number;
  cy?: number;
  index?: number;
}
const SquareDot = ({ cx = 0, cy = 0, index }: DotProps) => <rect key={index} x={cx - 2.5} y={cy - 2.5} width={5} height={5} fill="#000" />;

/** Progress (solid, left axis, %) and confidence (dashed, right axis, 1-10) of one opgave over the period. */
export function ProgressChart({ opgave, from, to, title }: { opgave: ReportOpgave; from: string; to: string; title: string }) {
  const { t } = useTranslation();
  const months = useMonths();
  const data = opgave.series.map((p) => ({ ...p, t: ms(p.date) }));
  const dense = data.length > 24;
  return (
    <figure className="chart" data-chart="progress" data-points={data.length}>
      <figcaption className="chart-title">{title}</figcaption>
      {data.length === 0 ? (
        <p className="muted chart-empty">{t('print.report.noCheckins')}</p>
      ) : (
        <LineChart {...PROGRESS_CHART} data={data} margin={{ top: 4, right: 6, bottom: 4, left: 0 }} role="img" aria-label={title}>
          <CartesianGrid stroke="#bbb" strokeDasharray="2 3" />
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={[ms(from), ms(to)]}
            ticks={monthTicks(from, to, 4)}
            tickFormatter={months.monthYear}
            tick={{ fontSize: 9, fill: '#000' }}
            stroke="#000"
          />
          <YAxis yAxisId="p" domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tickFormatter={(v: number) => `${v}%`} width={38} tick={{ fontSize: 9, fill: '#000' }} stroke="#000" />
          <YAxis yAxisId="c" orientation="right" domain={[0, 10]} ticks={[0, 5, 10]} width={22} tick={{ fontSize: 9, fill: '#000' }} stroke="#000" />
          <Legend verticalAlign="top" height={18} iconSize={14} wrapperStyle={{ fontSize: 9, color: '#000' }} formatter={blackLabel} />
          <Line
            yAxisId="p"
            dataKey="progress"
            name={t('print.report.chartProgress')}
            stroke="#000"
            strokeWidth={1.6}
            dot={dense ? false : { r: 2.5, fill: '#fff', stroke: '#000', strokeWidth: 1.2 }}
            isAnimationActive={false}
            legendType="plainline"
          />
          <Line
            yAxisId="c"
            dataKey="confidence"
            name={t('print.report.chartConfidence')}
            stroke="#000"
            strokeWidth={1.2}
            strokeDasharray="5 3"
            dot={dense ? false : SquareDot}
            isAnimationActive={false}
            legendType="plainline"
          />
        </LineChart>
      )}
      <div className="chart-foot muted">
        <WithDates text={t('print.report.chartAxes', { from: formatDate(from), to: formatDate(to) })} />
      </div>
    </figure>
  );
}

/** Euros without cents on an axis; the tables beside the chart carry the exact amounts. */
const axisMoney = (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v) ? formatMoney(Math.round(v / 100) * 100).replace(/,00$/, '') : '');

/**
 * The money chart's legend drawn by hand: recharts paints a bar's legend square in the bar's fill,
 * and committed is white, so "Vastgelegd" stood on paper without a marker.
 */
function MoneyLegend({ spent, committed }: { spent: string; committed: string }) {
  return (
    <div style={{ display: 'flex', justifyContent: 'center', gap: 14, fontSize: 9, color: '#000' }}>
      <span data-legend-entry>
        <svg width="10" height="10" aria-hidden="true" style={{ verticalAlign: 'middle', marginRight: 4 }}>
          <rect width="10" height="10" fill="#000" />
        </svg>
        {spent}
      </span>
      <span data-legend-entry>
        <svg width="10" height="10" aria-hidden="true" style={{ verticalAlign: 'middle', marginRight: 4 }}>
          <rect x="0.5" y="0.5" width="9" height="9" fill="#fff" stroke="#000" strokeDasharray="3 2" />
        </svg>
        {committed}
      </span>
    </div>
  );
}

/** Spent (solid black) and committed (white, dashed outline) per month of one year. */
export function MonthlyMoneyChart({ months, title }: { months: { month: number; spentCents: number; committedCents: number }[]; title: string }) {
  const { t } = useTranslation();
  const names = useMonths();
  const data = months.map((m) => ({ ...m, name: names.short(m.month) }));
  return (
    <figure className="chart" data-chart="money">
      <figcaption className="chart-title">{title}</figcaption>
      <BarChart {...MONEY_CHART} data={data} margin={{ top: 4, right: 8, bottom: 4, left: 8 }} role="img" aria-label={title}>
        <CartesianGrid stroke="#bbb" strokeDasharray="2 3" vertical={false} />
        <XAxis dataKey="name" tick={{ fontSize: 9, fill: '#000' }} stroke="#000" />
        <YAxis tickFormatter={axisMoney} allowDecimals={false} width={78} tick={{ fontSize: 9, fill: '#000' }} stroke="#000" />
        <Legend verticalAlign="top" height={18} content={() => <MoneyLegend spent={t('budget.totals.spent')} committed={t('budget.totals.committed')} />} />
        <Bar dataKey="spentCents" name={t('budget.totals.spent')} fill="#000" isAnimationActive={false} />
        <Bar dataKey="committedCents" name={t('budget.totals.committed')} fill="#fff" stroke="#000" strokeDasharray="3 2" isAnimationActive={false} />
      </BarChart>
      <div className="chart-foot muted">{t('print.report.chartMonths')}</div>
    </figure>
  );
}
