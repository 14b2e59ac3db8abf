import { Alert, Badge, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportRow, IncomingChoice, RefundCandidate } from '@api/budget';
import { formatDate, formatMoney } from '../../ui/format';

/** What the chief chose for one incoming line; `expense` is `id:12` (in the store) or `row:3` (a line of this file). */
export interface Choice {
  action: 'terugbetaling' | 'inkomsten' | 'overslaan';
  expense: string | null;
  reason: string;
}

const keyOf = (c: { expenseId: number | null; row?: number | null; expenseRow?: number | null }) =>
  c.expenseId !== null ? `id:${c.expenseId}` : (c.row ?? c.expenseRow) != null ? `row:${c.row ?? c.expenseRow}` : null;

export const initialChoice = (r: ImportRow): Choice => {
  const p = r.proposal!;
  return { action: p.action, expense: p.action === 'terugbetaling' ? keyOf(p) : null, reason: p.reason };
};

/** A choice as the contract takes it, or null while it is incomplete. */
export function toIncoming(row: number, c: Choice): IncomingChoice | null {
  if (c.action === 'terugbetaling') {
    if (!c.expense) return null;
    const [kind, n] = c.expense.split(':');
    return kind === 'id' ? { row, action: 'terugbetaling', expenseId: Number(n) } : { row, action: 'terugbetaling', expenseRow: Number(n) };
  }
  if (!c.reason.trim()) return null;
  return { row, action: c.action, reason: c.reason.trim() };
}

interface Props {
  rows: ImportRow[];
  choices: Map<number, Choice>;
  onChange(row: number, c: Choice): void;
}

/** Every incoming line with the app's proposal and the chief's choice: refund, other income or skip. */
export function ImportIncoming({ rows, choices, onChange }: Props) {
  const { t } = useTranslation();
  const label = (c: RefundCandidate) =>
    c.expenseId === null
      ? t('budget.import.candidateRow', { row: c.row, date: formatDate(c.date), payee: c.payee, amount: formatMoney(c.amountCents) })
      : t('budget.import.candidate', { date: formatDate(c.date), payee: c.payee, amount: formatMoney(c.amountCents), left: formatMoney(c.remainingCents) });
  return (
    <Paper withBorder p="lg" data-testid="import-incoming">
      <Title order={2} size="h3" mb="xs">
        {t('budget.import.incoming')} ({rows.length})
      </Title>
      <Text size="sm" mb="sm">
        {t('budget.import.incomingIntro')}
      </Text>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('budget.import.row')}</Table.Th>
            <Table.Th>{t('budget.fields.date')}</Table.Th>
            <Table.Th ta="right">{t('budget.fields.amount')}</Table.Th>
            <Table.Th>{t('budget.fields.payee')}</Table.Th>
            <Table.Th miw={420}>{t('budget.import.action')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => {
            const c = choices.get(r.row) ?? initialChoice(r);
            const candidates = r.proposal?.candidates ?? [];
            const set = (patch: Partial<Choice>) => onChange(r.row, { ...c, ...patch });
            return (
              <Table.Tr key={r.row} data-testid={`incoming-${r.row}`}>
                <Table.Td>{r.row}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(r.date)}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{formatMoney(r.amountCents)}</Table.Td>
                <Table.Td>
                  <Text size="sm">{r.payee}</Text>
                  <Text size="xs" c="dimmed" lineClamp={2} title={r.description}>
                    {r.description}
                  </Text>
                  {r.duplicateOf && (
                    <Badge color="orange" variant="light" mt={4}>
                      {t(`budget.import.duplicateKind.${r.duplicateOf.kind}`, { id: r.duplicateOf.id })}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Stack gap={6}>
                    <Select
                      aria-label={`${t('budget.import.action')} ${t('budget.import.row')} ${r.row}`}
                      allowDeselect={false}
                      value={c.action}
                      onChange={(v) => v && set({ action: v, expense: v === 'terugbetaling' ? (c.expense ?? (candidates[0] ? keyOf(candidates[0]) : null)) : c.expense })}
                      data={(['terugbetaling', 'inkomsten', 'overslaan'] as const).map((a) => ({ value: a, label: t(`budget.import.actions.${a}`) }))}
                    />
                    {c.action === 'terugbetaling' &&
                      (candidates.length ? (
                        <Select
                          aria-label={`${t('budget.import.refundOf')} ${t('budget.import.row')} ${r.row}`}
                          value={c.expense}
                          onChange={(v) => set({ expense: v })}
                          data={candidates.map((x) => ({ value: keyOf(x)!, label: label(x) }))}
                          error={c.expense ? null : t('budget.import.expenseNeeded')}
                        />
                      ) : (
                        <Alert color="orange" p="xs">
                          {t('budget.import.noCandidates')}
                        </Alert>
                      ))}
                    {c.action !== 'terugbetaling' && (
                      <TextInput
                        aria-label={`${t('budget.fields.reason')} ${t('budget.import.row')} ${r.row}`}
                        placeholder={t('budget.fields.reason')}
                        value={c.reason}
                        onChange={(e) => set({ reason: e.currentTarget.value })}
                        error={c.reason.trim() ? null : t('budget.import.reasonNeeded')}
                      />
                    )}
                  </Stack>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
