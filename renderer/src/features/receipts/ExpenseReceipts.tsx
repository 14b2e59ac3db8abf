import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Expense } from '@api/budget';
import type { Attachment } from '@api/receipts';
import { useAttach } from './ReceiptsHost';
import { ReceiptThumb } from './ReceiptThumb';
import { activeOf } from './store';
import { draggedFiles, useReceiptUi } from './ui';

/** The rule of the core's "bon ontbreekt": a pinpas payment that counts, without an attached file. */
export const isMissingReceipt = (e: Expense, attachments: Attachment[] | undefined): boolean =>
  e.paymentMethod === 'debitcard' && e.state === 'actief' && activeOf(attachments).length === 0;

/** Thumbnails of an expense's receipts and "Bon ontbreekt" for a pinpas payment without one; adding one is in the row's actions. */
export function ExpenseReceiptCell({ teamId, expense, attachments }: { teamId: number; expense: Expense; attachments: Attachment[] | undefined }) {
  const { t } = useTranslation();
  const view = useReceiptUi((s) => s.view);
  const active = activeOf(attachments);
  const missing = isMissingReceipt(expense, attachments);
  const shown = active.slice(0, 2);
  return (
    <Group gap={4} wrap="nowrap" data-testid={`receipts-${expense.id}`} data-count={active.length} data-missing={missing || undefined}>
      {shown.map((a) => (
        <ReceiptThumb key={a.id} teamId={teamId} attachment={a} onOpen={view} />
      ))}
      {active.length > shown.length && (
        <Text size="xs" c="dimmed">
          +{active.length - shown.length}
        </Text>
      )}
      {missing && (
        <Tooltip label={t('receipts.missingHint')}>
          <Badge color="orange" variant="light" size="xs" px={4} data-testid={`missing-${expense.id}`}>
            {t('receipts.missing')}
          </Badge>
        </Tooltip>
      )}
    </Group>
  );
}

/** Dropping files on an expense's row attaches them to that expense. */
export function useRowDrop(teamId: number) {
  const { attach } = useAttach(teamId);
  const [overId, setOverId] = useState<number | null>(null);
  return {
    overId,
    props: (e: Expense) => ({
      onDragOver: (ev: React.DragEvent) => {
        if (!draggedFiles(ev)) return;
        ev.preventDefault();
        ev.dataTransfer.dropEffect = 'copy';
        if (overId !== e.id) setOverId(e.id);
      },
      onDragLeave: () => setOverId((id) => (id === e.id ? null : id)),
      onDrop: (ev: React.DragEvent) => {
        if (!draggedFiles(ev)) return;
        ev.preventDefault();
        setOverId(null);
        void attach('expense', e.id, Array.from(ev.dataTransfer.files));
      },
    }),
  };
}
