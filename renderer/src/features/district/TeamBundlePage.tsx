import { Alert, Anchor, Badge, Code, Group, Paper, ScrollArea, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { DistrictTeamBundle } from '@api/district';
import { call } from '../../shared/api';
import { describeError } from '../../shared/errors';
import { formatDate, formatDecimal, formatInteger, formatMoney } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { StatusText } from './StatusText';
import { useMonths } from '../../ui/months';

const textOf = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = { ta: 'right' as const, style: { whiteSpace: 'nowrap' as const } };

function Ledger({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h4">
          {title}
        </Title>
        <Text size="sm" c="dimmed">
          {t('district.team.lines', { count })}
        </Text>
      </Group>
      <ScrollArea.Autosize mah={360} type="auto">
        {children}
      </ScrollArea.Autosize>
    </Paper>
  );
}

/** One team's bundle as signed: profile, opgaven, money per year, every ledger line, clusters and the bundles before. */
export function TeamBundlePage() {
  const { t, i18n } = useTranslation();
  const { dateLong: formatDateLong } = useMonths();
  const { bundleId } = useParams();
  const [loaded, setData] = useState<DistrictTeamBundle | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('district.team', { bundleId: Number(bundleId) })
      .then(setData)
      .catch((err) => setError(describeError(err)));
  }, [bundleId]);
  // Another bundle of the history chosen: the one shown until it arrives is not this one.
  const data = loaded && loaded.bundleId === Number(bundleId) ? loaded : null;

  const back = (
    <Anchor component={Link} to="/district">
      {t('district.team.back')}
    </Anchor>
  );
  if (error)
    return (
      <Stack>
        {back}
        <Alert color="red" role="alert">
          {error}
        </Alert>
      </Stack>
    );
  if (!data) return <Text>{t('app.loading')}</Text>;
  const { summary: s, parts } = data;
  const title = (o: { titleNl: string; titleEn: string }) => (i18n.language === 'en' ? o.titleEn : o.titleNl);
  return (
    <Stack>
      {back}
      <PageHeader title={t('district.team.title', { team: s.team.name })} />
      {!data.chain.ok && (
        <Alert color="red" title={t('district.chain.rewritten', { date: formatDateLong(data.chain.rewrittenSince!.slice(0, 10)) })} data-testid="chain-flag">
          {t('district.chain.rewrittenExplain')}
        </Alert>
      )}
      <Paper withBorder p="md" radius="md">
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Table variant="vertical" layout="fixed">
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w={200}>{t('district.team.period')}</Table.Th>
                <Table.Td>
                  {formatDateLong(s.period.from)} – {formatDateLong(s.period.to)}
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('district.team.createdAt')}</Table.Th>
                <Table.Td>{formatDate(s.createdAt.slice(0, 10))}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('district.team.importedAt')}</Table.Th>
                <Table.Td>{formatDate(data.importedAt.slice(0, 10))}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('district.team.key')}</Table.Th>
                <Table.Td>
                  <Code>{data.keyShort}</Code>
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('team.fields.eenheid')}</Table.Th>
                <Table.Td>
                  {t(`eenheid.${s.team.eenheid}`)}
                  {s.team.district ? ` · ${s.team.district}` : ''}
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('district.table.status')}</Table.Th>
                <Table.Td>
                  <StatusText status={s.overall} />
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
          <Table variant="vertical" layout="fixed">
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w={200}>{t('district.table.inhabitants')}</Table.Th>
                <Table.Td>{formatInteger(s.team.inhabitants)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('district.table.fte')}</Table.Th>
                <Table.Td>{formatDecimal(s.team.formationFte)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('district.table.wijkagenten')}</Table.Th>
                <Table.Td>
                  {formatInteger(s.team.wijkagenten)} ({t('team.norm.needed')}: {formatInteger(s.team.norm.needed)})
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('district.team.auditHead')}</Table.Th>
                <Table.Td>
                  <Text size="sm">
                    {t('district.team.auditLength')}: <Code data-testid="recorded-length">{s.audit.length}</Code>
                  </Text>
                  <Text size="sm">
                    {t('district.team.auditHash')}: <Code data-testid="recorded-head">{s.audit.head?.slice(0, 12) ?? '—'}</Code>
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('district.team.auditHeadHint')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </SimpleGrid>
      </Paper>

      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h3" mb="sm">
          {t('district.team.opgaven')}
        </Title>
        {parts.progress.opgaven.length === 0 ? (
          <Text>{t('district.team.noOpgaven')}</Text>
        ) : (
          <ScrollArea type="auto">
            <Table miw={900}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('district.table.opgaven')}</Table.Th>
                  <Table.Th>{t('district.team.ambition')}</Table.Th>
                  <Table.Th>{t('district.team.owner')}</Table.Th>
                  <Table.Th>{t('district.table.status')}</Table.Th>
                  <Table.Th {...num}>{t('district.team.progress')}</Table.Th>
                  <Table.Th {...num}>{t('district.team.openActions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {parts.progress.opgaven.map((o, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>{title(o)}</Table.Td>
                    <Table.Td>
                      <Text size="sm" lineClamp={3}>
                        {o.ambition}
                      </Text>
                    </Table.Td>
                    <Table.Td>{o.owner}</Table.Td>
                    <Table.Td>
                      <StatusText status={o.status} />
                    </Table.Td>
                    <Table.Td {...num}>{o.progress === null ? '—' : `${o.progress}%`}</Table.Td>
                    <Table.Td {...num}>{o.actions.open}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        )}
      </Paper>

      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h3" mb="sm">
          {t('district.team.money')}
        </Title>
        <Table data-testid="team-money">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('district.team.year')}</Table.Th>
              <Table.Th {...num}>{t('district.table.available')}</Table.Th>
              <Table.Th {...num}>{t('district.table.committed')}</Table.Th>
              <Table.Th {...num}>{t('district.table.spent')}</Table.Th>
              <Table.Th {...num}>{t('district.table.left')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {parts.money.years.map((y) => (
              <Table.Tr key={y.year}>
                <Table.Td>{y.year}</Table.Td>
                <Table.Td {...num}>{formatMoney(y.availableCents)}</Table.Td>
                <Table.Td {...num}>{formatMoney(y.committedCents)}</Table.Td>
                <Table.Td {...num}>{formatMoney(y.spentCents)}</Table.Td>
                <Table.Td {...num}>{formatMoney(y.leftCents)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>

      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Ledger title={t('district.team.decisions')} count={parts.ledger.decisions.length}>
          <Table fz="sm">
            <Table.Tbody>
              {parts.ledger.decisions.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(d.date)}</Table.Td>
                  <Table.Td>{d.title}</Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {t(`budget.statuses.${d.status}`, { defaultValue: d.status })}
                    </Text>
                  </Table.Td>
                  <Table.Td {...num}>{formatMoney(d.amountCents)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Ledger>
        <Ledger title={t('district.team.entries')} count={parts.ledger.entries.length}>
          <Table fz="sm">
            <Table.Tbody>
              {parts.ledger.entries.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(e.date)}</Table.Td>
                  <Table.Td>{t(`budget.entries.kinds.${e.kind}`, { defaultValue: e.kind })}</Table.Td>
                  <Table.Td>{e.reason}</Table.Td>
                  <Table.Td {...num}>{formatMoney(e.amountCents)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Ledger>
      </SimpleGrid>
      <Ledger title={t('district.team.expenses')} count={parts.ledger.expenses.length}>
        <Table fz="sm" data-testid="team-expenses">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('district.team.date')}</Table.Th>
              <Table.Th>{t('district.team.what')}</Table.Th>
              <Table.Th>{t('district.team.state')}</Table.Th>
              <Table.Th {...num}>{t('district.team.amount')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {parts.ledger.expenses.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(e.date)}</Table.Td>
                <Table.Td>
                  {e.payee}
                  {e.description ? ` — ${e.description}` : ''}
                </Table.Td>
                <Table.Td>{t(`budget.states.${e.state}`, { defaultValue: e.state })}</Table.Td>
                <Table.Td {...num}>{formatMoney(e.amountCents)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Ledger>
      {parts.ledger.refunds && (
        <Ledger title={t('district.team.refunds')} count={parts.ledger.refunds.length}>
          <Table fz="sm">
            <Table.Tbody>
              {parts.ledger.refunds.map((r, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{textOf(r.date ?? r.refund_date)}</Table.Td>
                  <Table.Td>{textOf(r.payee ?? r.counterparty ?? r.description)}</Table.Td>
                  <Table.Td {...num}>{typeof (r.amountCents ?? r.amount_cents) === 'number' ? formatMoney(Number(r.amountCents ?? r.amount_cents)) : ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Ledger>
      )}

      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h3" mb="sm">
          {t('district.team.clusters')}
        </Title>
        {parts.clusters.clusters.length === 0 ? (
          <Text>{t('district.team.noClusters')}</Text>
        ) : (
          <Table>
            <Table.Tbody>
              {parts.clusters.clusters.map((c, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{c.name}</Table.Td>
                  <Table.Td {...num}>
                    {formatInteger(c.inhabitants)} {t('district.table.inhabitants').toLowerCase()}
                  </Table.Td>
                  <Table.Td {...num}>{t('team.formation.amount', { value: formatDecimal(c.fte) })}</Table.Td>
                  <Table.Td {...num}>
                    {formatInteger(c.wijkagenten)} {t('district.table.wijkagenten').toLowerCase()}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>

      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h3" mb="sm">
          {t('district.team.history')}
        </Title>
        <Table>
          <Table.Tbody>
            {data.history.map((h) => (
              <Table.Tr key={h.bundleId}>
                <Table.Td>
                  {formatDate(h.from)} – {formatDate(h.to)}
                </Table.Td>
                <Table.Td>
                  {t('district.team.createdAt')} {formatDate(h.createdAt.slice(0, 10))}
                </Table.Td>
                <Table.Td>
                  <Code>
                    {h.auditLength} · {h.auditHead?.slice(0, 12) ?? '—'}
                  </Code>
                </Table.Td>
                <Table.Td>
                  {h.shown ? (
                    <Badge size="sm">{t('district.team.shown')}</Badge>
                  ) : (
                    <Anchor component={Link} to={`/district/team/${h.bundleId}`} size="sm">
                      {formatDate(h.createdAt.slice(0, 10))}
                    </Anchor>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  );
}
