import { useTranslation } from 'react-i18next';
import type { ReportData } from '@api/report';
import { formatDate } from '../../../../ui/format';
import { useMonths } from '../../../../ui/months';
import { Name } from '../../../../ui/NoBreak';

export function TitleBlock({ data }: { data: ReportData }) {
  const { t } = useTranslation();
  const months = useMonths();
  const { team, options, generatedAt, auditHead } = data;
  const at = new Date(generatedAt);
  const time = `${formatDate(generatedAt.slice(0, 10))} ${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
  return (
    <header className="title-block keep">
      <h1 data-testid="report-title">
        {options.kind === 'driehoek' ? t('print.report.titleDriehoek') : t('print.report.titleFull')} — <Name text={team.name} />
      </h1>
      <div className="title-grid">
        <span className="muted">{t('team.fields.eenheid')}</span>
        <span>
          {t(`eenheid.${team.eenheid}`)}
          {team.district ? ` · ${t('team.fields.district')} ${team.district}` : ''}
        </span>
        <span className="muted">{t('print.report.period')}</span>
        <span data-testid="report-period">
          {months.dateLong(options.from)} – {months.dateLong(options.to)}
        </span>
        <span className="muted">{t('print.report.dataAsOf')}</span>
        <span>{time}</span>
        <span className="muted">{t('print.report.auditHead')}</span>
        <span data-testid="report-audit-head">{auditHead ?? t('print.report.auditNone')}</span>
      </div>
    </header>
  );
}
