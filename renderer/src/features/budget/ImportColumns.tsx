import { Button, Group, MultiSelect, Select, SimpleGrid, Stack, TagsInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DATE_FORMATS } from '@api/budget-parse';
import type { ImportMapping } from '@api/budget';

/** The column mapping: every choice the recognition made can be changed here. */
export function ImportColumns({ headers, mapping, onChange, onApply, busy }: { headers: string[]; mapping: ImportMapping; onChange(m: ImportMapping): void; onApply(): void; busy: boolean }) {
  const { t } = useTranslation();
  const columns = headers.map((h, i) => ({ value: String(i), label: `${i + 1}. ${h || '—'}` }));
  const col = (key: 'dateColumn' | 'amountColumn' | 'payeeColumn' | 'descriptionColumn' | 'directionColumn', label: string, optional = false) => (
    <Select
      label={label}
      data={columns}
      clearable={optional}
      allowDeselect={optional}
      value={mapping[key] === null ? null : String(mapping[key])}
      placeholder={key === 'payeeColumn' ? t('budget.import.payeeFromDescription') : undefined}
      onChange={(v) => onChange({ ...mapping, [key]: v === null ? null : Number(v) })}
    />
  );
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {col('dateColumn', t('budget.import.dateColumn'))}
        <Select label={t('budget.import.dateFormat')} allowDeselect={false} data={[...DATE_FORMATS]} value={mapping.dateFormat} onChange={(v) => v && onChange({ ...mapping, dateFormat: v })} />
        {col('amountColumn', t('budget.import.amountColumn'))}
        <Select
          label={t('budget.import.signMode')}
          allowDeselect={false}
          value={mapping.signMode}
          onChange={(v) => v && onChange({ ...mapping, signMode: v })}
          data={[
            { value: 'teken', label: t('budget.import.signTeken') },
            { value: 'kolom', label: t('budget.import.signKolom') },
            { value: 'positief-af', label: t('budget.import.signPositiefAf') },
          ]}
        />
        {mapping.signMode === 'kolom' && col('directionColumn', t('budget.import.directionColumn'))}
        {mapping.signMode === 'kolom' && <TagsInput label={t('budget.import.debitValues')} value={mapping.debitValues} onChange={(v) => onChange({ ...mapping, debitValues: v })} />}
        {col('payeeColumn', t('budget.import.payeeColumn'), true)}
        {col('descriptionColumn', t('budget.import.descriptionColumn'), true)}
        <MultiSelect
          label={t('budget.import.moreDescription')}
          data={columns}
          value={(mapping.moreDescriptionColumns ?? []).map(String)}
          onChange={(v) => onChange({ ...mapping, moreDescriptionColumns: v.map(Number) })}
          clearable
        />
      </SimpleGrid>
      <Group>
        <Button variant="light" onClick={onApply} loading={busy}>
          {t('budget.import.refresh')}
        </Button>
      </Group>
    </Stack>
  );
}
