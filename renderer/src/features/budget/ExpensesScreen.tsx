import { Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ExpenseInput, PAYMENT_METHODS, type Expense } from '@api/budget';
import { parseDutchDate } from '@api/budget-parse';
import { fieldErrorsOf, notifyError, notifySaved } from '../../shared/errors';
import { formatDate, formatMoney } from '../../ui/format';
import { todayText, toPayload } from './forms';
import { idOrNull, LinkFields } from './LinkFields';
import { ReasonModal } from './ReasonModal';
import { RefundModal } from './RefundModal';
import { useFundsStore } from './store';
import { ExpenseReceiptCell, isMissingReceipt, useRowDrop } from '../receipts/ExpenseReceipts';
import { ReceiptsHost } from '../receipts/ReceiptsHost';
import { activeOf, useReceiptsStore } from '../receipts/store';

const EMPTY = {
  date: todayText(),
  amountCents: '',
  payee: '',
  description: '',
  paymentMethod: 'debitcard' as string,
  receiptRef: '',
  decisionId: null as string | null,
  teamOpgaveId: null as string | null,
  actionId: null as string | null,
  clusterId: null as string | null,
};

type Sort = 'dateDesc' | 'dateAsc' | 'amountDesc' | 'payee';
const SORTS: Record<Sort, (a: Expense, b: Expense) => number> = {
  dateDesc: (a, b) => b.date.localeCompare(a.date) || b.id - a.id,
  dateAsc: (a, b) => a.date.localeCompare(b.date) || a.id - b.id,
  amountDesc: (a, b) => b.amountCents - a.amountCents || b.id - a.id,
  payee: (a, b) => a.payee.localeCompare(b.payee, 'nl') || a.id - b.id,
};
const COLUMNS = '100px 140px minmax(120px, 1.2fr) minmax(100px, 1.5fr) 100px 110px 110px 450px';
const ROW_HEIGHT = 44;

/** A reversal falls today, unless today is outside the expense's year or before it. */
function reversalDate(e: Expense): string {
  const today = parseDutchDate(todayText())!;
  return today.slice(0, 4) === e.date.slice(0, 4) && today >= e.date ? today : e.date;
}

