import { useTranslation } from 'react-i18next';
import type { ReportBudgetYear, ReportData } from '@api/report';
import { formatDate, formatMoney } from '../../../../ui/format';
import { MonthlyMoneyChart } from '../charts';
import { useOpgaveLabel } from '../../../agenda/catalogue-en';

/** Available / committed / spent / left as the budget domain computed them (budget.overview). */
export function MoneyTotals({ totals, testId }: { totals: { availableCents: number; committedCents: number; spentCents: number; leftCents: number }; testId?: string }) {
  const { t } = useTranslation();
  const cells = [
    ['available', totals.availableCents],
    ['committed', totals.committedCents],
    ['spent', totals.spentCents],
    ['left', totals.leftCents],
  ] as const;
  return (
    <table className="totals" data-testid={testId}>
      <thead>
        <tr>
          {cells.map(([key]) => (
            <th key={key} className="num">
              {t(`budget.totals.${key}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        <tr>
          {cells.map(([key, cents]) => (
            <td key={key} className="num" data-total={key}>
              {formatMoney(cents)}
            </td>
          ))}
        </tr>
      </tbody>
    </table>
  );
}

function BudgetYear({ y, opgaveLabel }: { y: ReportBudgetYear; opgaveLabel(label: string): string }) {
  const { t } = useTranslation();
  const o = y.overview;
  const unlinked = t('budget.overview.unlinked');
  return (
    <div className="budget-year" data-year={y.year}>
      <h3>{t('print.report.budgetYear', { year: y.year })}</h3>
      <div className="keep">
        <MoneyTotals totals={o.totals} testId={`totals-${y.year}`} />
        <p className="muted small">
          {t('print.report.decidedProposed', { decided: formatMoney(o.totals.decidedCents), proposed: formatMoney(o.totals.proposedCents) })}
          {o.totals.usedPercent !== null && ` · ${t('budget.totals.used', { percent: `${o.totals.usedPercent}%` })}`}
        </p>
      </div>
      {o.byOpgave.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>{t('print.report.perOpgave')}</th>
              <th className="num">{t('budget.totals.decided')}</th>
              <th className="num">{t('budget.totals.committed')}</th>
              <th className="num">{t('budget.totals.spent')}</th>
            </tr>
          </thead>
          <tbody>
            {o.byOpgave.map((g) => (
              <tr key={g.teamOpgaveId ?? 'none'}>
                <td>{g.label ? opgaveLabel(g.label) : unlinked}</td>
                <td className="num">{formatMoney(g.decidedCents)}</td>
                <td className="num">{formatMoney(g.committedCents)}</td>
                <td className="num">{formatMoney(g.spentCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <MonthlyMoneyChart months={o.byMonth} title={t('print.report.chartMoney', { year: y.year })} />
      {y.decisions.length === 0 ? (
        <p className="muted">{t('print.report.noDecisions')}</p>
      ) : (
        <table className="decisions">
          <thead>
            <tr>
              <th>{t('budget.fields.date')}</th>
              <th>{t('print.report.decision')}</th>
              <th>{t('budget.fields.opgave')}</th>
              <th>{t('budget.fields.status')}</th>
              <th className="num">{t('budget.fields.amount')}</th>
              <th className="num">{t('budget.totals.spent')}</th>
            </tr>
          </thead>
          <tbody>
            {y.decisions.map((d) => (
              <tr key={d.id} data-decision={d.id}>
                <td className="nowrap">{formatDate(d.date)}</td>
                <td>{d.title}</td>
                <td>{d.opgaveLabel ? opgaveLabel(d.opgaveLabel) : '—'}</td>
                <td>{t(`budget.statuses.${d.status}`)}</td>
                <td className="num">{formatMoney(d.amountCents)}</td>
                <td className="num">{formatMoney(d.spentCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}


export function BudgetSection({ data }: { data: ReportData }) {
  const { t } = useTranslation();
  const opgaveLabel = useOpgaveLabel(data.opgaven);
  return (
    <section className="section" data-section="budget">
      <h2>{t('print.report.budget')}</h2>
      {data.budget.map((y) => (
        <BudgetYear key={y.year} y={y} opgaveLabel={opgaveLabel} />
      ))}
    </section>
  );
}
