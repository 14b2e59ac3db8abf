import { Alert, Group, NumberInput, Radio, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHECKIN_STATUSES, CheckinInput, type Checkin, type CheckinStatus, type ChosenOpgave } from '@api/progress';
import { fieldErrorsOf, notifyError } from '../../shared/errors';
import { translateValidation } from '../../i18n';
import { formatDate } from '../../ui/format';
import { DUTCH_NUMBER_PROPS } from '../../ui/forms';
import { parseDutchDate } from '../../ui/period/dates';
import { FormActions } from '../../ui/FormActions';
import { DateField } from '../../ui/DateField';

interface Values {
  teamOpgaveId: string | null;
  date: string;
  status: CheckinStatus | '';
  progress: number | string;
  confidence: number | string;
  wentWell: string;
  nextSteps: string;
  blockers: string;
  correctionReason: string;
}

interface Props {
  opgaven: ChosenOpgave[];
  today: string;
  initialOpgaveId?: number;
  /** Set to correct this check-in; the form starts from its values. */
  correcting?: Checkin;
  onSubmit(input: CheckinInput): Promise<unknown>;
  onCancel(): void;
}

const opgaveTitle = (o: ChosenOpgave, lang: string) => (lang === 'en' ? o.titleEn : o.titleNl);

/** Turns the form's values into the contract's input; the date is typed as dd-mm-jjjj. */
function toInput(v: Values, correctsId?: number): unknown {
  return {
    teamOpgaveId: v.teamOpgaveId ? Number(v.teamOpgaveId) : undefined,
    date: parseDutchDate(v.date) ?? v.date,
    status: v.status || undefined,
    progress: typeof v.progress === 'number' ? v.progress : undefined,
    confidence: typeof v.confidence === 'number' ? v.confidence : undefined,
    wentWell: v.wentWell,
    nextSteps: v.nextSteps,
    blockers: v.blockers,
    ...(correctsId ? { correctsId, correctionReason: v.correctionReason } : {}),
  };
}

export function CheckinForm({ opgaven, today, initialOpgaveId, correcting, onSubmit, onCancel }: Props) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: correcting
      ? {
          teamOpgaveId: String(correcting.teamOpgaveId),
          date: formatDate(correcting.date),
          status: correcting.status,
          progress: correcting.progress,
          confidence: correcting.confidence,
          wentWell: correcting.wentWell,
          nextSteps: correcting.nextSteps,
          blockers: correcting.blockers,
          correctionReason: '',
        }
      : {
          teamOpgaveId: initialOpgaveId ? String(initialOpgaveId) : opgaven.length === 1 ? String(opgaven[0]!.teamOpgaveId) : null,
          date: formatDate(today),
          status: '',
          progress: '',
          confidence: '',
          wentWell: '',
          nextSteps: '',
          blockers: '',
          correctionReason: '',
        },
    validate: (values) => {
      const errors: Record<string, string> = {};
      const parsed = CheckinInput.safeParse(toInput(values, correcting?.id));
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const key = String(issue.path[0] ?? '');
          errors[key] ??= translateValidation(issue.message);
        }
      }
      if (!parseDutchDate(values.date)) errors.date = t('progress.dateInvalid');
      if (!values.teamOpgaveId) errors.teamOpgaveId = translateValidation('Vul dit veld in.');
      if (correcting && !values.correctionReason.trim()) errors.correctionReason = translateValidation('Geef aan waarom u deze check-in corrigeert.');
      return errors;
    },
  });

  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    try {
      await onSubmit(CheckinInput.parse(toInput(values, correcting?.id)));
    } catch (err) {
      const fields = fieldErrorsOf(err);
      if (fields) form.setErrors(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k.replace(/^checkin\./, ''), v])));
      notifyError(err);
    } finally {
      setBusy(false);
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-label={t('progress.newCheckin')}>
      <Stack gap="sm">
        {correcting && <Alert color="blue">{t('progress.correcting', { date: formatDate(correcting.date) })}</Alert>}
        <Select
          label={t('progress.fields.opgave')}
          withAsterisk
          disabled={!!correcting}
          data={opgaven.map((o) => ({ value: String(o.teamOpgaveId), label: opgaveTitle(o, i18n.language) }))}
          {...form.getInputProps('teamOpgaveId')}
        />
        <DateField
          label={t('progress.fields.date')}
          description={t('progress.fields.dateHint')}
          withAsterisk
          data-autofocus
          {...form.getInputProps('date')}
        />
        <Radio.Group label={t('progress.fields.status')} withAsterisk {...form.getInputProps('status')}>
          <Group mt={4} gap="md">
            {CHECKIN_STATUSES.map((s) => (
              <Radio key={s} value={s} label={t(`progress.status.${s}`)} />
            ))}
          </Group>
        </Radio.Group>
        <SimpleGrid cols={2}>
          <NumberInput
            label={t('progress.fields.progress')}
            withAsterisk
            allowDecimal={false}
            suffix="%"
            {...DUTCH_NUMBER_PROPS}
            {...form.getInputProps('progress')}
          />
          <NumberInput
            label={t('progress.fields.confidence')}
            withAsterisk
            allowDecimal={false}
            {...DUTCH_NUMBER_PROPS}
            {...form.getInputProps('confidence')}
          />
        </SimpleGrid>
        <Textarea label={t('progress.fields.wentWell')} autosize minRows={2} {...form.getInputProps('wentWell')} />
        <Textarea label={t('progress.fields.nextSteps')} autosize minRows={2} {...form.getInputProps('nextSteps')} />
        <Textarea label={t('progress.fields.blockers')} autosize minRows={2} {...form.getInputProps('blockers')} />
        {correcting && (
          <TextInput label={t('progress.fields.correctionReason')} withAsterisk {...form.getInputProps('correctionReason')} />
        )}
        <FormActions onCancel={onCancel} busy={busy} />
      </Stack>
    </form>
  );
}
