import { Alert, Button, Group, NumberInput, Paper, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnchorCheck as Result } from '@api/district';
import { call } from '../../shared/api';
import { describeError, fieldErrorsOf } from '../../shared/errors';

/** The team's own chain against the head (length + hash) the district recorded from a bundle. */
export function AnchorCheck({ teamId }: { teamId: number }) {
  const { t } = useTranslation();
  const [length, setLength] = useState<string | number>('');
  const [hash, setHash] = useState('');
  const [result, setResult] = useState<Result | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);

  const check = async () => {
    setResult(null);
    setProblem(null);
    try {
      setResult(await call('district.verifyAnchor', { teamId, length: typeof length === 'number' ? length : Number.NaN, hash }));
      setErrors({});
    } catch (err) {
      const fields = fieldErrorsOf(err);
      if (fields) setErrors(fields);
      else setProblem(describeError(err));
    }
  };
  return (
    <Paper withBorder p="md" radius="md" mt="md" data-testid="anchor-check">
      <Title order={3} size="h4" mb={4}>
        {t('district.anchor.title')}
      </Title>
      <Text size="sm" mb="sm">
        {t('district.anchor.intro')}
      </Text>
      <Group align="start">
        <NumberInput label={t('district.anchor.length')} value={length} onChange={setLength} min={1} allowDecimal={false} w={220} error={errors.length} />
        <TextInput label={t('district.anchor.hash')} value={hash} onChange={(e) => setHash(e.currentTarget.value)} w={320} error={errors.hash} ff="monospace" />
        <Button mt={25} variant="outline" onClick={() => void check()}>
          {t('district.anchor.check')}
        </Button>
      </Group>
      {problem && (
        <Alert mt="sm" color="red" role="alert">
          {problem}
        </Alert>
      )}
      {result && (
        <Alert mt="sm" color={result.matches && result.chainOk ? 'green' : 'red'} role="status" data-testid="anchor-result">
          {result.message}
        </Alert>
      )}
    </Paper>
  );
}
