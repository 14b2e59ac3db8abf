import { Alert, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formationSignal, wijkagentNorm } from '@api/norms';
import { formatDecimal, formatInteger } from '../../ui/format';
import { useNormVerdict } from './useNormVerdict';

interface Props {
  inhabitants: number;
  wijkagenten: number;
  formationFte: number;
}

/** The two signals of the team profile: the wijkagent norm and a formation outside 60–200 fte. */
export function NormSignal({ inhabitants, wijkagenten, formationFte }: Props) {
  const { t } = useTranslation();
  const norm = wijkagentNorm(inhabitants, wijkagenten);
  const formation = formationSignal(formationFte);
  const verdict = useNormVerdict()(norm);
  return (
    <Stack gap="xs" data-testid="norm-signal">
      <Alert
        color={norm.status === 'short' ? 'orange' : 'teal'}
        title={t('team.norm.title')}
        role="status"
        data-status={norm.status}
      >
        <Group gap="xl">
          <Text size="sm">
            {t('team.norm.needed')}: <strong data-testid="norm-needed">{formatInteger(norm.needed)}</strong>
          </Text>
          <Text size="sm">
            {t('team.norm.present')}: <strong data-testid="norm-present">{formatInteger(norm.present)}</strong>
          </Text>
          <Text size="sm">
            {t('team.norm.difference')}: <strong data-testid="norm-difference">{formatInteger(norm.difference)}</strong>
          </Text>
        </Group>
        <Text size="sm" fw={600} mt={4} data-testid="norm-verdict">
          {verdict}
        </Text>
        <Text size="xs" c="dimmed">
          {t('team.norm.explain')}
        </Text>
      </Alert>
      {formationFte > 0 && (
        <Text size="sm" data-testid="formation-signal" data-status={formation.status} c={formation.status === 'ok' ? undefined : 'var(--tc-warning-text)'}>
          {t('team.formation.title')}: {t('team.formation.amount', { value: formatDecimal(formationFte) })} — {t(`team.formation.${formation.status}`)}
        </Text>
      )}
    </Stack>
  );
}
