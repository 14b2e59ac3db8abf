import { Button, Group, NumberInput, Select, SimpleGrid, Stack, TagsInput, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EENHEDEN, TeamProfileInput, type TeamProfile } from '@api/team';
import { fieldErrorsOf, notifyError } from '../../shared/errors';
import { DUTCH_NUMBER_PROPS, validatorFor } from '../../ui/forms';
import { NormSignal } from './NormSignal';

interface Props {
  initial?: TeamProfile;
  submitLabel: string;
  onSubmit(profile: TeamProfile): Promise<unknown>;
}

type FormValues = Omit<TeamProfile, 'formationFte' | 'inhabitants' | 'areaKm2' | 'wijkagenten' | 'eenheid'> & {
  eenheid: string | null;
  formationFte: number | string;
  inhabitants: number | string;
  areaKm2: number | string;
  wijkagenten: number | string;
};

const EMPTY: FormValues = {
  name: '',
  eenheid: null,
  district: '',
  gemeenten: [],
  formationFte: '',
  inhabitants: '',
  areaKm2: '',
  wijkagenten: '',
};

/** Create and edit the team profile. A failed save keeps every typed value and marks the wrong field. */
export function TeamForm({ initial, submitLabel, onSubmit }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const form = useForm<FormValues>({
    mode: 'controlled',
    initialValues: initial ?? EMPTY,
    validate: validatorFor(TeamProfileInput),
  });
  const v = form.getValues();
  const num = (x: number | string) => (typeof x === 'number' ? x : 0);

  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    try {
      await onSubmit(values as unknown as TeamProfile);
    } catch (err) {
      const fields = fieldErrorsOf(err);
      if (fields) form.setErrors(fields);
      notifyError(err);
    } finally {
      setBusy(false);
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-label={t('team.profileTitle')}>
      <Stack gap="md">
        <TextInput
          label={t('team.fields.name')}
          placeholder={t('team.fields.namePlaceholder')}
          withAsterisk
          data-autofocus
          {...form.getInputProps('name')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('team.fields.eenheid')}
            withAsterisk
            data={EENHEDEN.map((e) => ({ value: e, label: t(`eenheid.${e}`) }))}
            searchable
            {...form.getInputProps('eenheid')}
          />
          <TextInput label={t('team.fields.district')} {...form.getInputProps('district')} />
        </SimpleGrid>
        <TagsInput
          label={t('team.fields.gemeenten')}
          description={t('team.fields.gemeentenHint')}
          splitChars={[',', ';']}
          clearable
          {...form.getInputProps('gemeenten')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput label={t('team.fields.formationFte')} withAsterisk decimalScale={2} {...DUTCH_NUMBER_PROPS} {...form.getInputProps('formationFte')} />
          <NumberInput label={t('team.fields.inhabitants')} withAsterisk allowDecimal={false} {...DUTCH_NUMBER_PROPS} {...form.getInputProps('inhabitants')} />
          <NumberInput label={t('team.fields.areaKm2')} withAsterisk decimalScale={2} {...DUTCH_NUMBER_PROPS} {...form.getInputProps('areaKm2')} />
          <NumberInput label={t('team.fields.wijkagenten')} withAsterisk allowDecimal={false} {...DUTCH_NUMBER_PROPS} {...form.getInputProps('wijkagenten')} />
        </SimpleGrid>
        <NormSignal inhabitants={num(v.inhabitants)} wijkagenten={num(v.wijkagenten)} formationFte={num(v.formationFte)} />
        <Group justify="flex-end">
          <Button type="submit" loading={busy}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
