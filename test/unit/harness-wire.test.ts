import { describe, expect, it } from 'vitest';
import { toWire } from '../e2e/harness/wire';

/** The browser harness sends the core's answers as JSON text only where JSON carries them unchanged. */
describe('harness wire', () => {
  it('sends plain answers as the same JSON', () => {
    const answer = { ok: true, data: { rows: [{ id: 1, name: 'Café “De Wijk”', cents: -12_345, note: null, on: false }], nested: [[1, 2], []] } };
    const wire = toWire(answer);
    expect(typeof wire).toBe('string');
    expect(JSON.parse(wire as string)).toEqual(answer);
  });

  it.each([
    ['an undefined field', { ok: true, data: { a: undefined } }],
    ['undefined in a list', { ok: true, data: [1, undefined] }],
    ['a Date', { ok: true, data: { at: new Date(0) } }],
    ['bytes', { ok: true, data: new Uint8Array([1, 2]) }],
    ['a Buffer', { ok: true, data: { file: Buffer.from('x') } }],
    ['NaN', { ok: true, data: { n: Number.NaN } }],
    ['a Map', { ok: true, data: new Map([[1, 2]]) }],
    ['a bigint', { ok: true, data: 1n }],
  ])('leaves an answer with %s as it is', (_name, answer) => {
    expect(toWire(answer)).toBe(answer);
  });
});
