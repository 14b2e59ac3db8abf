import { Select, SimpleGrid } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useFundsStore } from './store';
import { useOpgaveLabel } from '../agenda/catalogue-en';

type LinkValues = { teamOpgaveId: string | null; actionId: string | null; clusterId: string | null; decisionId?: string | null };

/** Opgave / action / cluster (and for an expense, the decision) it belongs to; all optional. */
export function LinkFields<V extends LinkValues>({ form, withDecision }: { form: UseFormReturnType<V>; withDecision?: boolean }) {
  const { t } = useTranslation();
  const links = useFundsStore((s) => s.links);
  const opgaveLabel = useOpgaveLabel();
  const year = useFundsStore((s) => s.year);
  const common = { clearable: true, searchable: true, placeholder: t('budget.fields.none') };
  return (
    <SimpleGrid cols={{ base: 1, sm: withDecision ? 4 : 3 }}>
      {withDecision && (
        <Select
          label={t('budget.fields.decision')}
          data={links.decisions.filter((d) => d.status === 'genomen' && d.year === year).map((d) => ({ value: String(d.id), label: d.title }))}
          {...common}
          {...form.getInputProps('decisionId')}
        />
      )}
      <Select label={t('budget.fields.opgave')} data={links.opgaven.map((o) => ({ value: String(o.id), label: opgaveLabel(o.label) }))} {...common} {...form.getInputProps('teamOpgaveId')} />
      <Select label={t('budget.fields.action')} data={links.actions.map((a) => ({ value: String(a.id), label: a.title }))} {...common} {...form.getInputProps('actionId')} />
      <Select label={t('budget.fields.cluster')} data={links.clusters.map((c) => ({ value: String(c.id), label: c.name }))} {...common} {...form.getInputProps('clusterId')} />
    </SimpleGrid>
  );
}

export const idOrNull = (v: string | null | undefined): number | null => (v ? Number(v) : null);
