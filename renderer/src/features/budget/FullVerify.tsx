import { Alert, Button, Group, List, Progress, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditVerifyJob, AuditVerifyStatus } from '@api/audit';
import { call } from '../../shared/api';
import { notifyError } from '../../shared/errors';
import { formatDateTime, formatDecimal, formatInteger } from '../../ui/format';

/** How often the screen asks for the progress of a running verification. */
const POLL_MS = 150;

const percent = (job: AuditVerifyJob) => (job.total > 0 ? Math.min(100, Math.floor((job.done / job.total) * 100)) : 0);

/**
 * The full audit verification: it runs in the core's worker threads, so the screen stays usable;
 * the screen asks for its progress until it ends. Beside the button, the last completed
 * verification (kept in the store). A cancelled run leaves that as it was.
 */
export function FullVerify({ teamId }: { teamId: number }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<AuditVerifyStatus | null>(null);
  // The job started or watched on this screen: its end (done, cancelled, failed) is told here.
  const [watched, setWatched] = useState<number | null>(null);

  useEffect(() => {
    let live = true;
    // A verification still running from an earlier visit is shown again with its progress.
    call('audit.verifyStatus', { teamId })
      .then((s) => {
        if (!live) return;
        if (s.job?.state === 'running') setWatched(s.job.id);
        setStatus(s);
      })
      .catch(notifyError);
    return () => {
      live = false;
    };
  }, [teamId]);

  // While a verification runs: ask again shortly. An answer that arrives after the status moved on is dropped.
  useEffect(() => {
    if (status?.job?.state !== 'running') return;
    let live = true;
    const timer = setTimeout(() => {
      call('audit.verifyStatus', { teamId })
        .then((s) => live && setStatus(s))
        .catch(notifyError);
    }, POLL_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [status, teamId]);

  const start = () => {
    call('audit.verifyStart', { teamId })
      .then((s) => {
        setWatched(s.job?.id ?? null);
        setStatus(s);
      })
      .catch(notifyError);
  };
  const cancel = () => {
    call('audit.verifyCancel', { teamId }).then(setStatus).catch(notifyError);
  };

  const job = status?.job ?? null;
  const last = status?.last ?? null;
  const running = job?.state === 'running';
  const ended = job && job.id === watched && !running ? job.state : null;
  return (
    <Stack gap="xs">
      <Group gap="sm" align="center" wrap="wrap">
        <Button variant="outline" onClick={start} disabled={running}>
          {t('budget.overview.verify')}
        </Button>
        {status && (
          <Text size="sm" c="dimmed" data-testid="verify-last">
            {last
              ? t(last.ok ? 'budget.overview.verifyLastOk' : 'budget.overview.verifyLastFailed', {
                  when: formatDateTime(last.at),
                  records: formatInteger(last.records),
                  problems: formatInteger(last.problemCount),
                  seconds: formatDecimal(Math.max(0.1, Math.round(last.ms / 100) / 10)),
                })
              : t('budget.overview.verifyNever')}
          </Text>
        )}
      </Group>
      {running && job && (
        <Group gap="sm" align="center" wrap="nowrap" data-testid="verify-progress">
          <Progress
            value={percent(job)}
            style={{ flex: 1 }}
            aria-label={t('budget.overview.verifyProgress')}
            transitionDuration={0}
          />
          <Text size="sm" className="tc-nowrap">
            {t('budget.overview.verifyDone', { percent: percent(job) })}
          </Text>
          <Button variant="default" size="xs" onClick={cancel}>
            {t('budget.overview.verifyCancel')}
          </Button>
        </Group>
      )}
      {ended === 'cancelled' && (
        <Text size="sm" role="status" data-testid="verify-cancelled">
          {t('budget.overview.verifyCancelled')}
        </Text>
      )}
      {ended === 'failed' && (
        <Alert color="red" role="status" data-testid="verify-failed">
          {t('budget.overview.verifyNotRun')}
        </Alert>
      )}
      {ended === 'done' && last && (
        <Alert color={last.ok ? 'green' : 'red'} role="status" data-testid="verify-result">
          {last.ok ? (
            t('budget.overview.verifyOk', { records: formatInteger(last.records) })
          ) : (
            <>
              {t('budget.overview.verifyFailed')}
              <List size="sm">
                {last.problems.slice(0, 20).map((p, i) => (
                  <List.Item key={i}>{p.message}</List.Item>
                ))}
              </List>
              {last.problemCount > 20 && t('budget.overview.verifyMore', { count: last.problemCount - 20 })}
            </>
          )}
        </Alert>
      )}
    </Stack>
  );
}
