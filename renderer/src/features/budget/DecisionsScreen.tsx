import { Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DecisionInput, type Decision } from '@api/budget';
import { ApiCallError } from '../../shared/api';
import { fieldErrorsOf, notifyError, notifySaved } from '../../shared/errors';
import { formatDate, formatMoney } from '../../ui/format';
import { RowActions } from '../../ui/RowActions';
import { ScrollTable } from '../../ui/ScrollTable';
import { todayText, toPayload } from './forms';
import { idOrNull, LinkFields } from './LinkFields';
import { ReasonModal } from './ReasonModal';
import { useFundsStore } from './store';
import { ReceiptsHost } from '../receipts/ReceiptsHost';
import { activeOf, useReceiptsStore } from '../receipts/store';
import { useReceiptUi } from '../receipts/ui';
import { DateField } from '../../ui/DateField';
import { useOpgaveLabel } from '../agenda/catalogue-en';

const EMPTY = {
  date: todayText(),
  title: '',
  amountCents: '',
  rationale: '',
  decidedBy: '',
  status: 'genomen' as string,
  teamOpgaveId: null as string | null,
  actionId: null as string | null,
  clusterId: null as string | null,
};

/** The over-budget refusal carries its question on the `overBudgetReason` field. */
const overBudgetMessage = (err: unknown): string | null =>
  err instanceof ApiCallError && err.error.code === 'CONFLICT' && err.error.issues?.[0]?.path === 'overBudgetReason' ? err.error.message : null;

