import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { parseReportQuery, type ReportData } from '@api/report';
import { call } from '../../../shared/api';
import { describeError } from '../../../shared/errors';
import { ReportView } from './ReportView';
import { DistrictView } from './DistrictView';
import type { DistrictOverview } from '@api/district';
import { isRealIsoDate } from '@api/schemas';
import { localIsoDate } from '@api/dates';

/** Every chart that has data has drawn its svg (recharts renders its surface after a layout pass). */
const chartsDrawn = () =>
  [...document.querySelectorAll<HTMLElement>('figure[data-chart]')].every(
    (f) => f.dataset.points === '0' || f.querySelector('svg.recharts-surface') !== null,
  );

/** Sets the flag the print window (and the tests) wait for: data loaded and charts drawn. */
function markReady(state: 'true' | 'error', frames = 0) {
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      if (state === 'true' && !chartsDrawn() && frames < 120) markReady(state, frames + 1);
      else document.documentElement.dataset.reportReady = state;
    }),
  );
}

/** The standalone report route that the print window loads: `#/report?team=…&from=…`, or `?kind=district&from=…&to=…`. */
export default function ReportPage() {
  const { search } = useLocation();
  return new URLSearchParams(search).get('kind') === 'district' ? <DistrictReport search={search} /> : <TeamReport search={search} />;
}

/** The district overview on paper, for the period in the query. */
function DistrictReport({ search }: { search: string }) {
  const { t } = useTranslation();
  const [data, setData] = useState<{ overview: DistrictOverview; at: string } | null>(null);
  const [failed, setError] = useState<string | null>(null);
  const q = new URLSearchParams(search);
  const from = q.get('from') ?? '';
  const to = q.get('to') ?? '';
  const valid = isRealIsoDate(from) && isRealIsoDate(to);
  const error = valid ? failed : t('print.report.invalid');
  useEffect(() => {
    delete document.documentElement.dataset.reportReady;
    if (!valid) {
      markReady('error');
      return;
    }
    call('district.overview', { from, to })
      .then((overview) => setData({ overview, at: localIsoDate(new Date()) }))
      .catch((err) => {
        setError(describeError(err));
        markReady('error');
      });
  }, [from, to, valid]);
  useEffect(() => {
    if (data) markReady('true');
  }, [data]);
  if (error) return <p role="alert">{error}</p>;
  if (!data) return <p aria-busy="true">{t('print.report.loading')}</p>;
  return (
    <main id="main">
      <DistrictView data={data.overview} printedAt={data.at} />
    </main>
  );
}

function TeamReport({ search }: { search: string }) {
  const { t } = useTranslation();
  const [data, setData] = useState<ReportData | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const options = useMemo(() => parseReportQuery(search), [search]);
  const error = options ? failure : t('print.report.invalid');

  useEffect(() => {
    delete document.documentElement.dataset.reportReady;
    if (!options) {
      markReady('error');
      return;
    }
    call('report.get', options)
      .then(setData)
      .catch((err) => {
        setFailure(describeError(err));
        markReady('error');
      });
  }, [options]);

  useEffect(() => {
    if (data) markReady('true');
  }, [data]);

  if (error) return <p role="alert">{error}</p>;
  if (!data) return <p aria-busy="true">{t('print.report.loading')}</p>;
  return (
    <main id="main">
      <ReportView data={data} />
    </main>
  );
}
