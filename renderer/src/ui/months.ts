import { useTranslation } from 'react-i18next';
import { formatDateLong } from '@api/dates';

/**
 * Month names follow the interface's language (numbers and amounts stay Dutch, see format.ts):
 * chart axes and dates in running text read `mrt` / `15 dec. 2026` in Dutch and `Mar` /
 * `15 Dec 2026` in English.
 */
const NL_SHORT = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
const EN_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const nlMonthYear = new Intl.DateTimeFormat('nl-NL', { month: 'short', year: '2-digit', timeZone: 'UTC' });

export interface Months {
  /** `mrt` / `Mar` for month 1-12. */
  short(month: number): string;
  /** A UTC timestamp as `okt 26` / `Oct 26`, for time axes. */
  monthYear(ms: number): string;
  /** `15 dec. 2026` / `15 Dec 2026`. */
  dateLong(iso: string | null | undefined): string;
}

/** A date is read as one word: no-break spaces, so `15 dec.` never ends a line without `2026`. */
const whole = (text: string) => text.replace(/ /g, '\u00a0');

export function monthsFor(language: string): Months {
  const months = monthsIn(language);
  return { ...months, dateLong: (iso) => whole(months.dateLong(iso)) };
}

function monthsIn(language: string): Months {
  if (language !== 'en')
    return { short: (m) => NL_SHORT[m - 1] ?? '', monthYear: (ms) => nlMonthYear.format(new Date(ms)), dateLong: formatDateLong };
  return {
    short: (m) => EN_SHORT[m - 1] ?? '',
    monthYear: (ms) => {
      const d = new Date(ms);
      return `${EN_SHORT[d.getUTCMonth()]} ${String(d.getUTCFullYear() % 100).padStart(2, '0')}`;
    },
    dateLong: (iso) => {
      const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
      return m ? `${Number(m[3])} ${EN_SHORT[Number(m[2]) - 1]} ${m[1]}` : (iso ?? '');
    },
  };
}

/** The month names of the current language; components re-render when it changes. */
export function useMonths(): Months {
  const { i18n } = useTranslation();
  return monthsFor(i18n.language);
}
