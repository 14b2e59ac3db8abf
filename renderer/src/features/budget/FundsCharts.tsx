import { Paper, SimpleGrid, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { BudgetOverview } from '@api/budget';
import { formatMoney, formatMoneyAxis } from '../../ui/format';
import { useMonths } from '../../ui/months';
import { ChartLegend } from '../../ui/ChartLegend';
import { ScrollTable } from '../../ui/ScrollTable';
import { WhenVisible } from '../../ui/WhenVisible';
import { useOpgaveLabel } from '../agenda/catalogue-en';

/** Axis ticks are cents; recharts may propose fractions on tiny ranges, which are not shown. */
const money = (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v) ? formatMoney(v) : '');
const axisMoney = (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v) ? formatMoneyAxis(v) : '');

/**
 * Room for the money axis's longest label: the axis's top is at most a quarter above the highest
 * amount. Fixed, so the chart is drawn once (an axis that measures its labels draws it twice).
 */
const moneyAxisWidth = (maxCents: number) => 16 + 7.5 * formatMoneyAxis(Math.ceil(Math.max(maxCents, 100_00) * 1.25)).length;

/**
 * A chart whose top edge only peeks over the fold (its title in view, a quarter or less of the
 * chart) is drawn a moment after the screen showed, not before it counts as shown.
 */
const CHART_SHARE = 0.25;

/** Height per opgave in the bar chart: its two bars and a name of up to three lines. */
const BAR_ROOM = 44;

/** Loaded lazily: recharts stays out of the first paint. Each chart has its table beside it. */
export default function FundsCharts({ overview: o }: { overview: BudgetOverview }) {
  const { t } = useTranslation();
  const unlinked = t('budget.overview.unlinked');
  const names = useMonths();
  const opgaveLabel = useOpgaveLabel();
  const months = o.byMonth.map((m) => ({ ...m, name: names.short(m.month) }));
  const yWidth = moneyAxisWidth(Math.max(o.totals.availableCents, ...o.byMonth.map((m) => m.cumulativeSpentCents)));
  const perOpgave = o.byOpgave.map((g) => ({ name: g.label ? opgaveLabel(g.label) : unlinked, spentCents: g.spentCents, committedCents: g.committedCents }));
  const barsHeight = Math.max(240, BAR_ROOM * perOpgave.length + 40);
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }}>
      <Paper withBorder p="lg" data-testid="chart-year">
        <Title order={2} size="h3" mb="sm">
          {t('budget.overview.chartYear')}
        </Title>
        <figure aria-label={t('budget.overview.chartYear')} style={{ margin: 0 }}>
          {/* Below the totals and the entries: drawn when in view or at idle, so the screen opens at once. */}
          <WhenVisible height={240} margin="0px" idle share={CHART_SHARE}>
            <ResponsiveContainer width="100%" height={240}>
              <LineChart data={months} margin={{ left: 10, right: 10, top: 10, bottom: 14 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="name" label={{ value: t('budget.overview.month'), position: 'insideBottom', offset: -2 }} />
                <YAxis tickFormatter={axisMoney} allowDecimals={false} width={yWidth} domain={[0, (max: number) => Math.max(max, o.totals.availableCents)]} />
                <Tooltip formatter={money} />
                <ReferenceLine y={o.totals.availableCents} stroke="#000" strokeDasharray="8 4" label={t('budget.totals.available')} />
                <Line type="stepAfter" dataKey="cumulativeSpentCents" name={t('budget.overview.cumulative')} stroke="#1c4f9c" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
              </LineChart>
            </ResponsiveContainer>
          </WhenVisible>
          <ChartLegend entries={[{ label: t('budget.overview.cumulative'), shape: 'line', color: '#1c4f9c', dot: 'circle' }, { label: t('budget.totals.available'), shape: 'line', color: '#000', dash: '8 4' }]} />
        </figure>
        <details>
          <summary>{t('budget.overview.chartTable')}</summary>
          <ScrollTable label={t('budget.overview.chartTable')} minWidth={480}>
          <Table data-testid="table-month">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('budget.overview.month')}</Table.Th>
                <Table.Th ta="right">{t('budget.totals.spent')}</Table.Th>
                <Table.Th ta="right">{t('budget.overview.cumulative')}</Table.Th>
                <Table.Th ta="right">{t('budget.totals.committed')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {months.map((m) => (
                <Table.Tr key={m.month}>
                  <Table.Td>{m.name}</Table.Td>
                  <Table.Td ta="right" className="tc-nowrap">{formatMoney(m.spentCents)}</Table.Td>
                  <Table.Td ta="right" className="tc-nowrap">{formatMoney(m.cumulativeSpentCents)}</Table.Td>
                  <Table.Td ta="right" className="tc-nowrap">{formatMoney(m.committedCents)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          </ScrollTable>
        </details>
      </Paper>
      <Paper withBorder p="lg" data-testid="chart-opgave">
        <Title order={2} size="h3" mb="sm">
          {t('budget.overview.chartOpgave')}
        </Title>
        <figure aria-label={t('budget.overview.chartOpgave')} style={{ margin: 0 }}>
          <WhenVisible height={barsHeight} margin="0px" idle share={CHART_SHARE}>
            <ResponsiveContainer width="100%" height={barsHeight}>
              <BarChart data={perOpgave} layout="vertical" margin={{ left: 10, right: 20 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis type="number" tickFormatter={axisMoney} allowDecimals={false} />
                {/* Every opgave named: recharts leaves out labels that would overlap, so each has room for three lines (BAR_ROOM). */}
                <YAxis type="category" dataKey="name" width={160} interval={0} />
                <Tooltip formatter={money} />
                <Bar dataKey="spentCents" name={t('budget.totals.spent')} fill="#1c4f9c" isAnimationActive={false} />
                <Bar dataKey="committedCents" name={t('budget.totals.committed')} fill="#ffffff" stroke="#000" strokeDasharray="4 2" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </WhenVisible>
          <ChartLegend entries={[{ label: t('budget.totals.spent'), shape: 'box', color: '#1c4f9c' }, { label: t('budget.totals.committed'), shape: 'box', color: '#000', fill: '#fff', dash: '4 2' }]} />
        </figure>
        <ScrollTable label={t('budget.overview.chartOpgave')} minWidth={420}>
        <Table data-testid="table-opgave">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('budget.fields.opgave')}</Table.Th>
              <Table.Th ta="right">{t('budget.totals.spent')}</Table.Th>
              <Table.Th ta="right">{t('budget.totals.committed')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {perOpgave.map((g) => (
              <Table.Tr key={g.name}>
                <Table.Td>{g.name}</Table.Td>
                <Table.Td ta="right" className="tc-nowrap">{formatMoney(g.spentCents)}</Table.Td>
                <Table.Td ta="right" className="tc-nowrap">{formatMoney(g.committedCents)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        </ScrollTable>
      </Paper>
    </SimpleGrid>
  );
}
