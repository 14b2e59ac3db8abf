import { Code, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundleKeyInfo } from '@api/district';
import { call } from '../../shared/api';
import { notifyError } from '../../shared/errors';

/** About: the signing key's fingerprint, for the district to check by phone once. */
export function KeyFingerprintRow() {
  const { t } = useTranslation();
  const [key, setKey] = useState<BundleKeyInfo | null>(null);
  useEffect(() => {
    call('district.key').then(setKey, notifyError);
  }, []);
  return (
    <Table.Tr>
      <Table.Th w={180}>{t('district.about.fingerprint')}</Table.Th>
      <Table.Td>
        <Code data-testid="about-fingerprint" style={{ whiteSpace: 'nowrap' }}>
          {key?.short ?? '…'}
        </Code>
        {key && (
          <Text size="xs" c="dimmed" mt={4}>
            {key.protection === 'os' ? t('district.about.protected') : t('district.about.unprotected')}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
