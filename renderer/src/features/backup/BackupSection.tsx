import { Button, FileButton, Group, Modal, Paper, Progress, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupEntry } from '@api/backup';
import { notifyError, notifySaved } from '../../shared/errors';
import { formatDate, formatDecimal, formatInteger } from '../../ui/format';
import { base64ToBlob, fileToBase64, useBackupStore } from './store';

/** Shown once after the page reloads on the restored data. */
const NOTICE_KEY = 'teamchef.backup.notice';

function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${formatInteger(Math.max(1, Math.round(bytes / 1024)))} kB`;
  return `${formatDecimal(Math.round((bytes / (1024 * 1024)) * 10) / 10)} MB`;
}

type Pending = { kind: 'restore'; entry: BackupEntry } | { kind: 'import'; file: File };

/** Settings → Backups: the list with restore, a backup now, export and import of the whole store. */
export function BackupSection() {
  const { t } = useTranslation();
  const { entries, info, busy, load, create, restore, exportStore, importStore } = useBackupStore();
  const [pending, setPending] = useState<Pending | null>(null);

  const moment = (e: BackupEntry) => t('backup.at', { date: formatDate(e.createdAt.slice(0, 10)), time: e.createdAt.slice(11, 16) });

  useEffect(() => {
    load().catch(notifyError);
    const notice = globalThis.sessionStorage?.getItem(NOTICE_KEY);
    if (notice) {
      globalThis.sessionStorage.removeItem(NOTICE_KEY);
      notifySaved(notice);
    }
  }, [load]);

  /** After a restore or import every screen must read the new data: start the page afresh. */
  const reloadWith = (notice: string) => {
    globalThis.sessionStorage?.setItem(NOTICE_KEY, notice);
    window.location.reload();
  };

  const onCreate = async () => {
    try {
      await create();
      notifySaved(t('backup.created'));
    } catch (err) {
      notifyError(err);
    }
  };

  const onExport = async () => {
    try {
      const result = await exportStore();
      const url = URL.createObjectURL(base64ToBlob(result.data));
      const a = document.createElement('a');
      a.href = url;
      a.download = result.fileName;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      notifySaved(t('backup.exported', { name: result.fileName }));
    } catch (err) {
      notifyError(err);
    }
  };

  const onConfirm = async () => {
    const job = pending;
    setPending(null);
    if (!job) return;
    try {
      if (job.kind === 'restore') {
        await restore(job.entry.name);
        reloadWith(t('backup.restored', { moment: moment(job.entry) }));
      } else {
        await importStore(job.file.name, await fileToBase64(job.file));
        reloadWith(t('backup.imported', { name: job.file.name }));
      }
    } catch (err) {
      notifyError(err);
      await load().catch(() => undefined);
    }
  };

  return (
    <Paper withBorder p="lg" radius="md" aria-labelledby="backup-title" component="section" aria-busy={busy !== null || info === null}>
      <Title order={2} size="h3" mb="xs" id="backup-title">
        {t('backup.title')}
      </Title>
      <Stack gap="md">
        <Text size="sm">{t('backup.intro')}</Text>
        {info && (
          <Text size="sm" c="dimmed" data-testid="store-file">
            {t('backup.dataFile')}: {info.file}
            <br />
            {t('backup.backupFolder')}: {info.backupDir}
          </Text>
        )}
        <Group gap="sm">
          <Button onClick={() => void onCreate()} disabled={busy !== null}>
            {t('backup.createNow')}
          </Button>
          <Button variant="default" onClick={() => void onExport()} disabled={busy !== null} title={t('backup.exportHint')}>
            {t('backup.exportAll')}
          </Button>
          <FileButton onChange={(file) => file && setPending({ kind: 'import', file })} accept=".sqlite,.db,application/vnd.sqlite3,application/octet-stream">
            {(props) => (
              <Button variant="default" {...props} disabled={busy !== null}>
                {t('backup.importFile')}
              </Button>
            )}
          </FileButton>
        </Group>
        <Text size="xs" c="dimmed">
          {t('backup.exportHint')}
        </Text>

        {busy && (
          <div role="status" aria-live="polite">
            <Text size="sm" mb={4}>
              {t(`backup.busy.${busy}`)}
            </Text>
            <Progress value={100} striped animated aria-label={t(`backup.busy.${busy}`)} />
          </div>
        )}

        <Title order={3} size="h4">
          {t('backup.listTitle')}
        </Title>
        {entries.length === 0 ? (
          <Text size="sm">{t('backup.empty')}</Text>
        ) : (
          <Table striped highlightOnHover data-testid="backup-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('backup.columns.date')}</Table.Th>
                <Table.Th>{t('backup.columns.kind')}</Table.Th>
                <Table.Th ta="right">{t('backup.columns.size')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('backup.columns.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((e) => (
                <Table.Tr key={e.name} data-backup={e.name}>
                  <Table.Td>{moment(e)}</Table.Td>
                  <Table.Td>{t(`backup.kinds.${e.kind}`)}</Table.Td>
                  <Table.Td ta="right">{formatSize(e.size)}</Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="light"
                      disabled={busy !== null}
                      aria-label={t('backup.restoreLabel', { moment: moment(e) })}
                      onClick={() => setPending({ kind: 'restore', entry: e })}
                    >
                      {t('backup.restore')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>

      <Modal
        opened={pending !== null}
        onClose={() => setPending(null)}
        title={pending?.kind === 'import' ? t('backup.importTitle') : t('backup.restoreTitle')}
        centered
      >
        {pending && (
          <Stack gap="md">
            <Text size="sm">
              {pending.kind === 'restore' ? t('backup.restoreBody', { moment: moment(pending.entry) }) : t('backup.importBody', { name: pending.file.name })}
            </Text>
            <Text size="sm">{t('backup.keptAside')}</Text>
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={() => setPending(null)}>
                {t('common.cancel')}
              </Button>
              <Button color="red" onClick={() => void onConfirm()} data-autofocus>
                {pending.kind === 'restore' ? t('backup.restoreConfirm') : t('backup.importConfirm')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Paper>
  );
}
