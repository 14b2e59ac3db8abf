import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The footer of every dialog form: cancel, then save (the submit button, busy while saving). */
export function FormActions({ onCancel, busy, saveLabel }: { onCancel(): void; busy: boolean; saveLabel?: string }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={busy}>
        {saveLabel ?? t('common.save')}
      </Button>
    </Group>
  );
}
