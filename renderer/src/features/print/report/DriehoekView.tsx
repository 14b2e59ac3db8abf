import { useTranslation } from 'react-i18next';
import type { ReportData } from '@api/report';
import { formatDate, formatInteger } from '../../../ui/format';
import { MoneyTotals } from './sections/BudgetSection';
import { useNormVerdict } from '../../team/useNormVerdict';
import { useOpgaveTitle } from './sections/OpgavenSection';
import { TitleBlock } from './sections/TitleBlock';

/** Opgaven lines that always fit; more (several periods in one range) are counted, not listed. */
const MAX_LINES = 10;

/**
 * The one-page summary for the lokale driehoek. Built to fit one A4 page whatever the data: every
 * opgave on one line, texts cut with an ellipsis, blockers at most two lines each, and the whole
 * page clipped to the printable height rather than spilling onto a second sheet.
 */
export function DriehoekView({ data }: { data: ReportData }) {
  const { t } = useTranslation();
  const verdict = useNormVerdict();
  const titleOf = useOpgaveTitle();
  const d = data.driehoek;
  if (!d) return null;
  const years = d.money.years.length === 1 ? String(d.money.years[0]) : `${d.money.years[0]}–${d.money.years.at(-1)}`;
  return (
    <div className="driehoek" data-testid="driehoek">
      <TitleBlock data={data} />
      <section className="d-block">
        <h2>{t('print.report.teamStatus')}</h2>
        <div className="facts">
          <span className="muted">{t('team.norm.title')}</span>
          <span className="one-line">
            {t('team.norm.needed')} {formatInteger(data.team.norm.needed)} · {t('team.norm.present')} {formatInteger(data.team.norm.present)} ·{' '}
            <span className="signal">{verdict(data.team.norm)}</span>
          </span>
          <span className="muted">{t('print.report.overall')}</span>
          <span className="one-line">
            <span className="signal">{t(`progress.status.${data.overall}`)}</span>{' '}
            <span className="muted">({t('print.report.asOf', { date: formatDate(data.asOf) })})</span>
          </span>
        </div>
      </section>
      <section className="d-block">
        <h2>{t('print.report.opgaven')}</h2>
        {d.opgaven.length === 0 ? (
          <p className="muted">{t('print.report.noOpgaven')}</p>
        ) : (
          <table className="d-opgaven">
            <colgroup>
              <col style={{ width: '40%' }} />
              <col style={{ width: '16%' }} />
              <col style={{ width: '11%' }} />
              <col style={{ width: '33%' }} />
            </colgroup>
            <thead>
              <tr>
                <th>{t('agenda.columns.opgave')}</th>
                <th>{t('agenda.columns.status')}</th>
                <th className="num">{t('print.report.progress')}</th>
                <th>{t('print.report.summary')}</th>
              </tr>
            </thead>
            <tbody>
              {d.opgaven.slice(0, MAX_LINES).map((o) => (
                <tr key={o.teamOpgaveId} data-opgave={o.teamOpgaveId}>
                  <td className="ellipsis">{titleOf(o)}</td>
                  <td className="nowrap">{t(`progress.status.${o.status ?? 'geen-gegevens'}`)}</td>
                  <td className="num">{o.progress === null ? '—' : `${o.progress}%`}</td>
                  <td className="ellipsis">{o.sentence || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {d.opgaven.length > MAX_LINES && <p className="muted">{t('print.report.moreOpgaven', { count: d.opgaven.length - MAX_LINES })}</p>}
      </section>
      <section className="d-block">
        <h2>{t('print.report.moneyOf', { years })}</h2>
        <MoneyTotals totals={d.money} testId="driehoek-money" />
      </section>
      <section className="d-block">
        <h2>{t('print.report.topBlockers')}</h2>
        {d.blockers.length === 0 ? (
          <p className="muted">{t('print.report.noBlockers')}</p>
        ) : (
          <ol className="d-blockers">
            {d.blockers.map((b) => (
              <li key={b.teamOpgaveId}>
                <strong>{titleOf(b)}</strong> <span className="muted">({formatDate(b.date)})</span>
                <span className="clamp2">{b.text}</span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