function ExpenseForm({ teamId }: { teamId: number }) {
  const { t } = useTranslation();
  const write = useFundsStore((s) => s.write);
  const form = useForm({ mode: 'controlled', initialValues: EMPTY });
  const submit = form.onSubmit(async (values) => {
    const base = {
      ...values,
      teamId,
      decisionId: idOrNull(values.decisionId),
      teamOpgaveId: idOrNull(values.teamOpgaveId),
      actionId: idOrNull(values.actionId),
      clusterId: idOrNull(values.clusterId),
    };
    const { payload, errors } = toPayload(ExpenseInput, base, { date: ['date'], amount: ['amountCents'] });
    if (!payload) return form.setErrors(errors);
    try {
      await write('budget.expenses.create', payload);
      notifySaved(t('budget.expenses.saved'));
      form.setValues({ ...EMPTY, date: values.date, paymentMethod: values.paymentMethod });
    } catch (err) {
      form.setErrors(fieldErrorsOf(err) ?? {});
      notifyError(err);
    }
  });
  return (
    <Paper withBorder p="lg">
      <Title order={2} size="h3" mb="sm">
        {t('budget.expenses.new')}
      </Title>
      <form onSubmit={submit} noValidate aria-label={t('budget.expenses.new')}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3, lg: 6 }}>
            <TextInput label={t('budget.fields.date')} placeholder={t('budget.fields.datePlaceholder')} withAsterisk {...form.getInputProps('date')} />
            <TextInput label={t('budget.fields.amount')} placeholder={t('budget.fields.amountPlaceholder')} withAsterisk {...form.getInputProps('amountCents')} />
            <TextInput label={t('budget.fields.payee')} withAsterisk {...form.getInputProps('payee')} />
            <TextInput label={t('budget.fields.description')} {...form.getInputProps('description')} />
            <Select
              label={t('budget.fields.paymentMethod')}
              allowDeselect={false}
              data={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`budget.methods.${m}`) }))}
              {...form.getInputProps('paymentMethod')}
            />
            <TextInput label={t('budget.fields.receiptRef')} {...form.getInputProps('receiptRef')} />
          </SimpleGrid>
          <LinkFields form={form} withDecision />
          <Group justify="flex-end">
            <Button type="submit">{t('budget.expenses.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

export function ExpensesScreen({ teamId }: { teamId: number }) {
  const { t } = useTranslation();
  const { expenses, write, year } = useFundsStore();
  const { byExpense, load: loadReceipts } = useReceiptsStore();
  const [params, setParams] = useSearchParams();
  const receiptFilter = params.get('bon') ?? 'all';
  const setReceiptFilter = (v: string) => setParams(v === 'all' ? {} : { bon: v }, { replace: true });
  const rowDrop = useRowDrop(teamId);
  useEffect(() => {
    loadReceipts(teamId, year).catch(notifyError);
  }, [teamId, year, expenses, loadReceipts]);
  const [search, setSearch] = useState('');
  const [state, setState] = useState<string>('all');
  const [method, setMethod] = useState<string>('all');
  const [sort, setSort] = useState<Sort>('dateDesc');
  const [reverse, setReverse] = useState<Expense | null>(null);
  const [voiding, setVoiding] = useState<Expense | null>(null);
  const [refunding, setRefunding] = useState<Expense | null>(null);

  const shown = useMemo(() => {
    const q = search.trim().toLowerCase();
    return expenses
      .filter((e) => state === 'all' || e.state === state)
      .filter((e) => method === 'all' || e.paymentMethod === method)
      .filter((e) => receiptFilter === 'all' || (receiptFilter === 'ontbreekt' ? isMissingReceipt(e, byExpense[e.id]) : activeOf(byExpense[e.id]).length > 0))
      .filter((e) => !q || `${e.payee} ${e.description} ${e.receiptRef} ${e.decisionTitle ?? ''}`.toLowerCase().includes(q))
      .sort(SORTS[sort]);
  }, [expenses, search, state, method, sort, receiptFilter, byExpense]);
  // What counts as spent: the expense minus its refunds.
  const sum = shown.reduce((s, e) => s + (e.state === 'vervallen' ? 0 : e.amountCents - e.refundedCents), 0);

  const parentRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: shown.length, getScrollElement: () => parentRef.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });

  const header = [t('budget.fields.date'), t('budget.fields.amount'), t('budget.fields.payee'), t('budget.fields.description'), t('budget.fields.paymentMethod'), t('receipts.column'), t('budget.fields.status'), t('budget.expenses.actions')];
  return (
    <Stack gap="md">
      <ExpenseForm teamId={teamId} />
      {expenses.length === 0 ? (
        <Text>{t('budget.empty.expenses')}</Text>
      ) : (
        <Paper withBorder p="md">
          <Group align="flex-end" mb="sm" wrap="wrap">
            <TextInput label={t('budget.expenses.search')} placeholder={t('budget.expenses.searchPlaceholder')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={260} />
            <Select
              label={t('budget.expenses.filterState')}
              allowDeselect={false}
              value={state}
              onChange={(v) => setState(v ?? 'all')}
              data={[{ value: 'all', label: t('budget.expenses.filterAll') }, ...(['actief', 'teruggedraaid', 'tegenboeking', 'vervallen'] as const).map((s) => ({ value: s, label: t(`budget.states.${s}`) }))]}
              w={160}
            />
            <Select
              label={t('budget.expenses.filterMethod')}
              allowDeselect={false}
              value={method}
              onChange={(v) => setMethod(v ?? 'all')}
              data={[{ value: 'all', label: t('budget.expenses.filterAll') }, ...PAYMENT_METHODS.map((m) => ({ value: m, label: t(`budget.methods.${m}`) }))]}
              w={160}
            />
            <Select
              label={t('receipts.filter')}
              allowDeselect={false}
              value={receiptFilter}
              onChange={(v) => setReceiptFilter(v ?? 'all')}
              data={[
                { value: 'all', label: t('receipts.filterAll') },
                { value: 'ontbreekt', label: t('receipts.filterMissing') },
                { value: 'met', label: t('receipts.filterAttached') },
              ]}
              w={160}
            />
            <Select
              label={t('budget.expenses.sort')}
              allowDeselect={false}
              value={sort}
              onChange={(v) => setSort((v as Sort) ?? 'dateDesc')}
              data={[
                { value: 'dateDesc', label: t('budget.expenses.sortDateDesc') },
                { value: 'dateAsc', label: t('budget.expenses.sortDateAsc') },
                { value: 'amountDesc', label: t('budget.expenses.sortAmountDesc') },
                { value: 'payee', label: t('budget.expenses.sortPayee') },
              ]}
              w={220}
            />
          </Group>
          <Text size="sm" mb="xs" data-testid="expense-count">
            {t('budget.expenses.count', { shown: shown.length, total: expenses.length, sum: formatMoney(sum) })}
          </Text>
          {/* Wide enough for every action; on a narrow window the table scrolls sideways instead of clipping buttons. */}
          <div role="table" aria-label={t('budget.tabs.expenses')} aria-rowcount={shown.length + 1} style={{ overflowX: 'auto' }}>
            <div style={{ minWidth: 1140 }}>
            <div role="row" style={{ display: 'grid', gridTemplateColumns: COLUMNS, fontWeight: 600, borderBottom: '1px solid var(--mantine-color-gray-4)', padding: '4px 0' }}>
              {header.map((h) => (
                <div role="columnheader" key={h}>
                  {h}
                </div>
              ))}
            </div>
            <div ref={parentRef} style={{ height: Math.min(480, Math.max(ROW_HEIGHT, shown.length * ROW_HEIGHT)), overflow: 'auto' }} data-testid="expense-scroll">
              <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
                {virtualizer.getVirtualItems().map((v) => {
                  const e = shown[v.index]!;
                  return (
                    <div
                      role="row"
                      aria-rowindex={v.index + 2}
                      key={e.id}
                      data-testid={`expense-${e.id}`}
                      data-state={e.state}
                      {...rowDrop.props(e)}
                      style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${v.start}px)`, display: 'grid', gridTemplateColumns: COLUMNS, alignItems: 'center', borderBottom: '1px solid var(--mantine-color-gray-2)', textDecoration: e.state === 'vervallen' ? 'line-through' : undefined, background: rowDrop.overId === e.id ? 'var(--mantine-color-blue-0)' : undefined, outline: rowDrop.overId === e.id ? '2px dashed var(--mantine-color-blue-5)' : undefined }}
                    >
                      <div role="cell">{formatDate(e.date)}</div>
                      <div role="cell" style={{ textAlign: 'right', paddingRight: 12, lineHeight: 1.2 }}>
                        {formatMoney(e.amountCents)}
                        {e.refundedCents > 0 && (
                          <Text size="xs" c="teal" style={{ whiteSpace: 'nowrap' }} data-testid={`refunded-${e.id}`}>
                            {t('budget.expenses.refunded', { amount: formatMoney(e.refundedCents) })}
                          </Text>
                        )}
                      </div>
                      <div role="cell" style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                        {e.payee}
                      </div>
                      <div role="cell" style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={e.description}>
                        {e.description}
                      </div>
                      <div role="cell">{t(`budget.methods.${e.paymentMethod}`)}</div>
                      <div role="cell">
                        <ExpenseReceiptCell teamId={teamId} expense={e} attachments={byExpense[e.id]} />
                      </div>
                      <div role="cell">
                        <Badge variant="light" color={e.state === 'actief' ? 'blue' : 'gray'}>
                          {t(`budget.states.${e.state}`)}
                        </Badge>
                      </div>
                      <div role="cell">
                        <Group gap={4} wrap="nowrap">
                          {e.state === 'actief' && e.refundedCents < e.amountCents && (
                            <Button size="compact-xs" variant="light" color="teal" onClick={() => setRefunding(e)} aria-label={`${t('budget.expenses.refund')}: ${e.payee} ${formatMoney(e.amountCents)}`}>
                              {t('budget.expenses.refund')}
                            </Button>
                          )}
                          {e.state === 'actief' && e.refundedCents === 0 && (
                            <>
                              <Button size="compact-xs" variant="light" onClick={() => setReverse(e)} aria-label={`${t('budget.expenses.reverse')}: ${e.payee} ${formatMoney(e.amountCents)}`}>
                                {t('budget.expenses.reverse')}
                              </Button>
                              <Button size="compact-xs" variant="subtle" color="red" onClick={() => setVoiding(e)} aria-label={`${t('budget.expenses.void')}: ${e.payee} ${formatMoney(e.amountCents)}`}>
                                {t('budget.expenses.void')}
                              </Button>
                            </>
                          )}
                          <Button size="compact-xs" variant="subtle" component={Link} to={`/funds/history/expense/${e.id}`}>
                            {t('budget.expenses.history')}
                          </Button>
                        </Group>
                      </div>
                    </div>
                  );
                })}
              </div>
            </div>
            </div>
          </div>
        </Paper>
      )}
      <ReceiptsHost teamId={teamId} />
      <RefundModal teamId={teamId} expense={refunding} onClose={() => setRefunding(null)} />
      <ReasonModal
        opened={reverse !== null}
        title={t('budget.expenses.reverseTitle')}
        hint={t('budget.expenses.reverseHint')}
        confirmLabel={t('budget.expenses.reverse')}
        onClose={() => setReverse(null)}
        onConfirm={async (reason) => {
          await write('budget.expenses.reverse', { teamId, expenseId: reverse!.id, date: reversalDate(reverse!), reason });
          notifySaved(t('budget.expenses.reversed'));
        }}
      />
      <ReasonModal
        opened={voiding !== null}
        title={t('budget.expenses.voidTitle')}
        hint={t('budget.expenses.voidHint')}
        confirmLabel={t('budget.expenses.void')}
        onClose={() => setVoiding(null)}
        onConfirm={async (reason) => {
          await write('budget.expenses.void', { teamId, expenseId: voiding!.id, reason });
          notifySaved(t('budget.expenses.voided'));
        }}
      />
    </Stack>
  );
}
