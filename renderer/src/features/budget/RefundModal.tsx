import { Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RefundInput, type Expense } from '@api/budget';
import { fieldErrorsOf, notifyError, notifySaved } from '../../shared/errors';
import { formatDate, formatMoney } from '../../ui/format';
import { toPayload, todayText } from './forms';
import { useFundsStore } from './store';

/** Records money that came back on one expense: date, amount (at most what is left) and why. */
export function RefundModal({ teamId, expense, onClose }: { teamId: number; expense: Expense | null; onClose(): void }) {
  const { t } = useTranslation();
  const write = useFundsStore((s) => s.write);
  const [values, setValues] = useState({ date: '', amountCents: '', reason: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const left = expense ? expense.amountCents - expense.refundedCents : 0;
  const close = () => {
    setValues({ date: '', amountCents: '', reason: '' });
    setErrors({});
    onClose();
  };
  const save = async () => {
    if (!expense) return;
    const { payload, errors: found } = toPayload(RefundInput, { teamId, expenseId: expense.id, ...values, date: values.date || todayText() }, { date: ['date'], amount: ['amountCents'] });
    if (!payload) return setErrors(found);
    setBusy(true);
    try {
      await write('budget.refunds.create', payload);
      notifySaved(t('budget.expenses.refundSaved'));
      close();
    } catch (err) {
      setErrors(fieldErrorsOf(err) ?? {});
      notifyError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={expense !== null} onClose={close} title={t('budget.expenses.refundTitle')}>
      {expense && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
          noValidate
        >
          <Stack>
            <Text size="sm">
              {formatDate(expense.date)} · {expense.payee} · {formatMoney(expense.amountCents)}
            </Text>
            <Text size="sm">{t('budget.expenses.refundHint', { left: formatMoney(left) })}</Text>
            <TextInput label={t('budget.fields.date')} placeholder={todayText()} value={values.date} onChange={(e) => setValues({ ...values, date: e.currentTarget.value })} error={errors.date} />
            <TextInput
              label={t('budget.fields.amount')}
              placeholder={t('budget.fields.amountPlaceholder')}
              withAsterisk
              value={values.amountCents}
              onChange={(e) => setValues({ ...values, amountCents: e.currentTarget.value })}
              error={errors.amountCents}
              data-autofocus
            />
            <Textarea label={t('budget.fields.reason')} value={values.reason} onChange={(e) => setValues({ ...values, reason: e.currentTarget.value })} error={errors.reason} autosize minRows={2} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={busy}>
                {t('budget.expenses.refund')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
