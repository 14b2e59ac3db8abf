import { Alert, Button, Group, Paper, ScrollArea, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes } from 'react-router';
import type { DistrictOverview, DistrictRow } from '@api/district';
import { notifyError, notifySaved } from '../../shared/errors';
import { formatDate, formatDecimal, formatInteger, formatMoney } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { StatusText } from './StatusText';
import { printCall } from '../print/print-bridge';
import { ImportBundles } from './ImportBundles';
import { OpgavenMatrix } from './OpgavenMatrix';
import { districtQuery, useDistrictStore } from './store';
import { TeamBundlePage } from './TeamBundlePage';
import { useMonths } from '../../ui/months';
import { useReadyMark } from '../../ui/ready';

/** The district chief's screen: bundles read in, one row per team, the opgaven matrix, the sums. */
export default function DistrictPage() {
  return (
    <Routes>
      <Route index element={<DistrictOverviewScreen />} />
      <Route path="team/:bundleId" element={<TeamBundlePage />} />
    </Routes>
  );
}

const periodValue = (p: { from: string; to: string }) => `${p.from}|${p.to}`;

function DistrictOverviewScreen() {
  const { t } = useTranslation();
  const { overview, load } = useDistrictStore();
  const [busy, setBusy] = useState(false);
  const mark = useReadyMark(!!overview);
  useEffect(() => {
    load().catch(notifyError);
  }, [load]);

  const run = async (action: 'print' | 'savePdf') => {
    if (!overview?.period) return;
    setBusy(true);
    try {
      const query = districtQuery(overview.period);
      const fileName = `Districtsoverzicht ${overview.period.from} tot ${overview.period.to}.pdf`;
      const result = await printCall((shell) => (action === 'print' ? shell.print(query) : shell.savePdf(query, fileName)));
      if (result.status === 'cancelled') notifySaved(t('print.cancelled'));
      else notifySaved(action === 'print' ? t('print.printed') : t('print.savedPdf', { file: result.file ?? fileName }));
    } catch (err) {
      notifyError(err);
    } finally {
      setBusy(false);
    }
  };

  const hasRows = !!overview && overview.rows.length > 0;
  return (
    <Stack ref={mark} data-screen="district">
      <PageHeader
        title={t('district.title')}
        actions={
          hasRows && (
            <>
              <Button onClick={() => void run('print')} loading={busy}>
                {t('district.print')}
              </Button>
              <Button variant="light" onClick={() => void run('savePdf')} loading={busy}>
                {t('district.savePdf')}
              </Button>
            </>
          )
        }
      />
      <Text>{t('district.intro')}</Text>
      <ImportBundles />
      {overview && !hasRows && <Text data-testid="district-empty">{t('district.empty')}</Text>}
      {overview && hasRows && (
        <>
          <Group align="end" justify="space-between">
            <Select
              label={t('district.period')}
              w={360}
              allowDeselect={false}
              value={overview.period ? periodValue(overview.period) : null}
              data={overview.periods.map((p) => ({
                value: periodValue(p),
                label: t('district.periodOption', { from: formatDate(p.from), to: formatDate(p.to), count: p.teams }),
              }))}
              onChange={(v) => {
                if (!v) return;
                const [from, to] = v.split('|') as [string, string];
                load({ from, to }).catch(notifyError);
              }}
            />
            <Text size="sm" c="dimmed">
              {t('district.bundles', { count: overview.bundles })}
            </Text>
          </Group>
          <DistrictTable overview={overview} />
          <Paper withBorder p="md" radius="md">
            <Title order={2} size="h3" mb="sm">
              {t('district.matrix.title')}
            </Title>
            <OpgavenMatrix overview={overview} />
          </Paper>
        </>
      )}
    </Stack>
  );
}

function NormCell({ row }: { row: DistrictRow }) {
  const { t } = useTranslation();
  const { norm } = row.summary.team;
  return (
    <Text size="sm" c={norm.status === 'short' ? 'orange.9' : undefined} fw={norm.status === 'short' ? 600 : undefined} data-norm={norm.status}>
      {norm.status === 'short' ? t('district.table.normShort', { count: -norm.difference }) : t('district.table.normOk')}
    </Text>
  );
}

