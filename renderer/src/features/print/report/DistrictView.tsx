import { useTranslation } from 'react-i18next';
import type { DistrictOverview } from '@api/district';
import { formatDate, formatDecimal, formatInteger, formatMoney } from '../../../ui/format';
import './report.css';
import { ReportStyle } from './ReportStyle';
import { useMonths } from '../../../ui/months';

/**
 * The district overview on A4 (landscape: twelve columns side by side): one row per team with the
 * district's sums, the eight opgaven across the teams, and a warning on any team whose records were
 * rewritten since an earlier bundle.
 */
export function DistrictView({ data, printedAt }: { data: DistrictOverview; printedAt: string }) {
  const { t } = useTranslation();
  const { dateLong: formatDateLong } = useMonths();
  const { sums, period } = data;
  return (
    <article className="report report-sheet district-report landscape" data-testid="district-report" lang="nl">
      <ReportStyle team={t('district.report.footer')} printDate={formatDate(printedAt)} />
      <style>{`@page { size: A4 landscape; margin: 14mm 12mm 16mm; } @media screen { .district-report.report-sheet { width: 297mm; min-height: 210mm; } }
        .district-report td.team, .district-report th.team { min-width: 45mm; }
        .district-report td.nowrap, .district-report th.nowrap { white-space: nowrap; }`}</style>
      <header className="title-block keep">
        <h1 data-testid="report-title">{t('district.report.title')}</h1>
        <div className="title-grid">
          <span className="muted">{t('district.period')}</span>
          <span>{period ? `${formatDateLong(period.from)} – ${formatDateLong(period.to)}` : '—'}</span>
          <span className="muted">{t('district.report.source')}</span>
          <span>{t('district.report.generated', { count: data.rows.length })}</span>
        </div>
      </header>
      {data.rows.length === 0 ? (
        <p>{t('district.report.none')}</p>
      ) : (
        <>
          <table className="compact">
            <thead>
              <tr>
                <th className="team">{t('district.table.team')}</th>
                <th className="num">{t('district.table.inhabitants')}</th>
                <th className="num">{t('district.table.fte')}</th>
                <th className="num">{t('district.table.wijkagenten')}</th>
                <th>{t('district.table.norm')}</th>
                <th className="num">{t('district.table.opgaven')}</th>
                <th>{t('district.table.status')}</th>
                <th className="num">{t('district.table.available')}</th>
                <th className="num">{t('district.table.committed')}</th>
                <th className="num">{t('district.table.spent')}</th>
                <th className="num">{t('district.table.left')}</th>
                <th>{t('district.table.lastBundle')}</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => {
                const s = r.summary;
                return (
                  <tr key={r.teamKey}>
                    <td className="team">
                      {s.team.name}
                      {!r.chain.ok && (
                        <div className="signal">{t('district.chain.rewritten', { date: formatDateLong(r.chain.rewrittenSince!.slice(0, 10)) })}</div>
                      )}
                    </td>
                    <td className="num">{formatInteger(s.team.inhabitants)}</td>
                    <td className="num">{formatDecimal(s.team.formationFte)}</td>
                    <td className="num">{formatInteger(s.team.wijkagenten)}</td>
                    <td className={s.team.norm.status === 'short' ? 'signal nowrap' : 'nowrap'}>
                      {s.team.norm.status === 'short' ? t('district.table.normShort', { count: -s.team.norm.difference }) : t('district.table.normOk')}
                    </td>
                    <td className="num">{s.opgaven.length}</td>
                    <td className="nowrap">{t(`district.status.${s.overall}`)}</td>
                    <td className="num">{formatMoney(s.money.availableCents)}</td>
                    <td className="num">{formatMoney(s.money.committedCents)}</td>
                    <td className="num">{formatMoney(s.money.spentCents)}</td>
                    <td className="num">{formatMoney(s.money.leftCents)}</td>
                    <td className="nowrap">{formatDate(s.createdAt.slice(0, 10))}</td>
                  </tr>
                );
              })}
              <tr className="sum">
                <td className="team">{t('district.table.sum')}</td>
                <td className="num">{formatInteger(sums.inhabitants)}</td>
                <td className="num">{formatDecimal(sums.formationFte)}</td>
                <td className="num">{formatInteger(sums.wijkagenten)}</td>
                <td className="nowrap">
                  {sums.wijkagenten < sums.wijkagentenNeeded
                    ? t('district.table.normShort', { count: sums.wijkagentenNeeded - sums.wijkagenten })
                    : t('district.table.normOk')}
                </td>
                <td />
                <td />
                <td className="num">{formatMoney(sums.availableCents)}</td>
                <td className="num">{formatMoney(sums.committedCents)}</td>
                <td className="num">{formatMoney(sums.spentCents)}</td>
                <td className="num">{formatMoney(sums.leftCents)}</td>
                <td />
              </tr>
            </tbody>
          </table>
          <h2>{t('district.matrix.title')}</h2>
          <table className="compact district-matrix">
            <thead>
              <tr>
                <th className="team">{t('district.table.team')}</th>
                {data.opgaven.map((o) => (
                  <th key={o.id}>
                    {o.id}. {o.titleNl}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => (
                <tr key={r.teamKey}>
                  <td className="team">{r.summary.team.name}</td>
                  {data.opgaven.map((o) => {
                    const chosen = r.summary.opgaven.filter((c) => c.opgaveId === o.id);
                    const latest = chosen.find((c) => c.status) ?? chosen[0];
                    return (
                      <td key={o.id}>
                        {!latest
                          ? t('district.matrix.notChosen')
                          : latest.status
                            ? `${t(`district.status.${latest.status}`)}${latest.progress !== null ? ` · ${latest.progress}%` : ''}`
                            : t('district.matrix.chosenNoCheckin')}
                      </td>
                    );
                  })}
                </tr>
              ))}
              <tr className="sum">
                <td>{t('district.matrix.teams')}</td>
                {data.opgaven.map((o) => (
                  <td key={o.id}>{sums.chosen[o.id] ?? 0}</td>
                ))}
              </tr>
            </tbody>
          </table>
        </>
      )}
    </article>
  );
}
