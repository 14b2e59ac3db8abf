import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHODS } from '../../electron/api/contract';
import { ERROR_CODES, type Envelope } from '../../electron/api/errors';
import { createCore, type Core } from '../../electron/core';
import { fixedClock } from '../../electron/core/clock';
import { call, PROFILE, tempDir } from './helpers';

/**
 * The dispatcher is the trust boundary: a page can send any structured-clone value as method and
 * payload, and a misbehaving one worse (getters, proxies). Every answer must be an envelope, never
 * an exception, and no error message may grow with the input (at most 2 KB).
 */
const RUNS = 10_000;
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const MAX_MESSAGE_BYTES = 2048;

const throwingProxy = () =>
  new Proxy(
    {},
    Object.fromEntries(
      ['get', 'has', 'ownKeys', 'getOwnPropertyDescriptor', 'getPrototypeOf', 'defineProperty', 'set', 'deleteProperty', 'isExtensible', 'preventExtensions', 'setPrototypeOf', 'apply', 'construct'].map(
        (trap) => [
          trap,
          () => {
            throw new Error(`trap ${trap}`);
          },
        ],
      ),
    ),
  );

function deep(levels: number): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < levels; i++) v = i % 2 ? [v] : { teamId: v };
  return v;
}

function cyclic(): unknown {
  const a: Record<string, unknown> = { teamId: 1 };
  a.self = a;
  a.list = [a, { back: a }];
  return a;
}

const hostile = fc.constantFrom<() => unknown>(
  () => ({ toString: 1 }),
  () => ({ toString: 'team.list', valueOf: null }),
  () => ({ [Symbol.toPrimitive]: 3 }),
  () => Object.create(null),
  () => Object.defineProperty({}, 'teamId', {
    enumerable: true,
    get() {
      throw new Error('getter');
    },
  }),
  () => throwingProxy(),
  () => Symbol('x'),
  () => Symbol.iterator,
  () => 'x'.repeat(1_000_001),
  () => ({ ['k'.repeat(1_000_000)]: 1 }),
  () => Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`unknown${i}`, i])),
  () => deep(10_000),
  () => cyclic(),
  () => new Map([[{ a: 1 }, new Set([1n])]]),
  () => new Uint8Array(1024),
  () => new Date(Number.NaN),
  () => new Error('a page error'),
  () => /regex/g,
  () => {
    const sparse: unknown[] = [];
    sparse[2] = 1;
    return sparse;
  },
  () => 10n ** 400n,
  () => ({ __proto__: { name: 'inherited' } }),
  () => ({ constructor: 'x', hasOwnProperty: 1, then: 2 }),
);

// Values travel as recipes made inside the property: fast-check itself must not touch a throwing proxy.
type Recipe = { make: () => unknown };
const anything = fc.anything({ withBigInt: true, withBoxedValues: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withTypedArray: true, withSparseArray: true, maxDepth: 4 });
const value: fc.Arbitrary<Recipe> = fc.oneof(
  { weight: 5, arbitrary: anything.map((v) => ({ make: () => v })) },
  { weight: 2, arbitrary: hostile.map((make) => ({ make })) },
);
const method: fc.Arbitrary<Recipe> = fc.oneof(
  { weight: 3, arbitrary: value },
  // Real method names too, so the payload reaches validation and sometimes a handler.
  { weight: 2, arbitrary: fc.constantFrom(...METHODS.filter((m) => m !== 'store.import' && m !== 'backup.restore')).map((m) => ({ make: () => m })) },
);

function assertEnvelope(envelope: Envelope<unknown>): void {
  expect(typeof envelope).toBe('object');
  if (envelope.ok) {
    expect('data' in envelope).toBe(true);
    return;
  }
  expect(ERROR_CODES).toContain(envelope.error.code);
  expect(typeof envelope.error.message).toBe('string');
  expect(Buffer.byteLength(envelope.error.message)).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
  if (envelope.error.issues) {
    expect(envelope.error.issues.length).toBeLessThanOrEqual(20);
    for (const i of envelope.error.issues) expect(Buffer.byteLength(i.path) + Buffer.byteLength(i.message)).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
  }
  // It must cross the bridge back to the page.
  structuredClone(envelope);
}

describe('the dispatcher answers any value', () => {
  let core: Core;
  beforeAll(async () => {
    core = createCore({ dataDir: tempDir('teamchef-dispatch-'), clock: fixedClock('2026-11-28T09:00:00'), onInternalError: () => undefined });
    await call(core, 'team.create', PROFILE);
  });
  afterAll(() => core?.close());

  it('a method whose toString is not a function gets an envelope, not an exception', async () => {
    for (const m of [{ toString: 1 }, { toString: 'x', valueOf: 2 }, Object.create(null), throwingProxy(), Symbol('m')]) {
      const envelope = await core.dispatch(m, undefined);
      expect(envelope).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
    // …also when the call fails later and the method is named in the log.
    const envelope = await core.dispatch('team.get', throwingProxy());
    expect(envelope).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('a 1 MB unknown key comes back as a short message that names the field', async () => {
    const key = 'k'.repeat(1_000_000);
    const envelope = await core.dispatch('team.create', { ...PROFILE, [key]: 1 });
    expect(envelope.ok).toBe(false);
    if (envelope.ok) return;
    expect(envelope.error.code).toBe('VALIDATION');
    expect(Buffer.byteLength(JSON.stringify(envelope))).toBeLessThan(MAX_MESSAGE_BYTES);
    expect(envelope.error.message).toMatch(/^Onbekend veld: "k+…"\.$/);
  });

  it(`${RUNS} arbitrary values as method and payload: 0 throws, every answer an envelope, no message over 2 KB`, async () => {
    let calls = 0;
    const codes: Record<string, number> = {};
    await fc.assert(
      fc.asyncProperty(method, value, async (m, payload) => {
        calls++;
        let envelope: Envelope<unknown>;
        try {
          envelope = await core.dispatch(m.make(), payload.make());
        } catch (err) {
          throw new Error('dispatch threw instead of answering', { cause: err });
        }
        const key = envelope.ok ? 'ok' : envelope.error.code;
        codes[key] = (codes[key] ?? 0) + 1;
        assertEnvelope(envelope);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    console.info(`dispatch fuzz: ${calls} calls`, JSON.stringify(codes));
    expect(calls).toBeGreaterThanOrEqual(RUNS);
    expect((await core.dispatch('team.list', undefined)).ok).toBe(true);
  }, 240_000);
});
