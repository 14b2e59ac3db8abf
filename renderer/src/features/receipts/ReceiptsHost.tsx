import { Anchor, Button, FileButton, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attachment, RecordKind } from '@api/receipts';
import { notifyError, notifySaved } from '../../shared/errors';
import i18n from '../../i18n';
import { formatDate } from '../../ui/format';
import { ReasonModal } from '../budget/ReasonModal';
import { canOpenWith, formatSize, openWith, saveReceipt } from './content';
import { ReceiptThumb } from './ReceiptThumb';
import { useReceiptsStore, type AttachOutcome } from './store';
import { draggedFiles, useReceiptUi } from './ui';

const ReceiptViewer = lazy(() => import('./ReceiptViewer'));

export const ACCEPT = 'application/pdf,image/jpeg,image/png,image/webp,.pdf,.jpg,.jpeg,.png,.webp';

/** Tells the chief what happened to each file of one attach: added, already there, or refused and why. */
export function reportOutcome(outcome: AttachOutcome): void {
  const t = i18n.t.bind(i18n);
  if (outcome.added) notifySaved(t('receipts.attached', { count: outcome.added }));
  for (const file of outcome.reused) notifications.show({ color: 'blue', message: t('receipts.reused', { file }), autoClose: 5000 });
  for (const r of outcome.refused)
    notifications.show({ color: 'red', title: t('errors.title'), message: t('receipts.refusedFile', { file: r.file, reason: r.reason }), autoClose: 10000 });
  if (outcome.storeWarning) notifications.show({ color: 'orange', title: t('receipts.storeWarning'), message: outcome.storeWarning, autoClose: false });
}

/** Attaches dropped or chosen files to one record and reports the outcome. */
export function useAttach(teamId: number) {
  const attachFiles = useReceiptsStore((s) => s.attachFiles);
  const [busy, setBusy] = useState(false);
  const attach = async (kind: RecordKind, recordId: number, files: readonly File[]) => {
    if (!files.length) return;
    setBusy(true);
    try {
      reportOutcome(await attachFiles(teamId, kind, recordId, files));
    } catch (err) {
      notifyError(err);
    } finally {
      setBusy(false);
    }
  };
  return { attach, busy };
}

function AttachmentRow({ teamId, a, onDetach }: { teamId: number; a: Attachment; onDetach(a: Attachment): void }) {
  const { t } = useTranslation();
  const view = useReceiptUi((s) => s.view);
  const gone = a.detachedAt !== null;
  return (
    <Group wrap="nowrap" gap="sm" data-testid={`attachment-${a.id}`} style={{ opacity: gone ? 0.6 : 1 }}>
      <ReceiptThumb teamId={teamId} attachment={a} size={48} onOpen={view} />
      <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
        <Text size="sm" fw={600} truncate title={a.fileName} td={gone ? 'line-through' : undefined}>
          {a.fileName}
        </Text>
        <Text size="xs" c="dimmed">
          {formatSize(a.size)} · {formatDate(a.attachedAt.slice(0, 10))}
          {gone && ` · ${t('receipts.detachedOn', { date: formatDate(a.detachedAt!.slice(0, 10)), reason: a.detachReason })}`}
        </Text>
      </Stack>
      <Group gap={4} wrap="nowrap">
        <Button size="compact-xs" variant="light" onClick={() => view(a)}>
          {t('receipts.open')}
        </Button>
        {canOpenWith() && (
          <Button
            size="compact-xs"
            variant="subtle"
            onClick={() =>
              void openWith(teamId, a).then(
                (r) => !r.ok && notifications.show({ color: 'red', title: t('errors.title'), message: r.message ?? t('errors.INTERNAL') }),
                notifyError,
              )
            }
          >
            {t('receipts.openWith')}
          </Button>
        )}
        <Button size="compact-xs" variant="subtle" onClick={() => void saveReceipt(teamId, a).catch(notifyError)}>
          {t('receipts.download')}
        </Button>
        {!gone && (
          <Button size="compact-xs" variant="subtle" color="red" onClick={() => onDetach(a)} aria-label={`${t('receipts.detach')}: ${a.fileName}`}>
            {t('receipts.detach')}
          </Button>
        )}
      </Group>
    </Group>
  );
}

function ReceiptPanel({ teamId }: { teamId: number }) {
  const { t } = useTranslation();
  const { panel, closePanel } = useReceiptUi();
  const { byExpense, byDecision, detach } = useReceiptsStore();
  const { attach, busy } = useAttach(teamId);
  const [over, setOver] = useState(false);
  const [showDetached, setShowDetached] = useState(false);
  const [detaching, setDetaching] = useState<Attachment | null>(null);
  const list = panel ? ((panel.kind === 'expense' ? byExpense : byDecision)[panel.recordId] ?? []) : [];
  const active = list.filter((a) => a.detachedAt === null);
  const detached = list.filter((a) => a.detachedAt !== null);
  return (
    <>
      <Modal opened={panel !== null} onClose={closePanel} title={panel ? t('receipts.panelTitle', { what: panel.label }) : ''} size="xl">
        <Stack>
          <Paper
            withBorder
            p="md"
            data-testid="receipt-dropzone"
            onDragOver={(e) => {
              if (!draggedFiles(e)) return;
              e.preventDefault();
              setOver(true);
            }}
            onDragLeave={() => setOver(false)}
            onDrop={(e) => {
              e.preventDefault();
              setOver(false);
              if (panel) void attach(panel.kind, panel.recordId, Array.from(e.dataTransfer.files));
            }}
            style={{ borderStyle: 'dashed', borderWidth: 2, background: over ? 'var(--mantine-color-blue-0)' : undefined }}
          >
            <Group justify="space-between" wrap="wrap">
              <Text size="sm" maw={520}>
                {t('receipts.dropHere')}
              </Text>
              <FileButton multiple accept={ACCEPT} onChange={(files) => panel && void attach(panel.kind, panel.recordId, files)}>
                {(props) => (
                  <Button {...props} loading={busy}>
                    {t('receipts.attachFiles')}
                  </Button>
                )}
              </FileButton>
            </Group>
          </Paper>
          {active.length === 0 ? <Text c="dimmed">{t('receipts.none')}</Text> : active.map((a) => <AttachmentRow key={a.id} teamId={teamId} a={a} onDetach={setDetaching} />)}
          {detached.length > 0 && (
            <Anchor component="button" type="button" size="sm" onClick={() => setShowDetached((v) => !v)}>
              {t('receipts.showDetached', { count: detached.length })}
            </Anchor>
          )}
          {showDetached && detached.map((a) => <AttachmentRow key={a.id} teamId={teamId} a={a} onDetach={setDetaching} />)}
        </Stack>
      </Modal>
      <ReasonModal
        opened={detaching !== null}
        title={t('receipts.detachTitle')}
        hint={t('receipts.detachHint')}
        confirmLabel={t('receipts.detach')}
        onClose={() => setDetaching(null)}
        onConfirm={async (reason) => {
          await detach(teamId, detaching!.id, reason);
          notifySaved(t('receipts.detached'));
        }}
      />
    </>
  );
}

/** The receipts panel and the viewer of the funds screens; mounted once per screen. */
export function ReceiptsHost({ teamId }: { teamId: number }) {
  const { viewer, closeViewer } = useReceiptUi();
  return (
    <>
      <ReceiptPanel teamId={teamId} />
      {viewer && (
        <Suspense fallback={null}>
          <ReceiptViewer key={viewer.id} teamId={teamId} attachment={viewer} onClose={closeViewer} />
        </Suspense>
      )}
    </>
  );
}
