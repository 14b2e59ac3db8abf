import { ActionIcon, Button, Group, Paper, SegmentedControl, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../format';
import { parseDutchDate } from './dates';
import { stepPeriod, usePeriodStore } from './store';
import { DateField } from '../DateField';
import { WithDates } from '../NoBreak';

/** Quarter, year or custom dates; the dashboard and the charts follow the choice. */
export function PeriodPicker() {
  const { t } = useTranslation();
  const { choice, resolved, setChoice } = usePeriodStore();
  const [from, setFrom] = useState(() => (choice.kind === 'custom' ? formatDate(choice.from) : ''));
  const [to, setTo] = useState(() => (choice.kind === 'custom' ? formatDate(choice.to) : ''));
  const [errors, setErrors] = useState<{ from?: string; to?: string }>({});

  // A custom period chosen elsewhere (or stepped) shows its dates in the fields; adjusted while
  // rendering, as React advises for state that follows a prop, instead of in an effect.
  const [shown, setShown] = useState(choice);
  if (shown !== choice) {
    setShown(choice);
    if (choice.kind === 'custom') {
      setFrom(formatDate(choice.from));
      setTo(formatDate(choice.to));
    }
  }

  const label = !resolved
    ? ''
    : resolved.kind === 'year'
      ? String(resolved.year)
      : resolved.kind === 'quarter'
        ? t('progress.period.quarterName', { quarter: resolved.quarter, year: resolved.year })
        : '';

  const changeKind = (kind: string) => {
    if (kind === 'year') setChoice({ kind: 'year', year: resolved?.year ?? undefined });
    else if (kind === 'quarter') setChoice({ kind: 'quarter', year: resolved?.year ?? undefined });
    else if (resolved) {
      setFrom(formatDate(resolved.from));
      setTo(formatDate(resolved.to));
      setChoice({ kind: 'custom', from: resolved.from, to: resolved.to });
    }
  };

  const applyCustom = () => {
    const f = parseDutchDate(from);
    const e = parseDutchDate(to);
    const next: typeof errors = {};
    if (!f) next.from = t('progress.dateInvalid');
    if (!e) next.to = t('progress.dateInvalid');
    if (f && e && e < f) next.to = t('progress.period.toBeforeFrom');
    setErrors(next);
    if (f && e && !next.to) setChoice({ kind: 'custom', from: f, to: e });
  };

  const step = (s: -1 | 1) => {
    const next = resolved && stepPeriod(resolved, s);
    if (next) setChoice(next);
  };

  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      role="group"
      aria-label={t('progress.period.label')}
      data-testid="period-picker"
      data-from={resolved?.from ?? ''}
      data-to={resolved?.to ?? ''}
    >
      <Group gap="md" wrap="wrap" align="flex-end">
        <SegmentedControl
          aria-label={t('progress.period.label')}
          value={choice.kind}
          onChange={changeKind}
          data={[
            { value: 'quarter', label: t('progress.period.quarter') },
            { value: 'year', label: t('progress.period.year') },
            { value: 'custom', label: t('progress.period.custom') },
          ]}
        />
        {choice.kind !== 'custom' ? (
          <Group gap={4}>
            <ActionIcon variant="default" size="lg" aria-label={t('progress.period.previous')} onClick={() => step(-1)}>
              ‹
            </ActionIcon>
            <Text fw={600} miw={80} ta="center" data-testid="period-label">
              {label}
            </Text>
            <ActionIcon variant="default" size="lg" aria-label={t('progress.period.next')} onClick={() => step(1)}>
              ›
            </ActionIcon>
          </Group>
        ) : (
          <Group gap="xs" align="flex-end">
            <DateField
              label={t('progress.period.from')}
              value={from}
              onChange={setFrom}
              error={errors.from}
              w={160}
              onKeyDown={(e) => e.key === 'Enter' && applyCustom()}
            />
            <DateField
              label={t('progress.period.to')}
              value={to}
              onChange={setTo}
              error={errors.to}
              w={160}
              onKeyDown={(e) => e.key === 'Enter' && applyCustom()}
            />
            <Button variant="light" onClick={applyCustom}>
              {t('progress.period.apply')}
            </Button>
          </Group>
        )}
        {resolved && (
          <Text size="sm" c="dimmed" data-testid="period-range">
            <WithDates text={t('progress.period.showing', { from: formatDate(resolved.from), to: formatDate(resolved.to) })} />
          </Text>
        )}
      </Group>
    </Paper>
  );
}
