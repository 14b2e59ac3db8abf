import { Button, Group, Modal, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChoiceFields, PACES, yearPeriod, type Opgave } from '@api/agenda';
import { fieldErrorsOf, notifyError } from '../../shared/errors';
import { validatorFor } from '../../ui/forms';
import { IsoDateField } from '../../ui/DateField';
import { useOpgaveText } from './catalogue-en';

export interface ChoiceValues {
  periodStart: string;
  periodEnd: string;
  ambition: string;
  answers: string[];
  owner: string;
  priority: string;
  pace: string;
  startDate: string;
  targetDate: string;
}

export const toChoiceFields = (v: ChoiceValues): ChoiceFields =>
  ({
    periodStart: v.periodStart,
    periodEnd: v.periodEnd,
    ambition: v.ambition,
    answers: v.answers,
    owner: v.owner,
    priority: Number(v.priority),
    pace: v.pace,
    startDate: v.startDate,
    targetDate: v.targetDate === '' ? null : v.targetDate,
  }) as ChoiceFields;

export function emptyChoice(year: number, questions: number): ChoiceValues {
  const p = yearPeriod(year);
  return { ...p, ambition: '', answers: Array<string>(questions).fill(''), owner: '', priority: '2', pace: 'gemiddeld', startDate: p.periodStart, targetDate: '' };
}

const validateChoice = validatorFor(ChoiceFields);

interface Props {
  opened: boolean;
  onClose(): void;
  title: string;
  catalogue: Opgave[];
  /** Fixed opgave (edit, re-choose, card); otherwise the form asks which one. */
  opgaveId: number | null;
  initial: ChoiceValues;
  onSubmit(opgaveId: number, fields: ChoiceFields): Promise<void>;
}

/** Choose an opgave for a period, or edit the choice: ambition, answers, owner, priority, pace, dates. */
export function ChoiceForm({ opened, onClose, title, catalogue, opgaveId, initial, onSubmit }: Props) {
  const { t } = useTranslation();
  const text = useOpgaveText();
  const [picked, setPicked] = useState<string | null>(opgaveId ? String(opgaveId) : null);
  const [opgaveError, setOpgaveError] = useState<string | null>(null);
  const isYear = (v: ChoiceValues) =>
    v.periodStart.endsWith('-01-01') && v.periodEnd === `${v.periodStart.slice(0, 4)}-12-31`;
  const [kind, setKind] = useState<'year' | 'custom'>(isYear(initial) ? 'year' : 'custom');
  const [busy, setBusy] = useState(false);
  const form = useForm<ChoiceValues>({
    mode: 'controlled',
    initialValues: initial,
    validate: (values) => validateChoice(toChoiceFields(values)),
  });
  const opgave = catalogue.find((o) => String(o.id) === picked) ?? null;
  const questions = opgave ? text.questions(opgave) : [];
  const titleOf = text.title;
  const year = Number(form.getValues().periodStart.slice(0, 4)) || new Date().getFullYear();

  const setYear = (y: number) => {
    if (!Number.isInteger(y) || y < 2000 || y > 2100) return;
    const p = yearPeriod(y);
    const old = form.getValues();
    form.setValues({ ...p, startDate: old.startDate === old.periodStart || !old.startDate ? p.periodStart : old.startDate });
  };

  const submit = form.onSubmit(async (values) => {
    if (!opgave) {
      setOpgaveError(t('agenda.form.opgave'));
      return;
    }
    setBusy(true);
    try {
      await onSubmit(opgave.id, toChoiceFields({ ...values, answers: values.answers.slice(0, questions.length) }));
    } catch (err) {
      const fields = fieldErrorsOf(err);
      if (fields) form.setErrors(fields);
      notifyError(err);
    } finally {
      setBusy(false);
    }
  });

  return (
    <Modal opened={opened} onClose={onClose} title={title} size="xl">
      <form onSubmit={submit} noValidate aria-label={title}>
        <Stack gap="md">
          {opgaveId === null ? (
            <Select
              label={t('agenda.form.opgave')}
              withAsterisk
              data-autofocus
              data={catalogue.map((o) => ({ value: String(o.id), label: `${o.id}. ${titleOf(o)}` }))}
              value={picked}
              error={opgaveError}
              onChange={(v) => {
                setPicked(v);
                setOpgaveError(null);
                const n = catalogue.find((o) => String(o.id) === v)?.questionsNl.length ?? 0;
                form.setFieldValue('answers', Array.from({ length: n }, (_, i) => form.getValues().answers[i] ?? ''));
              }}
            />
          ) : (
            opgave && (
              <Text fw={600} data-testid="choice-opgave">
                {titleOf(opgave)}
              </Text>
            )
          )}
          <SegmentedControl
            aria-label={t('agenda.form.periodKind')}
            value={kind}
            onChange={(v) => {
              setKind(v);
              if (v === 'year') setYear(year);
            }}
            data={[
              { value: 'year', label: t('agenda.form.periodYear') },
              { value: 'custom', label: t('agenda.form.periodCustom') },
            ]}
          />
          {kind === 'year' ? (
            <NumberInput
              label={t('agenda.form.year')}
              value={year}
              allowDecimal={false}
              min={2000}
              max={2100}
              onChange={(v) => setYear(Number(v))}
            />
          ) : (
            <SimpleGrid cols={2}>
              <IsoDateField label={t('agenda.form.periodStart')} withAsterisk {...form.getInputProps('periodStart')} />
              <IsoDateField label={t('agenda.form.periodEnd')} withAsterisk {...form.getInputProps('periodEnd')} />
            </SimpleGrid>
          )}
          <Textarea
            label={t('agenda.form.ambition')}
            description={t('agenda.form.ambitionHint')}
            autosize
            minRows={2}
            {...form.getInputProps('ambition')}
          />
          {questions.length > 0 && (
            <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
              <Text component="legend" fw={600} size="sm">
                {t('agenda.form.questions')}
              </Text>
              {questions.map((q, i) => (
                <Textarea key={q} label={q} autosize minRows={1} {...form.getInputProps(`answers.${i}`)} />
              ))}
            </Stack>
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label={t('agenda.form.owner')} {...form.getInputProps('owner')} />
            <Select
              label={t('agenda.form.priority')}
              allowDeselect={false}
              data={['1', '2', '3'].map((p) => ({ value: p, label: t(`agenda.priority.${p}`) }))}
              {...form.getInputProps('priority')}
            />
            <Select
              label={t('agenda.form.pace')}
              allowDeselect={false}
              data={PACES.map((p) => ({ value: p, label: t(`agenda.pace.${p}`) }))}
              {...form.getInputProps('pace')}
            />
          </SimpleGrid>
          <SimpleGrid cols={2}>
            <IsoDateField label={t('agenda.form.startDate')} withAsterisk {...form.getInputProps('startDate')} />
            <IsoDateField label={t('agenda.form.targetDate')} {...form.getInputProps('targetDate')} />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('agenda.form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
