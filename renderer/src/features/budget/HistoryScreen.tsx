import { Alert, Button, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { AUDIT_ENTITIES, type AuditEntity, type AuditEntry } from '@api/audit';
import type { Refund } from '@api/budget';
import { call } from '../../shared/api';
import { describeError } from '../../shared/errors';
import { formatDate, formatMoney } from '../../ui/format';

/** A recorded value as text: lists joined, anything structured as its JSON, never `[object Object]`. */
const show = (v: unknown): string => {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.map(show).join(', ');
  return JSON.stringify(v);
};
const when = (iso: string) => {
  const d = new Date(iso);
  return `${String(d.getDate()).padStart(2, '0')}-${String(d.getMonth() + 1).padStart(2, '0')}-${d.getFullYear()} ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
};

/** Every change to one record, from the audit trail: when, what, and each field before and after. */
export function HistoryScreen({ teamId }: { teamId: number }) {
  const { t } = useTranslation();
  const params = useParams();
  const entity = params.entity as AuditEntity;
  const id = Number(params.id);
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [refunds, setRefunds] = useState<Refund[] | null>(null);

  useEffect(() => {
    if (!AUDIT_ENTITIES.includes(entity) || !Number.isSafeInteger(id) || id < 1) return;
    call('audit.history', { teamId, entity, entityId: id })
      .then(setEntries)
      .catch((err) => setError(describeError(err)));
    // An expense's history includes the money that came back on it: each refund is its own record.
    if (entity === 'expense')
      call('budget.refunds.forExpense', { teamId, expenseId: id })
        .then(setRefunds)
        .catch(() => setRefunds(null));
  }, [teamId, entity, id]);

  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        {t('budget.history.title', { what: t(`budget.history.entity.${entity}`, { defaultValue: entity }), id })}
      </Title>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {entity === 'expense' && refunds && (
        <Paper withBorder p="md" data-testid="expense-refunds">
          <Title order={3} size="h4" mb="xs">
            {t('budget.expenses.refunds')}
          </Title>
          {refunds.length === 0 ? (
            <Text size="sm">{t('budget.expenses.noRefunds')}</Text>
          ) : (
            <Table>
              <Table.Tbody>
                {refunds.map((r) => (
                  <Table.Tr key={r.id} data-testid={`refund-${r.id}`}>
                    <Table.Td>{formatDate(r.date)}</Table.Td>
                    <Table.Td ta="right">{formatMoney(r.amountCents)}</Table.Td>
                    <Table.Td>{r.reason || r.description}</Table.Td>
                    <Table.Td>{r.importBatchId !== null ? `${t('budget.history.entity.import_batch')} ${r.importBatchId}, ${t('budget.import.row').toLowerCase()} ${r.importRow}` : ''}</Table.Td>
                    <Table.Td>
                      <Button size="compact-xs" variant="subtle" component={Link} to={`/funds/history/refund/${r.id}`}>
                        {t('budget.expenses.history')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
      )}
      {entries?.map((e) => (
        <Paper key={e.seq} withBorder p="md" data-testid="history-entry">
          <Text fw={600}>
            {when(e.at)} · {e.action}
          </Text>
          {e.before === null && (
            <Text size="sm" c="dimmed">
              {t('budget.history.created')}
            </Text>
          )}
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('budget.history.field')}</Table.Th>
                <Table.Th>{t('budget.history.before')}</Table.Th>
                <Table.Th>{t('budget.history.after')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {e.changes.map((c) => (
                <Table.Tr key={c.field}>
                  <Table.Td>{c.field}</Table.Td>
                  <Table.Td>{show(c.before)}</Table.Td>
                  <Table.Td>{show(c.after)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      ))}
    </Stack>
  );
}
