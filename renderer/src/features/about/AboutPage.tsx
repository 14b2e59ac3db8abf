import { Code, Paper, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '@api/app';
import { call } from '../../shared/api';
import { notifyError } from '../../shared/errors';
import { PageHeader } from '../../ui/PageHeader';
import { KeyFingerprintRow } from '../district/KeyFingerprintRow';

export function AboutPage() {
  const { t } = useTranslation();
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    call('app.info').then(setInfo, notifyError);
  }, []);
  const rows: [string, string | null | undefined, string][] = [
    [t('about.version'), info?.version, 'about-version'],
    [t('about.dataDir'), info?.dataDir, 'about-data-dir'],
    [t('about.storeFile'), info?.storeFile, 'about-store-file'],
    [t('about.logFile'), info ? (info.logFile ?? t('about.noLogFile')) : undefined, 'about-log-file'],
  ];
  return (
    <Stack>
      <PageHeader title={t('about.title')} />
      <Text>{t('about.intro')}</Text>
      <Paper withBorder p="lg" radius="md">
        <Table variant="vertical" layout="fixed" aria-label={t('about.details')}>
          <Table.Tbody>
            {rows.map(([label, value, testId]) => (
              <Table.Tr key={testId}>
                <Table.Th w={180}>{label}</Table.Th>
                <Table.Td>
                  <Code data-testid={testId} style={{ wordBreak: 'break-all', whiteSpace: 'normal' }}>
                    {value ?? '…'}
                  </Code>
                </Table.Td>
              </Table.Tr>
            ))}
            <KeyFingerprintRow />
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  );
}
