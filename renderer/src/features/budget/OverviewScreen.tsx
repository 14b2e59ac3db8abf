import { Alert, Badge, Button, Card, Group, List, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BudgetEntryInput, ENTRY_KINDS, type BudgetOverview, type WarningLevel } from '@api/budget';
import { call } from '../../shared/api';
import { fieldErrorsOf, notifyError, notifySaved } from '../../shared/errors';
import { formatDate, formatMoney } from '../../ui/format';
import { preloadable } from '../../ui/preloadable';
import { ScrollTable } from '../../ui/ScrollTable';
import { WhenVisible } from '../../ui/WhenVisible';
import { downloadBase64, todayText, toPayload } from './forms';
import { useFundsStore } from './store';
import { DateField } from '../../ui/DateField';
import { AnchorCheck } from '../district/AnchorCheck';
import { FullVerify } from './FullVerify';
import { MissingReceiptsLine } from '../receipts/MissingReceipts';
import { useReceiptsStore } from '../receipts/store';
import { YearZipButton } from '../receipts/YearExport';
import { useOpgaveLabel } from '../agenda/catalogue-en';

export const FundsCharts = preloadable(() => import('./FundsCharts').then((m) => m.default));

/** Room kept for the tables per opgave and cluster and the export, until they are drawn. */
const BELOW_HEIGHT = 700;
/** Room kept for the form that adds to the budget, and for the two charts with their tables. */
const FORM_HEIGHT = 64;
const CHARTS_HEIGHT = 560;

const LEVEL_COLOR: Record<WarningLevel, string> = { ok: 'green', warning: 'orange', over: 'red' };

