import { Alert, Button, Checkbox, Group, Loader, MultiSelect, Paper, SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChosenOpgave } from '@api/agenda';
import { formatDate } from '../../ui/format';
import { REPORT_SECTIONS, ReportOptions, reportQuery, type ReportData, type ReportKind, type ReportSection } from '@api/report';
import { call } from '../../shared/api';
import { notifyError, notifySaved } from '../../shared/errors';
import { translateValidation } from '../../i18n';
import { PageHeader } from '../../ui/PageHeader';
import { useActiveTeam } from '../team/store';
import { printCall } from './print-bridge';
import { ExportBundleButton } from '../district/ExportBundleButton';
import { localIsoDate } from '@api/dates';
import { resolvePeriod, type PeriodChoice } from '@api/period';
import { IsoDateField } from '../../ui/DateField';
import { useReadyMark } from '../../ui/ready';

const ReportView = lazy(() => import('./report/ReportView').then((m) => ({ default: m.ReportView })));

type Preset = 'year' | 'lastYear' | 'quarter';
/** The presets as the period rule of the dashboard reads them (electron/api/period.ts). */
function presetRange(preset: Preset): [string, string] {
  const today = localIsoDate(new Date());
  const year = Number(today.slice(0, 4));
  const choice: PeriodChoice = preset === 'quarter' ? { kind: 'quarter' } : { kind: 'year', year: preset === 'lastYear' ? year - 1 : year };
  const { from, to } = resolvePeriod(choice, today);
  return [from, to];
}

