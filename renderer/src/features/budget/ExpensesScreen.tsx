import { Badge, Button, Group, Loader, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ExpenseInput, PAYMENT_METHODS, type Expense } from '@api/budget';
import { parseDutchDate } from '@api/budget-parse';
import { fieldErrorsOf, notifyError, notifySaved } from '../../shared/errors';
import { formatDate, formatMoney } from '../../ui/format';
import { fixedBodyHeight, rowStyle, VirtualTable } from '../../ui/VirtualTable';
import { RowActions } from '../../ui/RowActions';
import { todayText, toPayload } from './forms';
import { idOrNull, LinkFields } from './LinkFields';
import { ReasonModal } from './ReasonModal';
import { RefundModal } from './RefundModal';
import { useFundsStore } from './store';
import { DateField } from '../../ui/DateField';
import { ExpenseReceiptCell, isMissingReceipt, useRowDrop } from '../receipts/ExpenseReceipts';
import { ReceiptsHost } from '../receipts/ReceiptsHost';
import { activeOf, useReceiptsStore } from '../receipts/store';
import { useReceiptUi } from '../receipts/ui';

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
/** Date, amount (room for € 99.999.999,99), payee, description, method, receipts, state, actions. */
const COLUMNS = '100px 150px minmax(130px, 1.2fr) minmax(110px, 1.5fr) 110px 120px 130px minmax(90px, max-content)';
const ROW_HEIGHT = 44;

/** A reversal falls today, unless today is outside the expense's year or before it. */
function reversalDate(e: Expense): string {
  const today = parseDutchDate(todayText())!;
  return today.slice(0, 4) === e.date.slice(0, 4) && today >= e.date ? today : e.date;
}

function ExpenseForm({ teamId, onSaved }: { teamId: number; onSaved(e: Expense): void }) {
  const { t } = useTranslation();
  const write = useFundsStore((s) => s.write);
  const form = useForm({ mode: 'controlled', initialValues: EMPTY });
  const [lastSaved, setLastSaved] = useState<Expense | null>(null);
  const amountId = useId();
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
      const saved = await write('budget.expenses.create', payload);
      notifySaved(t('budget.expenses.saved'));
      // Confirmed where the eye is: the form clears for the next receipt (same date and method),
      // the line under the button names what was saved, and the new row lights up in the list.
      form.setValues({ ...EMPTY, date: values.date, paymentMethod: values.paymentMethod });
      setLastSaved(saved);
      onSaved(saved);
      document.getElementById(amountId)?.focus();
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
            <DateField label={t('budget.fields.date')} withAsterisk {...form.getInputProps('date')} />
            <TextInput id={amountId} label={t('budget.fields.amount')} placeholder={t('budget.fields.amountPlaceholder')} withAsterisk {...form.getInputProps('amountCents')} />
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
          <Group justify="flex-end" wrap="wrap">
            <Text size="sm" role="status" data-testid="expense-last-saved">
              {lastSaved && t('budget.expenses.lastSaved', { what: `${lastSaved.payee} ${formatMoney(lastSaved.amountCents)}`, date: formatDate(lastSaved.date) })}
            </Text>
            <Button type="submit">{t('budget.expenses.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

export function ExpensesScreen({ teamId }: { teamId: number }) {
  const { t } = useTranslation();
  const { expenses, expensesLoaded, wantExpenses, write, year } = useFundsStore();
  useEffect(() => {
    wantExpenses(true).catch(notifyError);
    return () => void wantExpenses(false);
  }, [wantExpenses]);
  const { byExpense, load: loadReceipts } = useReceiptsStore();
  const [params, setParams] = useSearchParams();
  const receiptFilter = params.get('bon') ?? 'all';
  const setReceiptFilter = (v: string) => setParams(v === 'all' ? {} : { bon: v }, { replace: true });
  const rowDrop = useRowDrop(teamId);
  const openPanel = useReceiptUi((s) => s.openPanel);
  useEffect(() => {
    loadReceipts(teamId, year).catch(notifyError);
  }, [teamId, year, expenses, loadReceipts]);
  const [search, setSearch] = useState('');
  const [state, setState] = useState<string>('all');
  const [method, setMethod] = useState<string>('all');
  const [sort, setSort] = useState<Sort>('dateDesc');
  const [reverse, setReverse] = useState<Expense | null>(null);
  const [voiding, setVoiding] = useState<Expense | null>(null);
  const [fresh, setFresh] = useState<number | null>(null);
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

  // The row just saved scrolls into view in the list (it stays lit until the next save).
  useEffect(() => {
    if (fresh === null) return;
    const index = shown.findIndex((e) => e.id === fresh);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [fresh, shown, virtualizer]);

  const header = [t('budget.fields.date'), t('budget.fields.amount'), t('budget.fields.payee'), t('budget.fields.description'), t('budget.fields.paymentMethod'), t('receipts.column'), t('budget.fields.status'), t('budget.expenses.actions')];
  return (
    <Stack gap="md">
      <ExpenseForm teamId={teamId} onSaved={(e) => setFresh(e.id)} />
      {!expensesLoaded ? (
        <Loader role="status" aria-label={t('app.loading')} />
      ) : expenses.length === 0 ? (
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
          <VirtualTable
            label={t('budget.tabs.expenses')}
            rowCount={shown.length}
            minWidth={960}
            columns={COLUMNS}
            header={header.map((label) => ({ label }))}
            bodyRef={parentRef}
            bodyStyle={fixedBodyHeight(shown.length, ROW_HEIGHT)}
            bodyTestId="expense-scroll"
            totalSize={virtualizer.getTotalSize()}
          >
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
                  data-fresh={e.id === fresh || undefined}
                  style={{ ...rowStyle(v.start, ROW_HEIGHT), display: 'grid', gridTemplateColumns: COLUMNS, alignItems: 'center', borderBottom: '1px solid var(--mantine-color-gray-2)', textDecoration: e.state === 'vervallen' ? 'line-through' : undefined, background: rowDrop.overId === e.id ? 'var(--mantine-color-blue-0)' : e.id === fresh ? 'var(--mantine-color-yellow-1)' : undefined, outline: rowDrop.overId === e.id ? '2px dashed var(--mantine-color-blue-5)' : undefined }}
                >
                  <div role="cell" className="tc-nowrap">
                    {formatDate(e.date)}
                  </div>
                  <div role="cell" className="tc-nowrap" style={{ textAlign: 'right', paddingRight: 12, lineHeight: 1.2 }}>
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
                    <RowActions
                      name={`${e.payee} ${formatMoney(e.amountCents)}`}
                      actions={[
                        ...(e.state === 'actief' && e.refundedCents < e.amountCents ? [{ label: t('budget.expenses.refund'), onClick: () => setRefunding(e), color: 'teal' }] : []),
                        ...(e.state === 'actief' && e.refundedCents === 0
                          ? [
                              { label: t('budget.expenses.reverse'), onClick: () => setReverse(e) },
                              { label: t('budget.expenses.void'), onClick: () => setVoiding(e), color: 'red' },
                            ]
                          : []),
                        { label: t('receipts.attach'), onClick: () => openPanel('expense', e.id, `${e.payee} ${formatMoney(e.amountCents)}`) },
                        { label: t('budget.expenses.history'), to: `/funds/history/expense/${e.id}` },
                      ]}
                    />
                  </div>
                </div>
              );
            })}
          </VirtualTable>
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
