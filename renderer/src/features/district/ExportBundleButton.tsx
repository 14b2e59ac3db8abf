import { Button, Code, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundleKeyInfo } from '@api/district';
import { call } from '../../shared/api';
import { notifyError, notifySaved } from '../../shared/errors';
import { useMonths } from '../../ui/months';

/** Saves text through the browser's download (the shell asks where). */
function downloadText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** "Verantwoording versturen": the signed bundle of the team for the period, saved as one file. */
export function ExportBundleButton({ teamId, from, to, disabled }: { teamId: number; from: string; to: string; disabled?: boolean }) {
  const { t } = useTranslation();
  const { dateLong: formatDateLong } = useMonths();
  const [open, setOpen] = useState(false);
  const [key, setKey] = useState<BundleKeyInfo | null>(null);
  const [busy, setBusy] = useState(false);

  const show = () => {
    setOpen(true);
    call('district.key').then(setKey, notifyError);
  };
  const make = async () => {
    setBusy(true);
    try {
      const bundle = await call('district.export', { teamId, from, to });
      downloadText(bundle.fileName, bundle.text);
      setOpen(false);
      notifySaved(t('district.export.done', { file: bundle.fileName }));
    } catch (err) {
      notifyError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button variant="outline" onClick={show} disabled={disabled} data-testid="bundle-export">
        {t('district.export.button')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('district.export.title')} size="lg">
        <Stack>
          <Text size="sm">{t('district.export.intro', { from: formatDateLong(from), to: formatDateLong(to) })}</Text>
          <div>
            <Text size="sm" fw={600}>
              {t('district.export.fingerprint')}
            </Text>
            <Code data-testid="export-fingerprint" style={{ fontSize: 'var(--mantine-font-size-md)' }}>
              {key?.short ?? '…'}
            </Code>
          </div>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
            <Button onClick={() => void make()} loading={busy}>
              {t('district.export.make')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
