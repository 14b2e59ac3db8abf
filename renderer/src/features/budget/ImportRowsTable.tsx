import { Checkbox, Group, Pagination, Paper, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportRow } from '@api/budget';
import { formatDate, formatMoney } from '../../ui/format';

const PAGE = 100;

/** The outgoing lines, a page at a time: a 10,000-line statement renders as fast as a short one. */
export function ImportRowsTable({ rows, skip, onToggle }: { rows: ImportRow[]; skip: Set<number>; onToggle(row: number, include: boolean): void }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const pages = Math.max(1, Math.ceil(rows.length / PAGE));
  const current = Math.min(page, pages);
  const shown = rows.slice((current - 1) * PAGE, current * PAGE);
  const dup = (r: ImportRow) =>
    r.duplicateOf ? t(`budget.import.duplicateKind.${r.duplicateOf.kind}`, { id: r.duplicateOf.id }) : r.duplicateInFile ? t('budget.import.duplicateInFile') : '';
  return (
    <Paper withBorder p="lg">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3">
          {t('budget.import.preview')}
        </Title>
        {rows.length > PAGE && (
          <Text size="sm">{t('budget.import.page', { from: (current - 1) * PAGE + 1, to: Math.min(current * PAGE, rows.length), total: rows.length })}</Text>
        )}
      </Group>
      <Table data-testid="import-preview">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('budget.import.include')}</Table.Th>
            <Table.Th>{t('budget.import.row')}</Table.Th>
            <Table.Th>{t('budget.fields.date')}</Table.Th>
            <Table.Th ta="right">{t('budget.fields.amount')}</Table.Th>
            <Table.Th>{t('budget.fields.payee')}</Table.Th>
            <Table.Th>{t('budget.fields.description')}</Table.Th>
            <Table.Th>{t('budget.import.duplicate')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((r) => (
            <Table.Tr key={r.row} data-testid={`import-row-${r.row}`}>
              <Table.Td>
                <Checkbox
                  aria-label={`${t('budget.import.include')} ${t('budget.import.row')} ${r.row}`}
                  checked={!skip.has(r.row)}
                  onChange={(e) => onToggle(r.row, e.currentTarget.checked)}
                />
              </Table.Td>
              <Table.Td>{r.row}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(r.date)}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{formatMoney(r.amountCents)}</Table.Td>
              <Table.Td>{r.payee}</Table.Td>
              <Table.Td maw={420}>
                <Text size="sm" lineClamp={2} title={r.description}>
                  {r.description}
                </Text>
              </Table.Td>
              <Table.Td>{dup(r)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {pages > 1 && <Pagination mt="sm" total={pages} value={current} onChange={setPage} />}
    </Paper>
  );
}
