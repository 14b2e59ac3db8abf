import { Badge, Button, Modal, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryEntry, HistoryRecord } from '@api/undo';
import { call } from '../../shared/api';
import { notifyError } from '../../shared/errors';
import { formatDateTime } from '../../ui/format';

const show = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

/** "Geschiedenis": every recorded change of one agenda, cluster or progress record, undo included. */
export function HistoryButton({ teamId, record, id, name }: { teamId: number; record: HistoryRecord; id: number; name: string }) {
  const { t, i18n } = useTranslation();
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null);
  const open = () =>
    call('undo.history', { teamId, record, id })
      .then(setEntries)
      .catch((err: unknown) => {
        if ((err as { error?: { code?: string } }).error?.code === 'NOT_FOUND') setEntries([]);
        else notifyError(err);
      });
  const event = (e: HistoryEntry) => (e.event === 'done' ? t('undo.eventDone') : e.event === 'undone' ? t('undo.eventUndone') : t('undo.eventRedone'));
  const change = (e: HistoryEntry) => (e.change === 'created' ? t('undo.changeCreated') : e.change === 'removed' ? t('undo.changeRemoved') : t('undo.changeChanged'));
  return (
    <>
      <Button size="compact-sm" variant="subtle" onClick={() => void open()} aria-label={t('undo.historyOf', { name })}>
        {t('undo.history')}
      </Button>
      {/* Only while open: a list of records has a button per row, and a closed Mantine modal per row weighed on the screen. */}
      {entries !== null && (
      <Modal opened onClose={() => setEntries(null)} title={t('undo.historyOf', { name })} size="lg">
        <Stack gap="md">
          {entries.length === 0 && <Text size="sm">{t('undo.historyEmpty')}</Text>}
          {entries.map((e, i) => (
            <Stack key={i} gap={4}>
              <Text size="sm" fw={600}>
                {formatDateTime(e.at)} · {i18n.language === 'en' ? e.descriptionEn : e.descriptionNl}{' '}
                <Badge variant="light" size="sm" color={e.event === 'done' ? 'green' : 'gray'}>
                  {event(e)}
                </Badge>{' '}
                <Badge variant="outline" size="sm">
                  {change(e)}
                </Badge>
              </Text>
              {e.change === 'changed' && e.changes.length > 0 && (
                <Table withTableBorder fz="xs">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('undo.field')}</Table.Th>
                      <Table.Th>{t('undo.before')}</Table.Th>
                      <Table.Th>{t('undo.after')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {e.changes.map((c) => (
                      <Table.Tr key={c.field}>
                        <Table.Td>{c.field}</Table.Td>
                        <Table.Td style={{ wordBreak: 'break-word' }}>{show(c.before)}</Table.Td>
                        <Table.Td style={{ wordBreak: 'break-word' }}>{show(c.after)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Stack>
          ))}
        </Stack>
      </Modal>
      )}
    </>
  );
}