/** Choose period and sections, see the paper, print or save as PDF (through the Electron shell). */
export function PrintPage() {
  const { t, i18n } = useTranslation();
  const team = useActiveTeam();
  const [kind, setKind] = useState<ReportKind>('full');
  const [[from, to], setRange] = useState(() => presetRange('year'));
  const [sections, setSections] = useState<ReportSection[]>([...REPORT_SECTIONS]);
  const [picked, setPicked] = useState<string[]>([]);
  const [chosen, setChosen] = useState<ChosenOpgave[] | null>(null);
  // The paper is drawn when asked for: nine charts and every table of the period are too much to
  // draw on every visit of a screen that is mostly about choosing what to print.
  const [previewShown, setPreviewShown] = useState(false);
  const [loaded, setLoaded] = useState<{ options: ReportOptions; data: ReportData } | null>(null);
  const [busy, setBusy] = useState(false);

  const teamId = team?.id;
  useEffect(() => {
    if (teamId === undefined) return;
    let current = true;
    call('agenda.list', { teamId, includeArchived: false })
      .then((list) => current && setChosen(list))
      .catch((err) => current && notifyError(err));
    return () => {
      current = false;
    };
  }, [teamId]);

  /** The chosen opgaven whose period overlaps the report's period: the ones the report can show. */
  const opgaveChoices = useMemo(
    () =>
      (chosen ?? [])
        .filter((c) => c.periodStart <= to && c.periodEnd >= from)
        .map((c) => ({
          value: String(c.id),
          label: `${i18n.language === 'en' ? c.titleEn : c.titleNl} (${formatDate(c.periodStart)} – ${formatDate(c.periodEnd)})`,
        })),
    [chosen, from, to, i18n.language],
  );
  const pickedInPeriod = useMemo(() => picked.filter((id) => opgaveChoices.some((c) => c.value === id)), [picked, opgaveChoices]);

  const parsed = useMemo(
    () => (team ? ReportOptions.safeParse({ teamId: team.id, kind, from, to, sections, opgaven: pickedInPeriod.map(Number) }) : null),
    [team, kind, from, to, sections, pickedInPeriod],
  );
  const options = parsed?.success ? parsed.data : null;
  const problem = parsed && !parsed.success ? translateValidation(parsed.error.issues[0]?.message ?? '') : null;

  useEffect(() => {
    if (!options || !previewShown) return;
    let current = true;
    call('report.get', options)
      .then((data) => current && setLoaded({ options, data }))
      .catch((err) => current && notifyError(err));
    return () => {
      current = false;
    };
  }, [options, previewShown]);
  const data = loaded && loaded.options === options ? loaded.data : null;

  const mark = useReadyMark(chosen !== null && (!previewShown || !options || data !== null));
  if (!team) return null;

  const run = async (action: 'print' | 'savePdf') => {
    if (!options) return;
    setBusy(true);
    try {
      const query = reportQuery(options);
      const fileName = `${team.name} ${kind === 'driehoek' ? 'driehoek' : 'voortgang'} ${from} tot ${to}.pdf`.replace(/[\\/:*?"<>|]/g, '-');
      const result = await printCall((shell) => (action === 'print' ? shell.print(query) : shell.savePdf(query, fileName)));
      if (result.status === 'cancelled') notifySaved(t('print.cancelled'));
      else notifySaved(action === 'print' ? t('print.printed') : t('print.savedPdf', { file: result.file ?? fileName }));
    } catch (err) {
      notifyError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack ref={mark} data-screen="print">
      <PageHeader
        title={t('print.title')}
        actions={
          <>
            <Button onClick={() => void run('print')} disabled={!options} loading={busy}>
              {t('print.print')}
            </Button>
            <Button variant="light" onClick={() => void run('savePdf')} disabled={!options} loading={busy}>
              {t('print.savePdf')}
            </Button>
            <ExportBundleButton teamId={team.id} from={from} to={to} disabled={!options} />
          </>
        }
      />
      <Text>{t('print.intro')}</Text>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <SegmentedControl
            aria-label={t('print.kind')}
            value={kind}
            onChange={(v) => setKind(v)}
            data={[
              { value: 'full', label: t('print.kindFull') },
              { value: 'driehoek', label: t('print.kindDriehoek') },
            ]}
          />
          <Group gap="xs" aria-label={t('print.presets')} role="group">
            <Button size="xs" variant="default" onClick={() => setRange(presetRange('year'))}>
              {t('print.presetYear')}
            </Button>
            <Button size="xs" variant="default" onClick={() => setRange(presetRange('quarter'))}>
              {t('print.presetQuarter')}
            </Button>
            <Button size="xs" variant="default" onClick={() => setRange(presetRange('lastYear'))}>
              {t('print.presetLastYear')}
            </Button>
          </Group>
          <SimpleGrid cols={2} maw={480}>
            <IsoDateField label={t('print.from')} value={from} onChange={(iso) => setRange([iso, to])} w={170} />
            <IsoDateField label={t('print.to')} value={to} onChange={(iso) => setRange([from, iso])} w={170} />
          </SimpleGrid>
          <Checkbox.Group label={t('print.sections')} value={sections} onChange={(v) => setSections(v)}>
            <Group mt={4}>
              {REPORT_SECTIONS.map((s) => (
                <Checkbox key={s} value={s} label={t(`print.section.${s}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <MultiSelect
            label={t('print.opgaven')}
            description={t('print.opgavenHint')}
            placeholder={pickedInPeriod.length ? undefined : t('print.opgavenPlaceholder')}
            data={opgaveChoices}
            value={pickedInPeriod}
            onChange={setPicked}
            clearable
            searchable
            maw={640}
          />
          {problem && (
            <Alert color="red" role="alert">
              {problem}
            </Alert>
          )}
        </Stack>
      </Paper>
      <Group justify="space-between">
        <Text fw={600}>{t('print.preview')}</Text>
        <Button
          variant="default"
          data-testid="preview-toggle"
          aria-expanded={previewShown}
          aria-controls={previewShown ? 'report-preview' : undefined}
          onClick={() => setPreviewShown((v) => !v)}
        >
          {previewShown ? t('print.previewHide') : t('print.previewShow')}
        </Button>
      </Group>
      {!previewShown ? (
        <Text c="dimmed" data-testid="preview-hint">
          {t('print.previewHint')}
        </Text>
      ) : (
        // The sheet keeps its paper width; on a narrow window it scrolls inside this box, not the page.
        <div
          id="report-preview"
          className="report-preview tc-scroll-region"
          data-testid="report-preview"
          data-scroll-region
          role="region"
          aria-label={t('print.preview')}
          tabIndex={0}
          style={{ overflowX: 'auto' }}
        >
          <Suspense fallback={<Loader role="status" aria-label={t('print.report.loading')} />}>
            {data && options ? <ReportView data={data} /> : <Loader role="status" aria-label={t('print.report.loading')} />}
          </Suspense>
        </div>
      )}
    </Stack>
  );
}

