/**
 * Money is integer euro cents end to end. Formatting and parsing work on digits, never on
 * floating-point euros, so `€ 0,10 + € 0,20` is always `€ 0,30`.
 */

const groupThousands = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/** 123456 -> `€ 1.234,56`; -1250 -> `€ -12,50`. */
export function formatMoney(cents: number): string {
  return `€ ${formatAmount(cents)}`;
}

/** 123456 -> `1.234,56` (no currency sign), for tables and CSV that Dutch Excel reads. */
export function formatAmount(cents: number, grouping = true): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Not an integer amount of cents: ${cents}`);
  const sign = cents < 0 ? '-' : '';
  const abs = String(Math.abs(cents)).padStart(3, '0');
  const euros = abs.slice(0, -2);
  return `${sign}${grouping ? groupThousands(euros) : euros},${abs.slice(-2)}`;
}

/**
 * Parses an amount as people type it in the Netherlands: `1.234,56`, `1234,5`, `-12,50`, `€ 12`,
 * `12.50` (a lone dot followed by one or two digits is read as the decimal point). Returns
 * integer cents, or null when the text is not an amount.
 */
export function parseMoney(text: string): number | null {
  let s = text.replace(/[\s\u00a0\u202f€]/g, '').replace(/^EUR/i, '');
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  if (s.startsWith('-') || s.startsWith('−')) {
    negative = !negative;
    s = s.slice(1);
  } else if (s.startsWith('+')) s = s.slice(1);
  if (s.endsWith('-')) {
    negative = !negative;
    s = s.slice(0, -1);
  }
  let intPart: string;
  let frac: string;
  if (/^\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(s) || /^\d+(,\d{1,2})?$/.test(s)) {
    const [i, f = ''] = s.split(',');
    intPart = i!.replace(/\./g, '');
    frac = f;
  } else if (/^\d{1,3}(,\d{3})+\.\d{1,2}$/.test(s) || /^\d+\.\d{1,2}$/.test(s)) {
    const [i, f = ''] = s.split('.');
    intPart = i!.replace(/,/g, '');
    frac = f;
  } else {
    return null;
  }
  if (intPart.length > 11) return null;
  const cents = Number(intPart) * 100 + Number(frac.padEnd(2, '0') || '0');
  return negative && cents !== 0 ? -cents : cents;
}
