/**
 * The answer as JSON text when JSON carries it unchanged (plain objects and arrays, strings, finite
 * numbers, booleans, null); anything else (undefined, a Date, a byte array, NaN) goes as it is, in
 * Playwright's own encoding, so that a test still sees what the core really answered.
 */
export function toWire(value: unknown): unknown {
  try {
    return JSON.stringify(value, function (this: Record<string, unknown>, key: string, v: unknown) {
      const raw = key === '' ? value : this[key];
      if (raw === undefined || typeof raw === 'function' || typeof raw === 'symbol' || typeof raw === 'bigint') throw new Error('not JSON');
      if (typeof raw === 'number' && !Number.isFinite(raw)) throw new Error('not JSON');
      if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
        const proto = Object.getPrototypeOf(raw) as unknown;
        if (proto !== Object.prototype && proto !== null) throw new Error('not JSON');
      }
      return v;
    });
  } catch {
    return value;
  }
}
