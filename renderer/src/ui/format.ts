/**
 * Dutch formats everywhere, also in the English interface (the money and dates are Dutch):
 * `€ 1.234,56`, `28-11-2026`, `28 nov. 2026`, `45%`.
 */
export { formatAmount, formatMoney, parseMoney } from '@api/money';
export { formatDate, formatDateLong } from '@api/dates';

const integerFormat = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });
const decimalFormat = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 });

export const formatInteger = (n: number): string => integerFormat.format(n);
export const formatDecimal = (n: number): string => decimalFormat.format(n);
/** 0.452 -> `45%`. */
export const formatPercent = (fraction: number): string => `${Math.round(fraction * 100)}%`;