export function DecisionsScreen({ teamId }: { teamId: number }) {
  const { t } = useTranslation();
  const opgaveLabel = useOpgaveLabel();
  const { decisions, write, year } = useFundsStore();
  const { byDecision, load: loadReceipts } = useReceiptsStore();
  const openPanel = useReceiptUi((s) => s.openPanel);
  useEffect(() => {
    loadReceipts(teamId, year).catch(notifyError);
  }, [teamId, year, decisions, loadReceipts]);
  const form = useForm({ mode: 'controlled', initialValues: EMPTY });
  const [over, setOver] = useState<{ message: string; run(reason: string): Promise<unknown> } | null>(null);
  const [withdraw, setWithdraw] = useState<Decision | null>(null);

  /** Runs a write; when it goes beyond the budget, asks for confirmation with a reason and runs it again. */
  const withConfirmation = async (run: (reason?: string) => Promise<unknown>, onDone: () => void) => {
    try {
      await run();
      onDone();
    } catch (err) {
      const message = overBudgetMessage(err);
      if (message) setOver({ message, run: async (reason) => (await run(reason), onDone()) });
      else throw err;
    }
  };

  const submit = form.onSubmit(async (values) => {
    const base = {
      ...values,
      teamId,
      teamOpgaveId: idOrNull(values.teamOpgaveId),
      actionId: idOrNull(values.actionId),
      clusterId: idOrNull(values.clusterId),
    };
    const { payload, errors } = toPayload(DecisionInput, base, { date: ['date'], amount: ['amountCents'] });
    if (!payload) return form.setErrors(errors);
    try {
      await withConfirmation(
        (overBudgetReason) => write('budget.decisions.create', { ...payload, ...(overBudgetReason !== undefined ? { overBudgetReason } : {}) }),
        () => {
          notifySaved(t('budget.decisions.saved'));
          form.setValues({ ...EMPTY, date: values.date });
        },
      );
    } catch (err) {
      form.setErrors(fieldErrorsOf(err) ?? {});
      notifyError(err);
    }
  });

  const take = (d: Decision) =>
    withConfirmation(
      (overBudgetReason) => write('budget.decisions.take', { teamId, decisionId: d.id, ...(overBudgetReason !== undefined ? { overBudgetReason } : {}) }),
      () => notifySaved(t('budget.decisions.taken')),
    ).catch(notifyError);

  return (
    <Stack gap="md">
      <Paper withBorder p="lg">
        <Title order={2} size="h3" mb="sm">
          {t('budget.decisions.new')}
        </Title>
        <form onSubmit={submit} noValidate aria-label={t('budget.decisions.new')}>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 4 }}>
              <TextInput label={t('budget.fields.title')} withAsterisk {...form.getInputProps('title')} />
              <TextInput label={t('budget.fields.amount')} placeholder={t('budget.fields.amountPlaceholder')} withAsterisk {...form.getInputProps('amountCents')} />
              <DateField label={t('budget.fields.date')} withAsterisk {...form.getInputProps('date')} />
              <Select
                label={t('budget.fields.status')}
                allowDeselect={false}
                data={(['genomen', 'voorgesteld'] as const).map((s) => ({ value: s, label: t(`budget.statuses.${s}`) }))}
                {...form.getInputProps('status')}
              />
            </SimpleGrid>
            <LinkFields form={form} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Textarea label={t('budget.fields.rationale')} autosize minRows={2} {...form.getInputProps('rationale')} />
              <TextInput label={t('budget.fields.decidedBy')} {...form.getInputProps('decidedBy')} />
            </SimpleGrid>
            <Group justify="flex-end">
              <Button type="submit">{t('budget.decisions.save')}</Button>
            </Group>
          </Stack>
        </form>
      </Paper>

      {decisions.length === 0 ? (
        <Text>{t('budget.empty.decisions')}</Text>
      ) : (
        <ScrollTable label={t('budget.tabs.decisions')} minWidth={1120}>
        <Table striped data-testid="decisions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('budget.fields.date')}</Table.Th>
              <Table.Th miw={220}>{t('budget.fields.title')}</Table.Th>
              <Table.Th ta="right">{t('budget.fields.amount')}</Table.Th>
              <Table.Th ta="right">{t('budget.decisions.spent')}</Table.Th>
              <Table.Th ta="right">{t('budget.decisions.committed')}</Table.Th>
              <Table.Th miw={160}>{t('budget.fields.opgave')}</Table.Th>
              <Table.Th>{t('budget.fields.status')}</Table.Th>
              <Table.Th>{t('budget.expenses.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {decisions.map((d) => (
              <Table.Tr key={d.id} data-testid={`decision-${d.id}`}>
                <Table.Td className="tc-nowrap">{formatDate(d.date)}</Table.Td>
                <Table.Td>
                  {d.title}
                  {d.overBudgetReason && (
                    <Text size="xs" c="dimmed">
                      {t('budget.decisions.overTitle')}: {d.overBudgetReason}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right" className="tc-nowrap">{formatMoney(d.amountCents)}</Table.Td>
                <Table.Td ta="right" className="tc-nowrap">{formatMoney(d.spentCents)}</Table.Td>
                <Table.Td ta="right" className="tc-nowrap">{formatMoney(d.committedCents)}</Table.Td>
                <Table.Td>{[d.opgaveLabel && opgaveLabel(d.opgaveLabel), d.actionTitle, d.clusterName].filter(Boolean).join(' · ')}</Table.Td>
                <Table.Td className="tc-nowrap">
                  <Badge variant="light" color={d.status === 'genomen' ? 'blue' : d.status === 'ingetrokken' ? 'gray' : 'yellow'}>
                    {t(`budget.statuses.${d.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <RowActions
                    name={d.title}
                    actions={[
                      ...(d.status === 'voorgesteld' ? [{ label: t('budget.decisions.take'), onClick: () => void take(d) }] : []),
                      ...(d.status !== 'ingetrokken' ? [{ label: t('budget.decisions.withdraw'), onClick: () => setWithdraw(d), color: 'red' }] : []),
                      { label: `${t('receipts.attachDecision')} (${activeOf(byDecision[d.id]).length})`, onClick: () => openPanel('decision', d.id, d.title) },
                      { label: t('budget.expenses.history'), to: `/funds/history/budget_decision/${d.id}` },
                    ]}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        </ScrollTable>
      )}

      <ReceiptsHost teamId={teamId} />
      <ReasonModal
        opened={over !== null}
        title={t('budget.decisions.overTitle')}
        hint={over?.message}
        label={t('budget.decisions.overReason')}
        confirmLabel={t('budget.decisions.overConfirm')}
        onClose={() => setOver(null)}
        onConfirm={(reason) => over!.run(reason)}
      />
      <ReasonModal
        opened={withdraw !== null}
        title={t('budget.decisions.withdrawTitle')}
        hint={withdraw?.title}
        confirmLabel={t('budget.decisions.withdraw')}
        onClose={() => setWithdraw(null)}
        onConfirm={async (reason) => {
          await write('budget.decisions.withdraw', { teamId, decisionId: withdraw!.id, reason });
          notifySaved(t('budget.decisions.withdrawn'));
        }}
      />
    </Stack>
  );
}
