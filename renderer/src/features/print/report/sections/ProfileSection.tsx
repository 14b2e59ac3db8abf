import { useTranslation } from 'react-i18next';
import type { ReportData } from '@api/report';
import { useNormVerdict } from '../../../team/useNormVerdict';
import { formatDecimal, formatInteger } from '../../../../ui/format';

export function ProfileSection({ data }: { data: ReportData }) {
  const { t } = useTranslation();
  const { team } = data;
  const norm = team.norm;
  const verdict = useNormVerdict()(norm);
  return (
    <section className="section keep" data-section="profile">
      <h2>{t('print.report.profile')}</h2>
      <div className="facts">
        <span className="muted">{t('team.fields.gemeenten')}</span>
        <span>{team.gemeenten.join(', ') || '—'}</span>
        <span className="muted">{t('team.fields.formationFte')}</span>
        <span>
          {formatDecimal(team.formationFte)}
          {team.formation.status !== 'ok' && <span className="signal"> — {t(`team.formation.${team.formation.status}`)}</span>}
        </span>
        <span className="muted">{t('team.fields.inhabitants')}</span>
        <span>{formatInteger(team.inhabitants)}</span>
        <span className="muted">{t('team.fields.areaKm2')}</span>
        <span>{formatDecimal(team.areaKm2)}</span>
        <span className="muted">{t('team.norm.title')}</span>
        <span data-testid="report-norm">
          {t('team.norm.needed')} {formatInteger(norm.needed)} · {t('team.norm.present')} {formatInteger(norm.present)} ·{' '}
          <span className="signal">{verdict}</span>
        </span>
      </div>
    </section>
  );
}
