import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, fieldErrorsOf } from '../../shared/errors';

interface Props {
  opened: boolean;
  title: string;
  hint?: string;
  label?: string;
  confirmLabel: string;
  onClose(): void;
  /** Runs the action with the typed reason; a refusal keeps the modal open with the message. */
  onConfirm(reason: string): Promise<unknown>;
}

/** Asks for the reason that goes with an action that cannot be undone (reverse, void, withdraw, over budget). */
export function ReasonModal({ opened, title, hint, label, confirmLabel, onClose, onConfirm }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => {
    setReason('');
    setError(null);
    onClose();
  };
  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm(reason);
      close();
    } catch (err) {
      setError(Object.values(fieldErrorsOf(err) ?? {})[0] ?? describeError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={opened} onClose={close} title={title}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void confirm();
        }}
      >
        <Stack>
          {hint && <Text size="sm">{hint}</Text>}
          <Textarea label={label ?? t('budget.reasonTitle')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={error} autosize minRows={2} data-autofocus withAsterisk />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
