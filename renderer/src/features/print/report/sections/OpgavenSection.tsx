import { useTranslation } from 'react-i18next';
import type { ReportData, ReportOpgave } from '@api/report';
import { formatDate } from '../../../../ui/format';
import { ProgressChart } from '../charts';

export const useOpgaveTitle = () => {
  const { i18n } = useTranslation();
  return (o: { titleNl: string; titleEn: string }) => (i18n.language === 'en' ? o.titleEn : o.titleNl);
};

function Note({ label, text }: { label: string; text: string }) {
  return (
    <div className="note">
      <span className="note-label">{label}</span> {text || '—'}
    </div>
  );
}

/** One chosen opgave: never split across pages (the block is kept whole). */
function OpgaveBlock({ o, from, to }: { o: ReportOpgave; from: string; to: string }) {
  const { t } = useTranslation();
  const titleOf = useOpgaveTitle();
  const title = titleOf(o);
  const status = t(`progress.status.${o.status ?? 'geen-gegevens'}`);
  return (
    <section className="opgave keep" data-opgave={o.teamOpgaveId}>
      <h3>{title}</h3>
      <div className="opgave-facts">
        <span>
          <span className="muted">{t('print.report.kind')}</span> {t(`print.report.kinds.${o.kind}`)}
        </span>
        <span>
          <span className="muted">{t('agenda.columns.owner')}</span> {o.owner || '—'}
        </span>
        <span>
          <span className="muted">{t('agenda.columns.status')}</span> {t(`agenda.status.${o.agendaStatus}`)}
        </span>
        <span>
          <span className="muted">{t('print.report.checkinStatus')}</span> <span className="signal">{status}</span>
          {o.progress !== null && ` · ${o.progress}%`}
        </span>
      </div>
      <p className="ambition">
        <span className="note-label">{t('print.report.ambition')}</span> {o.ambition || '—'}
      </p>
      <div className="opgave-body">
        <ProgressChart opgave={o} from={from} to={to} title={t('print.report.chartTitle', { title })} />
        <div className="latest">
          <div className="latest-head">
            {o.latest ? t('print.report.latestOn', { date: formatDate(o.latest.date) }) : t('print.report.noCheckins')}
            {o.checkinOverdue && <span className="signal"> · {t('print.report.checkinOverdue')}</span>}
          </div>
          {o.latest && (
            <>
              <Note label={t('print.report.wentWell')} text={o.latest.wentWell} />
              <Note label={t('print.report.nextSteps')} text={o.latest.nextSteps} />
              <Note label={t('print.report.blockers')} text={o.latest.blockers} />
            </>
          )}
        </div>
      </div>
      <div className="actions-line">
        {t('print.report.actionsCount', { done: o.actions.done, open: o.actions.open })}
        {o.actions.overdue > 0 && <span className="signal"> · {t('print.report.actionsOverdue', { count: o.actions.overdue })}</span>}
      </div>
      {o.actions.openList.length > 0 && (
        <table className="compact">
          <thead>
            <tr>
              <th>{t('print.report.openActions')}</th>
              <th>{t('agenda.columns.owner')}</th>
              <th>{t('agenda.columns.status')}</th>
              <th className="num">{t('agenda.columns.due')}</th>
            </tr>
          </thead>
          <tbody>
            {o.actions.openList.map((a) => (
              <tr key={a.id}>
                <td>{a.title}</td>
                <td>{a.owner || '—'}</td>
                <td>{t(`agenda.actionStatus.${a.status}`)}</td>
                <td className="num">
                  {a.dueDate ? formatDate(a.dueDate) : '—'}
                  {a.overdue && <span className="signal"> !</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function OpgavenSection({ data }: { data: ReportData }) {
  const { t } = useTranslation();
  return (
    <section className="section" data-section="opgaven">
      <h2>{t('print.report.opgaven')}</h2>
      <p>
        {t('print.report.overall')}: <span className="signal">{t(`progress.status.${data.overall}`)}</span>{' '}
        <span className="muted">({t('print.report.asOf', { date: formatDate(data.asOf) })})</span>
      </p>
      {data.opgaven.length === 0 ? (
        <p className="muted">{t('print.report.noOpgaven')}</p>
      ) : (
        data.opgaven.map((o) => <OpgaveBlock key={o.teamOpgaveId} o={o} from={data.options.from} to={data.options.to} />)
      )}
    </section>
  );
}