function DistrictTable({ overview }: { overview: DistrictOverview }) {
  const { t } = useTranslation();
  const { dateLong: formatDateLong } = useMonths();
  const { sums } = overview;
  const num = { ta: 'right' as const, style: { whiteSpace: 'nowrap' as const } };
  return (
    <Paper withBorder radius="md">
      <ScrollArea type="auto">
        <Table striped highlightOnHover miw={1280} data-testid="district-table" aria-label={t('district.table.caption')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('district.table.team')}</Table.Th>
              <Table.Th {...num}>{t('district.table.inhabitants')}</Table.Th>
              <Table.Th {...num}>{t('district.table.fte')}</Table.Th>
              <Table.Th {...num}>{t('district.table.wijkagenten')}</Table.Th>
              <Table.Th>{t('district.table.norm')}</Table.Th>
              <Table.Th {...num}>{t('district.table.opgaven')}</Table.Th>
              <Table.Th>{t('district.table.status')}</Table.Th>
              <Table.Th {...num}>{t('district.table.available')}</Table.Th>
              <Table.Th {...num}>{t('district.table.committed')}</Table.Th>
              <Table.Th {...num}>{t('district.table.spent')}</Table.Th>
              <Table.Th {...num}>{t('district.table.left')}</Table.Th>
              <Table.Th>{t('district.table.lastBundle')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {overview.rows.map((r) => {
              const s = r.summary;
              return (
                <Table.Tr key={r.teamKey} data-testid="district-row" data-team={s.team.name}>
                  <Table.Td miw={220}>
                    <Link to={`team/${r.bundleId}`} aria-label={t('district.table.details', { team: s.team.name })}>
                      {s.team.name}
                    </Link>
                    {!r.chain.ok && (
                      <Alert color="red" p={4} mt={4} data-testid="chain-flag" role="status">
                        <Text size="xs" fw={700}>
                          {t('district.chain.rewritten', { date: formatDateLong(r.chain.rewrittenSince!.slice(0, 10)) })}
                        </Text>
                      </Alert>
                    )}
                  </Table.Td>
                  <Table.Td {...num}>{formatInteger(s.team.inhabitants)}</Table.Td>
                  <Table.Td {...num}>{formatDecimal(s.team.formationFte)}</Table.Td>
                  <Table.Td {...num}>{formatInteger(s.team.wijkagenten)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <NormCell row={r} />
                  </Table.Td>
                  <Table.Td {...num}>{s.opgaven.length}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <StatusText status={s.overall} />
                  </Table.Td>
                  <Table.Td {...num}>{formatMoney(s.money.availableCents)}</Table.Td>
                  <Table.Td {...num}>{formatMoney(s.money.committedCents)}</Table.Td>
                  <Table.Td {...num} data-testid="row-spent">
                    {formatMoney(s.money.spentCents)}
                  </Table.Td>
                  <Table.Td {...num}>{formatMoney(s.money.leftCents)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatDate(s.createdAt.slice(0, 10))}
                    {r.replaced > 0 && (
                      <Text size="xs" c="dimmed">
                        {t('district.table.replaced', { count: r.replaced })}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr data-testid="district-sum" fw={700}>
              <Table.Th>{t('district.table.sum')}</Table.Th>
              <Table.Th {...num}>{formatInteger(sums.inhabitants)}</Table.Th>
              <Table.Th {...num}>{formatDecimal(sums.formationFte)}</Table.Th>
              <Table.Th {...num}>{formatInteger(sums.wijkagenten)}</Table.Th>
              <Table.Th style={{ whiteSpace: 'nowrap' }}>
                {sums.wijkagenten < sums.wijkagentenNeeded
                  ? t('district.table.normShort', { count: sums.wijkagentenNeeded - sums.wijkagenten })
                  : t('district.table.normOk')}
              </Table.Th>
              <Table.Th />
              <Table.Th />
              <Table.Th {...num}>{formatMoney(sums.availableCents)}</Table.Th>
              <Table.Th {...num}>{formatMoney(sums.committedCents)}</Table.Th>
              <Table.Th {...num} data-testid="sum-spent">
                {formatMoney(sums.spentCents)}
              </Table.Th>
              <Table.Th {...num}>{formatMoney(sums.leftCents)}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </ScrollArea>
    </Paper>
  );
}
