import { Alert, List, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditRecentStatus } from '@api/audit';
import { call, onAction } from '../../shared/api';
import { useActiveTeam } from '../team/store';

const SHOWN = 5;

/**
 * The core checks what every change added to the audit trail, after the change has been answered.
 * This asks for that check's result when the shell opens and after every action, and shows a
 * finding above every screen until a later check finds the trail sound again.
 */
export function RecentAuditAlert() {
  const { t } = useTranslation();
  const teamId = useActiveTeam()?.id ?? null;
  const [status, setStatus] = useState<AuditRecentStatus | null>(null);
  useEffect(() => {
    if (teamId === null) return;
    let live = true;
    const ask = () =>
      void call('audit.recentStatus', { teamId })
        .then((s) => live && setStatus(s))
        .catch(() => undefined);
    ask();
    const stop = onAction(ask);
    return () => {
      live = false;
      stop();
    };
  }, [teamId]);
  if (!status || status.ok) return null;
  return (
    <Alert color="red" role="alert" title={t('audit.recentTitle')} mb="md" data-testid="recent-audit-problem">
      <Text size="sm" mb="xs">
        {t('audit.recentIntro', { funds: t('budget.title') })}
      </Text>
      <List size="sm">
        {status.problems.slice(0, SHOWN).map((p, i) => (
          <List.Item key={i}>{p.message}</List.Item>
        ))}
      </List>
      {status.problems.length > SHOWN && <Text size="sm">{t('audit.recentMore', { count: status.problems.length - SHOWN })}</Text>}
    </Alert>
  );
}
