import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDate, formatDateLong } from '../../electron/api/dates';
import { formatAmount, formatMoney, parseMoney } from '../../electron/api/money';

describe('money in Dutch formats, integer cents', () => {
  it.each([
    [123456, '€ 1.234,56'],
    [-1250, '€ -12,50'],
    [5, '€ 0,05'],
    [0, '€ 0,00'],
    [100000000, '€ 1.000.000,00'],
  ])('formats %i as %s', (cents, text) => expect(formatMoney(cents)).toBe(text));

  it.each([
    ['1.234,56', 123456],
    ['1234,56', 123456],
    ['-12,50', -1250],
    ['12,5', 1250],
    ['€ 12', 1200],
    ['12.50', 1250],
    ['1,234.56', 123456],
    ['(12,50)', -1250],
    ['12,50-', -1250],
    ['0,10', 10],
  ])('parses %s as %i cents', (text, cents) => expect(parseMoney(text)).toBe(cents));

  it.each(['', 'abc', '1,2,3', '12,345', '1.23.4', '--5', '12,5x'])('does not read %j as an amount', (text) => {
    expect(parseMoney(text)).toBeNull();
  });

  it('round-trips every amount exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e11, max: 1e11 }), (cents) => {
        expect(parseMoney(formatAmount(cents))).toBe(cents);
        expect(parseMoney(formatMoney(cents))).toBe(cents);
      }),
    );
  });
});

describe('dates', () => {
  it('shows ISO dates the Dutch way', () => {
    expect(formatDate('2026-11-28')).toBe('28-11-2026');
    expect(formatDateLong('2026-11-28')).toBe('28 nov. 2026');
    expect(formatDateLong('2026-03-01')).toBe('1 mrt. 2026');
  });
});
