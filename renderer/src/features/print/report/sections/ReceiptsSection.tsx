import { useTranslation } from 'react-i18next';
import type { ReportBudgetYear, ReportData } from '@api/report';
import { formatDate, formatInteger, formatMoney } from '../../../../ui/format';

/** Pinpas payments without a receipt, one line each, so the accountant's question is answered on paper. */
function MissingReceiptsTable({ y }: { y: ReportBudgetYear }) {
  const { t } = useTranslation();
  const m = y.missingReceipts;
  if (!m) return null;
  return (
    <div className="keep" data-testid={`missing-receipts-${y.year}`} data-count={m.count}>
      <h3>{t('receipts.printYear', { year: y.year })}</h3>
      {m.count === 0 ? (
        <p className="muted">{t('receipts.missingNone')}</p>
      ) : (
        <>
          <p>{t('receipts.missingSummary', { count: m.count, sum: formatMoney(m.totalCents) })}</p>
          {m.expenses.length < m.count && (
            <p data-testid={`missing-receipts-capped-${y.year}`}>{t('receipts.printCapped', { shown: formatInteger(m.expenses.length), count: formatInteger(m.count), year: y.year })}</p>
          )}
          <table className="missing-receipts">
            <thead>
              <tr>
                <th>{t('budget.fields.date')}</th>
                <th>{t('budget.fields.payee')}</th>
                <th>{t('budget.fields.description')}</th>
                <th className="num">{t('budget.fields.amount')}</th>
              </tr>
            </thead>
            <tbody>
              {m.expenses.map((e) => (
                <tr key={e.expenseId} data-expense={e.expenseId}>
                  <td className="nowrap">{formatDate(e.date)}</td>
                  <td>{e.payee}</td>
                  <td>{e.description}</td>
                  <td className="num">{formatMoney(e.amountCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}

/** Pinpas payments without a receipt per year of the period: what the accountant will ask about. */
export function ReceiptsSection({ data }: { data: ReportData }) {
  const { t } = useTranslation();
  return (
    <section className="section" data-section="receipts">
      <h2>{t('receipts.printTitle')}</h2>
      {data.budget.map((y) => (
        <MissingReceiptsTable key={y.year} y={y} />
      ))}
    </section>
  );
}
