import { ActionIcon, Button, Card, Group, Modal, NumberInput, SimpleGrid, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { useForm, type GetInputPropsReturnType } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ClusterFields, ClusterSplitInput, type Cluster, type ClusterPart } from '@api/clusters';
import { wijkagentNorm } from '@api/norms';
import { fieldErrorsOf, notifyError } from '../../shared/errors';
import { DUTCH_NUMBER_PROPS, validatorFor } from '../../ui/forms';
import { formatDecimal, formatInteger } from '../../ui/format';
import { FormActions } from '../../ui/FormActions';
import { IsoDateField } from '../../ui/DateField';

type Num = number | string;
export interface PartValues {
  name: string;
  areas: string[];
  gemeenten: string[];
  inhabitants: Num;
  lead: string;
  fte: Num;
  wijkagenten: Num;
}
export interface ClusterValues extends PartValues {
  startDate: string;
  endDate: string;
}

const num = (v: Num) => (typeof v === 'number' ? v : (v as unknown as number));
const toPart = (v: PartValues): ClusterPart => ({
  name: v.name,
  areas: v.areas,
  gemeenten: v.gemeenten,
  inhabitants: num(v.inhabitants),
  lead: v.lead,
  fte: num(v.fte),
  wijkagenten: num(v.wijkagenten),
});
export const toClusterFields = (v: ClusterValues): ClusterFields => ({ ...toPart(v), startDate: v.startDate, endDate: v.endDate || null });
const n0 = (v: Num) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

export const EMPTY_PART: PartValues = { name: '', areas: [], gemeenten: [], inhabitants: '', lead: '', fte: '', wijkagenten: '' };

async function guarded(setBusy: (b: boolean) => void, form: { setErrors(e: Record<string, string>): void }, fn: () => Promise<void>) {
  setBusy(true);
  try {
    await fn();
  } catch (err) {
    const fields = fieldErrorsOf(err);
    if (fields) form.setErrors(fields);
    notifyError(err);
  } finally {
    setBusy(false);
  }
}

/** Only what the part fields need of a Mantine form. */
interface InputPropsSource {
  getInputProps(path: string): GetInputPropsReturnType;
}

function PartFields({ form, prefix, teamGemeenten, autofocus }: { form: InputPropsSource; prefix: string; teamGemeenten: string[]; autofocus?: boolean }) {
  const { t } = useTranslation();
  const p = (k: string) => form.getInputProps(`${prefix}${k}`);
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('clusters.fields.name')} withAsterisk data-autofocus={autofocus || undefined} {...p('name')} />
        <TextInput label={t('clusters.fields.lead')} {...p('lead')} />
      </SimpleGrid>
      <TagsInput label={t('clusters.fields.areas')} description={t('clusters.fields.areasHint')} splitChars={[',', ';']} clearable {...p('areas')} />
      <TagsInput label={t('clusters.fields.gemeenten')} data={teamGemeenten} splitChars={[',', ';']} clearable {...p('gemeenten')} />
      <SimpleGrid cols={3}>
        <NumberInput label={t('clusters.fields.inhabitants')} withAsterisk allowDecimal={false} {...DUTCH_NUMBER_PROPS} {...p('inhabitants')} />
        <NumberInput label={t('clusters.fields.fte')} withAsterisk decimalScale={2} {...DUTCH_NUMBER_PROPS} {...p('fte')} />
        <NumberInput label={t('clusters.fields.wijkagenten')} withAsterisk allowDecimal={false} {...DUTCH_NUMBER_PROPS} {...p('wijkagenten')} />
      </SimpleGrid>
    </>
  );
}

export function NormText({ inhabitants, wijkagenten }: { inhabitants: number; wijkagenten: number }) {
  const { t } = useTranslation();
  const norm = wijkagentNorm(inhabitants, wijkagenten);
  return (
    <Text size="sm" c={norm.status === 'short' ? 'var(--tc-warning-text)' : 'teal.9'} data-status={norm.status} data-testid="cluster-norm">
      {norm.status === 'short'
        ? t('clusters.norm.short', { needed: formatInteger(norm.needed), count: -norm.difference })
        : t('clusters.norm.ok', { needed: formatInteger(norm.needed) })}
    </Text>
  );
}

const validateCluster = validatorFor(ClusterFields);

