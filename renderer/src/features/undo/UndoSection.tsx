import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UndoAction } from '@api/undo';
import { formatDateTime } from '../../ui/format';
import { describe, requestUndo } from './controller';
import { useUndoStore } from './store';

/** Settings: the team's last 50 actions, from which the chief undoes the newest ones in order. */
export function UndoSection() {
  const { t } = useTranslation();
  const state = useUndoStore((s) => s.state);
  const busy = useUndoStore((s) => s.busy);
  const actions = state?.actions ?? [];
  const stateText = (a: UndoAction) => (a.state === 'barrier' ? t('undo.stateBarrier') : a.state === 'undone' ? t('undo.stateUndone') : t('undo.stateDone'));
  // Only the actions newer than the first barrier can be undone.
  const barrierAt = actions.findIndex((a) => a.state === 'barrier');
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="undo-list-title" aria-busy={state === null}>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h3" id="undo-list-title">
          {t('undo.listTitle')}
        </Title>
        <Group gap="xs">
          <Button variant="default" disabled={!state?.nextUndo || busy} onClick={() => void requestUndo('undo')}>
            {t('undo.undo')}
          </Button>
          <Button variant="default" disabled={!state?.nextRedo || busy} onClick={() => void requestUndo('redo')}>
            {t('undo.redo')}
          </Button>
        </Group>
      </Group>
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {t('undo.listIntro')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('undo.shortcutHint')}
        </Text>
        {actions.length === 0 ? (
          <Text size="sm">{t('undo.listEmpty')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={560} mah={420}>
            <Table striped aria-labelledby="undo-list-title" data-testid="undo-list">
              <Table.Tbody>
                {actions.map((a, i) => (
                  <Table.Tr key={a.id} data-state={a.state}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Text size="xs" c="dimmed">
                        {formatDateTime(a.createdAt)}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ wordBreak: 'break-word' }}>
                      <Text size="sm" td={a.state === 'undone' ? 'line-through' : undefined}>
                        {describe(a)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={a.state === 'done' ? 'green' : 'gray'}>
                        {stateText(a)}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="right">
                      {a.state === 'done' && (barrierAt === -1 || i < barrierAt) && (
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          disabled={busy}
                          aria-label={t('undo.undoThroughLabel', { description: describe(a) })}
                          onClick={() => void requestUndo('undo', a.id)}
                        >
                          {t('undo.undoThrough')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
