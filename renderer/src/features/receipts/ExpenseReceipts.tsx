import { ActionIcon, Badge, Group, Text, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Expense } from '@api/budget';
import type { Attachment } from '@api/receipts';
import { formatMoney } from '../../ui/format';
import { useAttach } from './ReceiptsHost';
import { ReceiptThumb } from './ReceiptThumb';
import { activeOf } from './store';
import { draggedFiles, useReceiptUi } from './ui';

/** The rule of the core's "bon ontbreekt": a pinpas payment that counts, without an attached file. */
export const isMissingReceipt = (e: Expense, attachments: Attachment[] | undefined): boolean =>
  e.paymentMethod === 'debitcard' && e.state === 'actief' && activeOf(attachments).length === 0;

const rowLabel = (e: Expense) => `${e.payee} ${formatMoney(e.amountCents)}`;

/** Thumbnails of an expense's receipts, "Bon ontbreekt" for a pinpas payment without one, and the way to add one. */
export function ExpenseReceiptCell({ teamId, expense, attachments }: { teamId: number; expense: Expense; attachments: Attachment[] | undefined }) {
  const { t } = useTranslation();
  const { openPanel, view } = useReceiptUi();
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
      <ActionIcon
        variant="subtle"
        size="sm"
        onClick={() => openPanel('expense', expense.id, rowLabel(expense))}
        aria-label={`${t('receipts.attach')}: ${rowLabel(expense)}`}
        title={t('receipts.attach')}
      >
        <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
          <path d="M21.4 11.1l-9.2 9.2a6 6 0 0 1-8.5-8.5l9.2-9.2a4 4 0 0 1 5.7 5.7l-9.2 9.2a2 2 0 0 1-2.8-2.8l8.5-8.5" />
        </svg>
      </ActionIcon>
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