export function ClusterForm({
  title,
  initial,
  withEnd,
  teamGemeenten,
  onClose,
  onSubmit,
}: {
  title: string;
  initial: ClusterValues;
  withEnd: boolean;
  teamGemeenten: string[];
  onClose(): void;
  onSubmit(fields: ClusterFields): Promise<void>;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const form = useForm<ClusterValues>({ mode: 'controlled', initialValues: initial, validate: (v) => validateCluster(toClusterFields(v)) });
  const v = form.getValues();
  const submit = form.onSubmit((values) => guarded(setBusy, form, () => onSubmit(toClusterFields(values))));
  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <form onSubmit={submit} noValidate aria-label={title}>
        <Stack gap="md">
          <PartFields form={form} prefix="" teamGemeenten={teamGemeenten} autofocus />
          <NormText inhabitants={n0(v.inhabitants)} wijkagenten={n0(v.wijkagenten)} />
          <SimpleGrid cols={2}>
            <IsoDateField label={t('clusters.fields.startDate')} withAsterisk {...form.getInputProps('startDate')} />
            {withEnd && <IsoDateField label={t('clusters.fields.endDate')} {...form.getInputProps('endDate')} />}
          </SimpleGrid>
          <FormActions onCancel={onClose} busy={busy} />
        </Stack>
      </form>
    </Modal>
  );
}

export function EndForm({ cluster, today, onClose, onSubmit }: { cluster: Cluster; today: string; onClose(): void; onSubmit(endDate: string, reason: string): Promise<void> }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const form = useForm({ mode: 'controlled', initialValues: { endDate: today, reason: '' } });
  const submit = form.onSubmit((values) => guarded(setBusy, form, () => onSubmit(values.endDate, values.reason)));
  const title = `${t('clusters.endTitle')}: ${cluster.name}`;
  return (
    <Modal opened onClose={onClose} title={title}>
      <form onSubmit={submit} noValidate aria-label={title}>
        <Stack gap="md">
          <Text size="sm">{t('clusters.endHint')}</Text>
          <IsoDateField label={t('clusters.fields.endDate')} withAsterisk data-autofocus {...form.getInputProps('endDate')} />
          <TextInput label={t('clusters.fields.reason')} {...form.getInputProps('reason')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="orange" loading={busy}>
              {t('clusters.end')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

interface SplitValues {
  date: string;
  parts: PartValues[];
}
const validateSplit = validatorFor(ClusterSplitInput);

export function SplitForm({
  cluster,
  today,
  teamGemeenten,
  onClose,
  onSubmit,
}: {
  cluster: Cluster;
  today: string;
  teamGemeenten: string[];
  onClose(): void;
  onSubmit(date: string, parts: ClusterPart[]): Promise<void>;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const seed = { ...EMPTY_PART, gemeenten: cluster.gemeenten, lead: cluster.lead };
  const form = useForm<SplitValues>({
    mode: 'controlled',
    initialValues: { date: today, parts: [seed, seed] },
    validate: (v) => validateSplit({ teamId: cluster.teamId, clusterId: cluster.id, date: v.date, parts: v.parts.map(toPart) }),
  });
  const parts = form.getValues().parts;
  const submit = form.onSubmit((values) => guarded(setBusy, form, () => onSubmit(values.date, values.parts.map(toPart))));
  const title = `${t('clusters.splitTitle')}: ${cluster.name}`;
  const total = (k: 'inhabitants' | 'fte' | 'wijkagenten') => parts.reduce((s, p) => s + n0(p[k]), 0);
  return (
    <Modal opened onClose={onClose} title={title} size="xl">
      <form onSubmit={submit} noValidate aria-label={title}>
        <Stack gap="md">
          <Text size="sm">{t('clusters.splitHint')}</Text>
          <IsoDateField label={t('clusters.fields.splitDate')} withAsterisk w={260} {...form.getInputProps('date')} />
          {parts.map((_, i) => (
            <Card key={i} withBorder component="fieldset" aria-label={t('clusters.part', { n: i + 1 })}>
              <Group justify="space-between" mb="xs">
                <Text fw={600}>{t('clusters.part', { n: i + 1 })}</Text>
                {parts.length > 2 && (
                  <ActionIcon variant="subtle" color="red" aria-label={t('clusters.removePart', { n: i + 1 })} onClick={() => form.removeListItem('parts', i)}>
                    ×
                  </ActionIcon>
                )}
              </Group>
              <Stack gap="xs">
                <PartFields form={form} prefix={`parts.${i}.`} teamGemeenten={teamGemeenten} autofocus={i === 0} />
              </Stack>
            </Card>
          ))}
          <Text size="sm" data-testid="split-total">
            {t('clusters.partsTotal', {
              inhabitants: formatInteger(total('inhabitants')),
              fte: formatDecimal(total('fte')),
              wijkagenten: formatInteger(total('wijkagenten')),
              wasInhabitants: formatInteger(cluster.inhabitants),
              wasFte: formatDecimal(cluster.fte),
              wasWijkagenten: formatInteger(cluster.wijkagenten),
            })}
          </Text>
          <Group justify="space-between">
            <Button variant="light" onClick={() => form.insertListItem('parts', seed)} disabled={parts.length >= 10}>
              {t('clusters.addPart')}
            </Button>
            <Group>
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={busy}>
                {t('clusters.split')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
