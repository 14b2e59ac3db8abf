import { Button, Text, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../shared/api';
import { notifyError, notifySaved } from '../../shared/errors';

/** The year for the finance department: one zip with the expenses (CSV, Excel), every receipt and the audit head. */
export function YearZipButton({ teamId, year }: { teamId: number; year: number }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const f = await call('receipts.exportYear', { teamId, year });
      const url = URL.createObjectURL(new Blob([f.bytes as Uint8Array<ArrayBuffer>], { type: f.mimeType }));
      const a = document.createElement('a');
      a.href = url;
      a.download = f.fileName;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
      notifySaved(t('receipts.exported', { file: f.fileName, count: f.receipts }));
    } catch (err) {
      notifyError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Tooltip label={<Text size="xs" maw={320} style={{ whiteSpace: 'normal' }}>{t('receipts.exportYearHint')}</Text>}>
      <Button variant="filled" size="xs" loading={busy} onClick={() => void run()} data-testid="export-year-zip">
        {t('receipts.exportYear')} {year}
      </Button>
    </Tooltip>
  );
}
