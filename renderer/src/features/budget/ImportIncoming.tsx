import { Alert, Badge, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportRow, IncomingChoice, RefundCandidate } from '@api/budget';
import { formatDate, formatMoney } from '../../ui/format';
import { rowStyle, VirtualTable } from '../../ui/VirtualTable';

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
  /** Scroll to this line and put the cursor in its first control (`seq` repeats a jump to the same line). */
  jump: { row: number; seq: number } | null;
}

const COLUMNS = '70px 100px 110px minmax(180px, 1fr) minmax(420px, 1.3fr)';
const ESTIMATE = 120;
const cell = { padding: '6px 8px' } as const;

/**
 * Every incoming line with the app's proposal and the chief's choice: refund, other income or skip.
 * Only the lines in view are drawn (a statement can bring thousands); each line re-renders only when
 * its own choice changes.
 */
export function ImportIncoming({ rows, choices, onChange, jump }: Props) {
  const { t } = useTranslation();
  const parentRef = useRef<HTMLDivElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => parentRef.current, estimateSize: () => ESTIMATE, overscan: 4 });

  useEffect(() => {
    if (!jump) return;
    const index = rows.findIndex((r) => r.row === jump.row);
    if (index < 0) return;
    boxRef.current?.scrollIntoView({ block: 'start' });
    virtualizer.scrollToIndex(index, { align: 'center' });
    // The line is drawn on the next frames; then the cursor goes into its reason or choice.
    let tries = 0;
    const focus = () => {
      // The last control of a line is the one that waits: its reason, or the expense it refunds.
      const inputs = parentRef.current?.querySelectorAll<HTMLInputElement>(`[data-testid="incoming-${jump.row}"] input`);
      const el = inputs?.[inputs.length - 1];
      if (el) el.focus();
      else if (tries++ < 20) requestAnimationFrame(focus);
    };
    requestAnimationFrame(focus);
  }, [jump, rows, virtualizer]);

  const header = [t('budget.import.row'), t('budget.fields.date'), t('budget.fields.amount'), t('budget.fields.payee'), t('budget.import.action')];
  return (
    <Paper withBorder p="lg" data-testid="import-incoming" ref={boxRef}>
      <Title order={2} size="h3" mb="xs">
        {t('budget.import.incoming')} ({rows.length})
      </Title>
      <Text size="sm" mb="sm">
        {t('budget.import.incomingIntro')}
      </Text>
      <VirtualTable
        label={t('budget.import.incoming')}
        rowCount={rows.length}
        minWidth={900}
        columns={COLUMNS}
        header={header.map((label, i) => ({ label, right: i === 2, style: cell }))}
        fontSize={14}
        bodyRef={parentRef}
        bodyStyle={{ maxHeight: 560 }}
        bodyTestId="incoming-scroll"
        totalSize={virtualizer.getTotalSize()}
      >
        {virtualizer.getVirtualItems().map((v) => {
          const r = rows[v.index]!;
          return (
            <div key={r.row} ref={virtualizer.measureElement} data-index={v.index} style={rowStyle(v.start)}>
              <IncomingRow r={r} index={v.index} choice={choices.get(r.row) ?? null} onChange={onChange} />
            </div>
          );
        })}
      </VirtualTable>
    </Paper>
  );
}

const ACTIONS = ['terugbetaling', 'inkomsten', 'overslaan'] as const;

/** One incoming line; memoised so typing a reason redraws this line only. */
const IncomingRow = memo(function IncomingRow({ r, index, choice, onChange }: { r: ImportRow; index: number; choice: Choice | null; onChange(row: number, c: Choice): void }) {
  const { t } = useTranslation();
  const c = choice ?? initialChoice(r);
  const candidates = r.proposal?.candidates ?? [];
  const set = (patch: Partial<Choice>) => onChange(r.row, { ...c, ...patch });
  const label = (x: RefundCandidate) =>
    x.expenseId === null
      ? t('budget.import.candidateRow', { row: x.row, date: formatDate(x.date), payee: x.payee, amount: formatMoney(x.amountCents) })
      : t('budget.import.candidate', { date: formatDate(x.date), payee: x.payee, amount: formatMoney(x.amountCents), left: formatMoney(x.remainingCents) });
  const pending = toIncoming(r.row, c) === null;
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      data-testid={`incoming-${r.row}`}
      data-pending={pending || undefined}
      style={{ display: 'grid', gridTemplateColumns: COLUMNS, alignItems: 'start', fontSize: 14, borderBottom: '1px solid var(--mantine-color-gray-2)' }}
    >
      <div role="cell" style={cell}>
        {r.row}
      </div>
      <div role="cell" className="tc-nowrap" style={cell}>
        {formatDate(r.date)}
      </div>
      <div role="cell" className="tc-nowrap" style={{ ...cell, textAlign: 'right' }}>
        {formatMoney(r.amountCents)}
      </div>
      <div role="cell" style={{ ...cell, minWidth: 0 }}>
        <Text size="sm">{r.payee}</Text>
        <Text size="xs" c="dimmed" lineClamp={2} title={r.description}>
          {r.description}
        </Text>
        {r.duplicateOf && (
          <Badge color="orange" variant="light" mt={4}>
            {t(`budget.import.duplicateKind.${r.duplicateOf.kind}`, { id: r.duplicateOf.id })}
          </Badge>
        )}
      </div>
      <div role="cell" style={cell}>
        <Stack gap={6}>
          <Select
            aria-label={`${t('budget.import.action')} ${t('budget.import.row')} ${r.row}`}
            allowDeselect={false}
            value={c.action}
            onChange={(v) => v && set({ action: v, expense: v === 'terugbetaling' ? (c.expense ?? (candidates[0] ? keyOf(candidates[0]) : null)) : c.expense })}
            data={ACTIONS.map((a) => ({ value: a, label: t(`budget.import.actions.${a}`) }))}
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
      </div>
    </div>
  );
});