function Totals({ o }: { o: BudgetOverview }) {
  const { t } = useTranslation();
  const items: [string, string, number][] = [
    ['available', t('budget.totals.available'), o.totals.availableCents],
    ['committed', t('budget.totals.committed'), o.totals.committedCents],
    ['spent', t('budget.totals.spent'), o.totals.spentCents],
    ['left', t('budget.totals.left'), o.totals.leftCents],
  ];
  return (
    <Stack gap="xs">
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        {items.map(([key, label, cents]) => (
          <Card key={key} withBorder padding="md">
            <Text size="sm" c="dimmed">
              {label}
            </Text>
            <Text size="lg" fw={700} data-testid={`total-${key}`} className="tc-nowrap">
              {formatMoney(cents)}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      <Group gap="xs">
        <Badge color={LEVEL_COLOR[o.totals.level]} variant="light" data-testid="total-level" data-level={o.totals.level}>
          {t(`budget.level.${o.totals.level}`)}
        </Badge>
        {o.totals.usedPercent !== null && <Text size="sm">{t('budget.totals.used', { percent: `${o.totals.usedPercent}%` })}</Text>}
        {o.totals.proposedCents > 0 && (
          <Text size="sm" c="dimmed">
            {t('budget.totals.proposed')}: {formatMoney(o.totals.proposedCents)}
          </Text>
        )}
      </Group>
    </Stack>
  );
}

function EntriesCard({ teamId }: { teamId: number }) {
  const { t } = useTranslation();
  const { entries, year, write } = useFundsStore();
  const form = useForm({ mode: 'controlled', initialValues: { date: todayText(), kind: entries.length ? 'aanvulling' : 'toekenning', amountCents: '', reason: '' } });
  const submit = form.onSubmit(async (values) => {
    const { payload, errors } = toPayload(BudgetEntryInput, { ...values, teamId, year }, { date: ['date'], amount: ['amountCents'] });
    if (!payload) return form.setErrors(errors);
    try {
      await write('budget.entries.add', payload);
      notifySaved(t('budget.entries.saved'));
      form.setValues({ amountCents: '', reason: '', kind: 'aanvulling' });
    } catch (err) {
      form.setErrors(fieldErrorsOf(err) ?? {});
      notifyError(err);
    }
  });
  return (
    <Paper withBorder p="lg">
      <Title order={2} size="h3" mb="sm">
        {t('budget.entries.title')} {year}
      </Title>
      {entries.length === 0 ? (
        <Text c="dimmed" mb="sm">
          {t('budget.entries.none')}
        </Text>
      ) : (
        <ScrollTable label={t('budget.entries.title')} minWidth={560}>
        <Table mb="md" data-testid="entries">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('budget.fields.date')}</Table.Th>
              <Table.Th>{t('budget.entries.kind')}</Table.Th>
              <Table.Th ta="right">{t('budget.fields.amount')}</Table.Th>
              <Table.Th>{t('budget.fields.reason')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td className="tc-nowrap">{formatDate(e.date)}</Table.Td>
                <Table.Td>{t(`budget.entries.kinds.${e.kind}`)}</Table.Td>
                <Table.Td ta="right" className="tc-nowrap">{formatMoney(e.amountCents)}</Table.Td>
                <Table.Td>{e.reason}</Table.Td>
                <Table.Td>
                  <Link to={`/funds/history/budget_entry/${e.id}`}>{t('budget.expenses.history')}</Link>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        </ScrollTable>
      )}
      {/* Under the table, below the fold on a laptop once the year has entries: drawn when in view or at idle. */}
      <WhenVisible height={FORM_HEIGHT} fixed={false} margin="0px" idle>
      <form onSubmit={submit} noValidate aria-label={t('budget.entries.add')}>
        <Group align="flex-start" wrap="wrap">
          <NativeSelect label={t('budget.entries.kind')} data={ENTRY_KINDS.map((k) => ({ value: k, label: t(`budget.entries.kinds.${k}`) }))} w={160} {...form.getInputProps('kind')} />
          <DateField label={t('budget.fields.date')} w={140} {...form.getInputProps('date')} />
          <TextInput label={t('budget.fields.amount')} placeholder={t('budget.fields.amountPlaceholder')} w={160} withAsterisk {...form.getInputProps('amountCents')} />
          <TextInput label={t('budget.fields.reason')} style={{ flex: 1, minWidth: 200 }} {...form.getInputProps('reason')} />
          <Button type="submit" mt={24}>
            {t('budget.entries.add')}
          </Button>
        </Group>
      </form>
      </WhenVisible>
    </Paper>
  );
}

function GroupTable({ title, rows }: { title: string; rows: { key: string; label: string; decidedCents: number; committedCents: number; spentCents: number; level: WarningLevel }[] }) {
  const { t } = useTranslation();
  if (rows.length === 0) return null;
  return (
    <Paper withBorder p="lg">
      <Title order={2} size="h3" mb="sm">
        {title}
      </Title>
      <ScrollTable label={title} minWidth={620}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th />
            <Table.Th ta="right">{t('budget.totals.decided')}</Table.Th>
            <Table.Th ta="right">{t('budget.totals.committed')}</Table.Th>
            <Table.Th ta="right">{t('budget.totals.spent')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key}>
              <Table.Td>
                {r.label} {r.level !== 'ok' && <Badge color={LEVEL_COLOR[r.level]} variant="light">{t(`budget.level.${r.level}`)}</Badge>}
              </Table.Td>
              <Table.Td ta="right" className="tc-nowrap">{formatMoney(r.decidedCents)}</Table.Td>
              <Table.Td ta="right" className="tc-nowrap">{formatMoney(r.committedCents)}</Table.Td>
              <Table.Td ta="right" className="tc-nowrap">{formatMoney(r.spentCents)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      </ScrollTable>
    </Paper>
  );
}

function ExportAndVerify({ teamId }: { teamId: number }) {
  const { t } = useTranslation();
  const year = useFundsStore((s) => s.year);
  const doExport = async (what: 'expenses' | 'decisions' | 'overview', format: 'csv' | 'xlsx') => {
    try {
      const f = await call('budget.export', { teamId, year, what, format });
      downloadBase64(f.fileName, f.mimeType, f.contentBase64);
      notifySaved(t('budget.overview.exported', { file: f.fileName }));
    } catch (err) {
      notifyError(err);
    }
  };
  return (
    <Paper withBorder p="lg">
      <Title order={2} size="h3" mb="sm">
        {t('budget.overview.export')}
      </Title>
      <Group gap="xs" mb="md">
        {(['expenses', 'decisions', 'overview'] as const).map((what) =>
          (['csv', 'xlsx'] as const).map((format) => (
            <Button key={`${what}-${format}`} variant="light" size="xs" onClick={() => void doExport(what, format)}>
              {t(`budget.overview.exportWhat.${what}`)} ({format.toUpperCase()})
            </Button>
          )),
        )}
        <YearZipButton teamId={teamId} year={year} />
      </Group>
      <FullVerify teamId={teamId} />
      <AnchorCheck teamId={teamId} />
    </Paper>
  );
}

/** The year's missing receipts, read after each overview; its own part, so the answer redraws only this line. */
function MissingReceipts({ teamId, overview }: { teamId: number; overview: BudgetOverview }) {
  const missing = useReceiptsStore((s) => s.missing);
  const loadReceipts = useReceiptsStore((s) => s.load);
  useEffect(() => {
    loadReceipts(teamId, overview.year).catch(notifyError);
  }, [teamId, overview, loadReceipts]);
  // Until it is read, a line of its height that says it is still reading: nothing moves when it comes.
  return missing && missing.year === overview.year ? (
    <MissingReceiptsLine missing={missing} testId="funds-missing-receipts" />
  ) : (
    <Text size="sm" aria-busy="true">
      {'\u00a0'}
    </Text>
  );
}

export function OverviewScreen({ teamId }: { teamId: number }) {
  const { t } = useTranslation();
  const opgaveLabel = useOpgaveLabel();
  const o = useFundsStore((s) => s.overview);
  const entries = useFundsStore((s) => s.entries);
  if (!o) return null;
  const unlinked = t('budget.overview.unlinked');
  return (
    <Stack gap="md">
      {entries.length === 0 && <Text>{t('budget.empty.overview')}</Text>}
      <Totals o={o} />
      <MissingReceipts teamId={teamId} overview={o} />
      {o.warnings.length > 0 && (
        <Alert color="orange" title={t('budget.warnings.title')} data-testid="warnings">
          <List size="sm">
            {o.warnings.map((w, i) => (
              <List.Item key={i}>{t(`budget.warnings.${w.scope}`, { label: w.label ? (w.scope === 'opgave' ? opgaveLabel(w.label) : w.label) : unlinked, percent: w.percent })}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <EntriesCard teamId={teamId} />
      {/* The charts' titles, tables and legends too: below the entries, so out of view on a laptop. */}
      <WhenVisible height={CHARTS_HEIGHT} fixed={false} margin="0px" idle>
      <Suspense fallback={<Text data-pending="true">{t('app.loading')}</Text>}>
        <FundsCharts overview={o} />
      </Suspense>
      </WhenVisible>
      {/* Below the fold on a laptop: drawn when in view, or at idle. */}
      <WhenVisible height={BELOW_HEIGHT} fixed={false} margin="0px" idle>
      <Stack gap="md">
      {/* Side by side only where three amounts fit beside a long name (1408 px and up); on a laptop
          of 1366 px each table would hide its last column behind a scroll bar. */}
      <SimpleGrid cols={{ base: 1, xl: 2 }}>
        <GroupTable title={t('budget.overview.byOpgave')} rows={o.byOpgave.map((g) => ({ ...g, key: String(g.teamOpgaveId), label: g.label ? opgaveLabel(g.label) : unlinked }))} />
        <GroupTable title={t('budget.overview.byCluster')} rows={o.byCluster.map((g) => ({ ...g, key: String(g.clusterId), label: g.label ?? unlinked }))} />
      </SimpleGrid>
      <ExportAndVerify teamId={teamId} />
      </Stack>
      </WhenVisible>
    </Stack>
  );
}
