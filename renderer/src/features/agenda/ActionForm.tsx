import { Modal, Select, SimpleGrid, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTION_STATUSES, ActionFields, type Partner } from '@api/agenda';
import type { Cluster } from '@api/clusters';
import { fieldErrorsOf, notifyError } from '../../shared/errors';
import { validatorFor } from '../../ui/forms';
import { FormActions } from '../../ui/FormActions';
import { IsoDateField } from '../../ui/DateField';

export interface ActionValues {
  title: string;
  description: string;
  owner: string;
  partners: string[];
  clusterId: string | null;
  startDate: string;
  dueDate: string;
  status: string;
  templateCode: string | null;
}

export const EMPTY_ACTION: ActionValues = {
  title: '',
  description: '',
  owner: '',
  partners: [],
  clusterId: null,
  startDate: '',
  dueDate: '',
  status: 'idee',
  templateCode: null,
};

/** Partner names become ids of the team's list; names not yet on it are added on save. */
export function toActionFields(v: ActionValues, partners: Partner[]): ActionFields {
  const byName = new Map(partners.map((p) => [p.name.toLocaleLowerCase('nl-NL'), p.id]));
  const partnerIds: number[] = [];
  const newPartners: string[] = [];
  for (const name of v.partners) {
    const id = byName.get(name.trim().toLocaleLowerCase('nl-NL'));
    if (id !== undefined) partnerIds.push(id);
    else newPartners.push(name);
  }
  return {
    title: v.title,
    description: v.description,
    owner: v.owner,
    partnerIds,
    newPartners,
    clusterId: v.clusterId ? Number(v.clusterId) : null,
    startDate: v.startDate || null,
    dueDate: v.dueDate || null,
    status: v.status as ActionFields['status'],
    templateCode: v.templateCode,
  };
}

const validateAction = validatorFor(ActionFields);

interface Props {
  title: string;
  initial: ActionValues;
  partners: Partner[];
  clusters: Cluster[];
  onClose(): void;
  onSubmit(fields: ActionFields): Promise<void>;
}

export function ActionForm({ title, initial, partners, clusters, onClose, onSubmit }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const form = useForm<ActionValues>({
    mode: 'controlled',
    initialValues: initial,
    validate: (values) => {
      const errors = validateAction(toActionFields(values, partners));
      // Partner names are checked as one list in the form.
      for (const key of Object.keys(errors)) if (key.startsWith('newPartners') || key.startsWith('partnerIds')) errors.partners = errors[key];
      return errors;
    },
  });
  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    try {
      await onSubmit(toActionFields(values, partners));
    } catch (err) {
      const fields = fieldErrorsOf(err);
      if (fields) form.setErrors(fields);
      notifyError(err);
    } finally {
      setBusy(false);
    }
  });
  const clusterOptions = clusters
    .filter((c) => c.state !== 'beeindigd' || String(c.id) === initial.clusterId)
    .map((c) => ({ value: String(c.id), label: c.name }));

  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <form onSubmit={submit} noValidate aria-label={title}>
        <Stack gap="md">
          <TextInput label={t('agenda.actions.fields.title')} withAsterisk data-autofocus {...form.getInputProps('title')} />
          <Textarea label={t('agenda.actions.fields.description')} autosize minRows={2} {...form.getInputProps('description')} />
          <SimpleGrid cols={2}>
            <TextInput label={t('agenda.actions.fields.owner')} {...form.getInputProps('owner')} />
            <Select
              label={t('agenda.actions.fields.status')}
              allowDeselect={false}
              data={ACTION_STATUSES.map((s) => ({ value: s, label: t(`agenda.actionStatus.${s}`) }))}
              {...form.getInputProps('status')}
            />
          </SimpleGrid>
          <TagsInput
            label={t('agenda.actions.fields.partners')}
            description={t('agenda.actions.fields.partnersHint')}
            data={partners.map((p) => p.name)}
            splitChars={[',', ';']}
            clearable
            {...form.getInputProps('partners')}
          />
          <Select
            label={t('agenda.actions.fields.cluster')}
            placeholder={t('agenda.actions.fields.noCluster')}
            clearable
            data={clusterOptions}
            {...form.getInputProps('clusterId')}
          />
          <SimpleGrid cols={2}>
            <IsoDateField label={t('agenda.actions.fields.startDate')} {...form.getInputProps('startDate')} />
            <IsoDateField label={t('agenda.actions.fields.dueDate')} {...form.getInputProps('dueDate')} />
          </SimpleGrid>
          <FormActions onCancel={onClose} busy={busy} />
        </Stack>
      </form>
    </Modal>
  );
}
