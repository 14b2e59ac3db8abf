/**
 * Dutch formats everywhere, also in the English interface (the money and dates are Dutch):
 * `€ 1.234,56`, `28-11-2026`, `28 nov. 2026`, `45%`.
 */
import { formatDateLong as formatDateLongText } from '@api/dates';
import { formatAmount } from '@api/money';

export { formatAmount, parseMoney } from '@api/money';
export { formatDate } from '@api/dates';

/** `28 nov. 2026` with no-break spaces (Dutch; screens in English use useMonths().dateLong). */
export const formatDateLong = (iso: string | null | undefined): string => formatDateLongText(iso).replace(/ /g, '\u00a0');

const integerFormat = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });
const decimalFormat = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 });

/** `€ 1.234,56` with a no-break space: the sign never ends a line apart from its amount. */
export const formatMoney = (cents: number): string => `€\u00a0${formatAmount(cents)}`;

/** Whole euros for chart axes: `€ 40.000` (no-break space), so a tick fits its axis on one line. */
export const formatMoneyAxis = (cents: number): string => formatMoney(Math.round(cents / 100) * 100).replace(/,00$/, '');

export const formatInteger = (n: number): string => integerFormat.format(n);
export const formatDecimal = (n: number): string => decimalFormat.format(n);
/** 0.452 -> `45%`. */
export const formatPercent = (fraction: number): string => `${Math.round(fraction * 100)}%`;

const dateTimeFormat = new Intl.DateTimeFormat('nl-NL', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
/** An ISO moment in local time: `28-11-2026 14:05`. */
export const formatDateTime = (iso: string): string => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTimeFormat.format(d).replace(',', '');
};
