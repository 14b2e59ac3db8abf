import { useTranslation } from 'react-i18next';
import type { ReportData } from '@api/report';
import { useNormVerdict } from '../../../team/useNormVerdict';
import { formatDate, formatDecimal, formatInteger } from '../../../../ui/format';

export function ClustersSection({ data }: { data: ReportData }) {
  const { t } = useTranslation();
  const verdict = useNormVerdict();
  const c = data.clusters;
  return (
    <section className="section" data-section="clusters">
      <h2>{t('print.report.clusters')}</h2>
      <p className="muted">{t('print.report.clustersOn', { date: formatDate(c.date) })}</p>
      {c.clusters.length === 0 ? (
        <p className="muted">{t('print.report.noClusters')}</p>
      ) : (
        <table className="clusters">
          <thead>
            <tr>
              <th>{t('print.report.cluster')}</th>
              <th>{t('print.report.lead')}</th>
              <th className="num">{t('team.fields.inhabitants')}</th>
              <th className="num">{t('print.report.fte')}</th>
              <th className="num">{t('team.fields.wijkagenten')}</th>
              <th className="num">{t('team.norm.needed')}</th>
              <th>{t('team.norm.title')}</th>
            </tr>
          </thead>
          <tbody>
            {c.clusters.map((k) => (
              <tr key={k.id} data-cluster={k.id}>
                <td>{k.name}</td>
                <td>{k.lead || '—'}</td>
                <td className="num">{formatInteger(k.inhabitants)}</td>
                <td className="num">{formatDecimal(k.fte)}</td>
                <td className="num">{formatInteger(k.wijkagenten)}</td>
                <td className="num">{formatInteger(k.norm.needed)}</td>
                <td className={k.norm.status === 'short' ? 'signal nowrap' : 'nowrap'}>{verdict(k.norm)}</td>
              </tr>
            ))}
            <tr className="sum">
              <td>{t('print.report.clustersTotal')}</td>
              <td />
              <td className="num">{formatInteger(c.sum.inhabitants)}</td>
              <td className="num">{formatDecimal(c.sum.fte)}</td>
              <td className="num">{formatInteger(c.sum.wijkagenten)}</td>
              <td className="num">{formatInteger(c.norm.needed)}</td>
              <td className={c.norm.status === 'short' ? 'signal nowrap' : 'nowrap'}>{verdict(c.norm)}</td>
            </tr>
            <tr className="muted">
              <td>{t('print.report.teamProfile')}</td>
              <td />
              <td className="num">{formatInteger(c.team.inhabitants)}</td>
              <td className="num">{formatDecimal(c.team.fte)}</td>
              <td className="num">{formatInteger(c.team.wijkagenten)}</td>
              <td />
              <td />
            </tr>
          </tbody>
        </table>
      )}
    </section>
  );
}
