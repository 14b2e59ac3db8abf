import { Card, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { addMonths } from '@api/period';
import type { ProgressHistory, SeriesPoint } from '@api/progress';
import { formatDate, formatDecimal, formatInteger } from '../../ui/format';
import { ChartLegend, type LegendEntry } from '../../ui/ChartLegend';
import { ScrollTable } from '../../ui/ScrollTable';
import { pointsForWidth, thinSeries } from '../../ui/thin';
import { WhenVisible } from '../../ui/WhenVisible';

/** Dates on a time axis: milliseconds at noon UTC, so a day never slips across a zone. */
const ms = (iso: string) => Date.parse(`${iso}T12:00:00Z`);
const isoOf = (t: number) => new Date(t).toISOString().slice(0, 10);
const tickDate = (t: number) => formatDate(isoOf(t));

/**
 * Points a chart draws: about one per four pixels of a chart half a card wide at 1366 px. The table
 * beside it keeps every point; dots are drawn only when they do not run into each other.
 */
const CHART_POINTS = pointsForWidth(480);
const DOT_POINTS = 40;

/** Ticks on the first of the month, thinned to at most six, plus the period's edges when short. */
function dateTicks(from: string, to: string): number[] {
  const firsts: string[] = [];
  let d = from.slice(0, 8) + '01';
  if (d < from) d = addMonths(d, 1);
  for (; d <= to; d = addMonths(d, 1)) firsts.push(d);
  const step = Math.max(1, Math.ceil(firsts.length / 6));
  const picked = firsts.filter((_, i) => i % step === 0);
  return (picked.length >= 2 ? picked : [from, to]).map(ms);
}

/** Black-and-white safe: solid line with open circles, dashed line with filled squares. */
const SOLID = { stroke: '#111', strokeWidth: 2 };
const DASHED = { stroke: '#555', strokeWidth: 2, strokeDasharray: '6 4' };

interface DotProps {
  cx?: number;
  cy?: number;
  index?: number;
}
const SquareDot = ({ cx = 0, cy = 0, index }: DotProps) => <rect key={index} x={cx - 4} y={cy - 4} width={8} height={8} fill="#555" />;

function ChartCard({
  title,
  testId,
  count,
  chart,
  legend,
  table,
  empty,
  emptyText,
}: {
  title: string;
  testId: string;
  count: number;
  chart: ReactNode;
  legend: LegendEntry[];
  table: ReactNode;
  empty: boolean;
  emptyText: string;
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" padding="md" data-testid={testId} data-points={count} component="section" aria-label={title}>
      <Title order={3} size="h4" mb="sm">
        {title}
      </Title>
      {empty ? (
        <Text c="dimmed">{emptyText}</Text>
      ) : (
        // Off-screen cards are drawn when scrolled to: ten charts with their tables of every point
        // at once held the screen for seconds at district size.
        <WhenVisible height={260} fixed={false}>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <div>
              <ChartLegend entries={legend} />
              <div role="img" aria-label={title} style={{ width: '100%', height: 230 }}>
                {chart}
              </div>
            </div>
            <ScrollTable label={t('progress.charts.table', { title })} minWidth={260} maxHeight={260}>
              <Table striped withTableBorder fz="sm" data-testid="chart-table">
                <Table.Caption>{t('progress.charts.table', { title })}</Table.Caption>
                {table}
              </Table>
            </ScrollTable>
          </SimpleGrid>
        </WhenVisible>
      )}
    </Card>
  );
}

function ProgressChart({ title, testId, points, from, to }: { title: string; testId: string; points: SeriesPoint[]; from: string; to: string }) {
  const { t } = useTranslation();
  const data = thinSeries(points, CHART_POINTS, (p) => ms(p.date), [(p) => p.progress, (p) => p.confidence]).map((p) => ({ ...p, t: ms(p.date) }));
  const dots = data.length <= DOT_POINTS;
  return (
    <ChartCard
      title={title}
      testId={testId}
      count={points.length}
      empty={points.length === 0}
      emptyText={t('progress.charts.noPoints')}
      legend={[
        { label: t('progress.charts.progress'), shape: 'line', color: SOLID.stroke, dot: dots ? 'circle' : undefined },
        { label: t('progress.charts.confidence'), shape: 'line', color: DASHED.stroke, dash: DASHED.strokeDasharray, dot: dots ? 'square' : undefined },
      ]}
      chart={
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ top: 8, right: 28, bottom: 28, left: 24 }}>
            <CartesianGrid stroke="#ddd" />
            <XAxis
              dataKey="t"
              type="number"
              scale="time"
              domain={[ms(from), ms(to)]}
              ticks={dateTicks(from, to)}
              tickFormatter={tickDate}
              label={{ value: t('progress.charts.dateAxis'), position: 'insideBottom', offset: -16 }}
            />
            <YAxis
              yAxisId="p"
              domain={[0, 100]}
              tickFormatter={(v: number) => `${v}%`}
              width={56}
              label={{ value: t('progress.charts.progressAxis'), angle: -90, position: 'insideLeft', offset: 4, style: { textAnchor: 'middle' } }}
            />
            <YAxis
              yAxisId="c"
              orientation="right"
              domain={[0, 10]}
              ticks={[0, 2, 4, 6, 8, 10]}
              width={56}
              label={{ value: t('progress.charts.confidenceAxis'), angle: 90, position: 'insideRight', offset: 4, style: { textAnchor: 'middle' } }}
            />
            <Tooltip
              labelFormatter={(v) => tickDate(Number(v))}
              formatter={(v, name) => (name === t('progress.charts.progress') ? `${formatDecimal(Number(v))}%` : formatDecimal(Number(v)))}
            />
            <Line yAxisId="p" dataKey="progress" name={t('progress.charts.progress')} {...SOLID} dot={dots ? { r: 4, fill: '#fff', stroke: '#111' } : false} isAnimationActive={false} legendType="plainline" />
            <Line yAxisId="c" dataKey="confidence" name={t('progress.charts.confidence')} {...DASHED} dot={dots ? SquareDot : false} isAnimationActive={false} legendType="plainline" />
          </LineChart>
        </ResponsiveContainer>
      }
      table={
        <>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('progress.charts.dateAxis')}</Table.Th>
              <Table.Th>{t('progress.charts.progress')}</Table.Th>
              <Table.Th>{t('progress.charts.confidence')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {points.map((p) => (
              <Table.Tr key={p.date} data-testid="chart-row" data-date={p.date} data-progress={p.progress} data-confidence={p.confidence}>
                <Table.Td className="tc-nowrap">{formatDate(p.date)}</Table.Td>
                <Table.Td>{formatDecimal(p.progress)}%</Table.Td>
                <Table.Td className="tc-nowrap">{formatDecimal(p.confidence)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </>
      }
    />
  );
}

function ClusterChart({ history }: { history: ProgressHistory }) {
  const { t } = useTranslation();
  const points = history.clusters;
  const data = thinSeries(points, CHART_POINTS, (p) => ms(p.date), [(p) => p.fte, (p) => p.wijkagenten]).map((p) => ({ ...p, t: ms(p.date) }));
  const dots = data.length <= DOT_POINTS;
  const title = t('progress.charts.clusters');
  const hasClusters = points.some((p) => p.clusters > 0);
  return (
    <ChartCard
      title={title}
      testId="chart-clusters"
      count={points.length}
      empty={!hasClusters}
      emptyText={t('progress.charts.noClusters')}
      legend={[
        { label: t('progress.charts.fte'), shape: 'line', color: SOLID.stroke, dot: dots ? 'circle' : undefined },
        { label: t('progress.charts.wijkagenten'), shape: 'line', color: DASHED.stroke, dash: DASHED.strokeDasharray, dot: dots ? 'square' : undefined },
      ]}
      chart={
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ top: 8, right: 24, bottom: 28, left: 24 }}>
            <CartesianGrid stroke="#ddd" />
            <XAxis
              dataKey="t"
              type="number"
              scale="time"
              domain={[ms(history.period.from), ms(history.period.to)]}
              ticks={dateTicks(history.period.from, history.period.to)}
              tickFormatter={tickDate}
              label={{ value: t('progress.charts.dateAxis'), position: 'insideBottom', offset: -16 }}
            />
            <YAxis
              tickFormatter={(v: number) => formatInteger(v)}
              width={56}
              label={{ value: t('progress.charts.sizeAxis'), angle: -90, position: 'insideLeft', offset: 4, style: { textAnchor: 'middle' } }}
            />
            <Tooltip labelFormatter={(v) => tickDate(Number(v))} formatter={(v) => formatDecimal(Number(v))} />
            <Line type="stepAfter" dataKey="fte" name={t('progress.charts.fte')} {...SOLID} dot={dots ? { r: 4, fill: '#fff', stroke: '#111' } : false} isAnimationActive={false} legendType="plainline" />
            <Line type="stepAfter" dataKey="wijkagenten" name={t('progress.charts.wijkagenten')} {...DASHED} dot={dots ? SquareDot : false} isAnimationActive={false} legendType="plainline" />
          </LineChart>
        </ResponsiveContainer>
      }
      table={
        <>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('progress.charts.dateAxis')}</Table.Th>
              <Table.Th>{t('progress.charts.fte')}</Table.Th>
              <Table.Th>{t('progress.charts.wijkagenten')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {points.map((p) => (
              <Table.Tr key={p.date} data-testid="chart-row" data-date={p.date}>
                <Table.Td className="tc-nowrap">{formatDate(p.date)}</Table.Td>
                <Table.Td className="tc-nowrap">{formatDecimal(p.fte)}</Table.Td>
                <Table.Td className="tc-nowrap">{formatInteger(p.wijkagenten)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </>
      }
    />
  );
}

/** The history charts, each with its table beside it. Loaded lazily: recharts stays out of the first paint. */
export default function ProgressCharts({ history }: { history: ProgressHistory }) {
  const { t, i18n } = useTranslation();
  const { from, to } = history.period;
  return (
    <Stack gap="md">
      <ProgressChart title={t('progress.charts.team')} testId="chart-team" points={history.team} from={from} to={to} />
      {history.opgaven.map((o) => (
        <ProgressChart
          key={o.teamOpgaveId}
          title={i18n.language === 'en' ? o.titleEn : o.titleNl}
          testId={`chart-opgave-${o.teamOpgaveId}`}
          points={o.points}
          from={from}
          to={to}
        />
      ))}
      <ClusterChart history={history} />
    </Stack>
  );
}
