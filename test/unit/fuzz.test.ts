import fc from 'fast-check';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, METHODS, type Method } from '../../electron/api/contract';
import { ERROR_CODES, type Envelope } from '../../electron/api/errors';
import { createCore, type Core } from '../../electron/core';
import { fixedClock } from '../../electron/core/clock';
import { checkInvariants } from '../../electron/core/invariants';
import { call, PROFILE, tempDir } from './helpers';

/**
 * Hostile and malformed input to every method of the contract (new methods are covered as soon as
 * they are in METHODS): each call must answer a structured envelope (never throw, never INTERNAL),
 * and the store's invariants must hold afterwards. About 10,000 payloads in all.
 */
const TOTAL_PAYLOADS = 10_000;
const RUNS_PER_METHOD = Math.ceil(TOTAL_PAYLOADS / METHODS.length);
const SEED = Number(process.env.FUZZ_SEED ?? 20261128);

const hugeString = fc.constantFrom('x'.repeat(1_000_001), 'é'.repeat(300_000), '🚓'.repeat(100_000), ' '.repeat(500_000));
const unicodeEdge = fc.constantFrom(
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\uDFFF',
  'x\uD83D',
  'a\u202Eb',
  '\u200B',
  '\uFEFF',
  'Ａｂｃ',
  'e\u0301',
  '👨‍👩‍👧‍👦',
  '𝕏𝕐',
  ' \t\n ',
  '',
  '\r\n'.repeat(5),
  '\u2028\u2029',
  'İı',
  '🏳️‍🌈'.repeat(60),
);
const sqlFragment = fc.constantFrom(
  "'; DROP TABLE team; --",
  '1 OR 1=1',
  '" OR ""="',
  "'); DELETE FROM team_gemeente; --",
  "Robert'); DROP TABLE team;--",
  '%',
  '_',
  '\\',
  'NULL',
  "x' UNION SELECT sql FROM sqlite_master --",
  'PRAGMA writable_schema = 1',
  "ATTACH DATABASE '/tmp/x' AS x",
);
const hugeNumber = fc.constantFrom(
  1e308,
  -1e308,
  Infinity,
  -Infinity,
  NaN,
  -0,
  2 ** 53,
  2 ** 53 + 2,
  2 ** 63,
  -(2 ** 63),
  Number.MIN_VALUE,
  1e-300,
  0.1 + 0.2,
  1.2345678901234568e29,
  -1,
  0,
);
const protoObject = fc.constantFrom(
  () => JSON.parse('{"__proto__":{"admin":true,"teamId":1}}'),
  () => JSON.parse('{"constructor":{"prototype":{"polluted":true}}}'),
  () => JSON.parse('{"__proto__":null,"teamId":1}'),
  () => Object.assign(Object.create(null), { toString: 'x', valueOf: 1 }),
).map((make) => make() as unknown);
const structuredOddity = fc.constantFrom<unknown>(
  new Date(0),
  new Date(Number.NaN),
  new Map([[1, 2]]),
  new Set([1]),
  new Uint8Array(4),
  10n,
  -(2n ** 70n),
  [],
  [[[[[[]]]]]],
  {},
  null,
  undefined,
  true,
  false,
);

const hostile: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.anything({ maxDepth: 3, withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withTypedArray: true, withSparseArray: true }) },
  { weight: 1, arbitrary: hugeString },
  { weight: 3, arbitrary: unicodeEdge },
  { weight: 3, arbitrary: sqlFragment },
  { weight: 3, arbitrary: hugeNumber },
  { weight: 2, arbitrary: protoObject },
  { weight: 2, arbitrary: structuredOddity },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 50 }) },
);

// ---- valid payloads, derived from each method's schema (JSON Schema of its zod input) ----------

type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  maxItems?: number;
  minItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  pattern?: string;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
};

const DATES = ['2026-01-01', '2026-11-28', '2026-12-31', '2027-02-28', '2025-06-15'];

function fromSchema(s: JsonSchema, key = ''): fc.Arbitrary<unknown> {
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  if (s.anyOf ?? s.oneOf) return fc.oneof(...(s.anyOf ?? s.oneOf)!.map((x) => fromSchema(x, key)));
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'integer': {
      const min = s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : (s.minimum ?? -1000);
      const max = s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : (s.maximum ?? 1000);
      // Ids and counts: mostly small, so they hit existing records now and then.
      return fc.oneof(fc.integer({ min: Math.max(min, -5), max: Math.min(max, Math.max(min, 5)) }), fc.integer({ min: Math.max(min, -1e9), max: Math.min(max, 1e9) }));
    }
    case 'number': {
      const min = s.minimum ?? s.exclusiveMinimum ?? -1e6;
      const max = s.maximum ?? s.exclusiveMaximum ?? 1e6;
      return fc.double({ min: Math.max(min, -1e9), max: Math.min(max, 1e9), noNaN: true, noDefaultInfinity: true }).filter((n) => (s.exclusiveMinimum === undefined || n > s.exclusiveMinimum) && !Object.is(n, -0));
    }
    case 'boolean':
      return fc.boolean();
    case 'string': {
      if (s.pattern) return fc.stringMatching(new RegExp(s.pattern));
      if (/date|start|end|^from$|^to$/i.test(key)) return fc.constantFrom(...DATES);
      const minLength = s.minLength ?? 0;
      const maxLength = Math.min(s.maxLength ?? 40, 40);
      return fc.string({ minLength: Math.max(minLength, 1), maxLength: Math.max(maxLength, minLength, 1) }).map((x) => (x.trim() ? x : `A${x}`).slice(0, maxLength || 1));
    }
    case 'array': {
      const items = s.items ? fromSchema(s.items, key) : fc.anything();
      return fc.array(items, { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 4, 4) });
    }
    case 'object': {
      const props = s.properties ?? {};
      const required = new Set(s.required ?? []);
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of Object.entries(props)) record[k] = fromSchema(v, k);
      return fc.record(record, { requiredKeys: Object.keys(props).filter((k) => required.has(k)) });
    }
    default:
      return fc.anything({ maxDepth: 1 });
  }
}

function validArbitrary(method: Method): fc.Arbitrary<unknown> {
  const schema = contract[method].input as z.ZodType;
  let json: JsonSchema;
  try {
    json = z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }) as JsonSchema;
  } catch {
    return fc.constant(undefined);
  }
  return fromSchema(json);
}

/** A valid payload with one thing wrong: a field replaced, dropped, or an extra one added. */
function mutated(method: Method): fc.Arbitrary<unknown> {
  return fc.tuple(validArbitrary(method), fc.nat(), hostile, fc.constantFrom('replace', 'drop', 'extra', 'proto', 'nested')).map(([base, pick, value, how]) => {
    if (base === null || typeof base !== 'object' || Array.isArray(base)) return how === 'replace' ? value : base;
    const obj = { ...(base as Record<string, unknown>) };
    const keys = Object.keys(obj);
    const key = keys.length ? keys[pick % keys.length]! : 'x';
    switch (how) {
      case 'replace':
        obj[key] = value;
        return obj;
      case 'drop':
        delete obj[key];
        return obj;
      case 'extra':
        obj[`extra${pick % 3}`] = value;
        return obj;
      case 'proto':
        return JSON.parse(`{"__proto__": {"${key}": 1}, ${JSON.stringify(obj).slice(1)}`.replace(', }', '}')) as unknown;
      case 'nested': {
        const inner = obj[key];
        if (Array.isArray(inner) && inner.length) obj[key] = inner.map((x, i) => (i === pick % inner.length ? value : x));
        else if (inner && typeof inner === 'object') obj[key] = { ...(inner), [Object.keys(inner)[0] ?? 'y']: value };
        else obj[key] = [value];
        return obj;
      }
    }
    return obj;
  });
}

function payloads(method: Method): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 4, arbitrary: mutated(method) },
    { weight: 2, arbitrary: validArbitrary(method) },
    { weight: 2, arbitrary: hostile },
    { weight: 1, arbitrary: fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'prototype', 'teamId', 'name')), hostile, { maxKeys: 5 }) },
  );
}

const STACK = /\n\s+at |node_modules|\.tsx?:\d/;

function assertStructured(method: string, envelope: Envelope<unknown>): void {
  expect(typeof envelope).toBe('object');
  if (envelope.ok) {
    expect(() => structuredClone(envelope.data), `${method} answers cloneable data`).not.toThrow();
    return;
  }
  expect(ERROR_CODES, `${method}: ${envelope.error.message}`).toContain(envelope.error.code);
  expect(envelope.error.code, `${method}: ${envelope.error.message}`).not.toBe('INTERNAL');
  expect(typeof envelope.error.message).toBe('string');
  expect(envelope.error.message.length).toBeGreaterThan(0);
  expect(envelope.error.message).not.toMatch(STACK);
}

describe('fuzzing every API method', () => {
  let core: Core;
  const internal: string[] = [];
  const stats: Record<string, Record<string, number>> = {};
  let total = 0;

  beforeAll(async () => {
    core = createCore({ dataDir: tempDir('teamchef-fuzz-'), clock: fixedClock('2026-11-28T09:00:00'), onInternalError: (m, e) => internal.push(`${m}: ${String(e)}`) });
    await call(core, 'team.create', PROFILE);
    await call(core, 'team.create', { ...PROFILE, name: 'Tweede team' });
  });
  afterAll(() => {
    core?.close();
    console.info(`fuzz: ${total} payloads`, JSON.stringify(stats));
  });

  it.each(METHODS)('%s: structured answers, invariants hold', async (method) => {
    const counts: Record<string, number> = (stats[method] = {});
    await fc.assert(
      fc.asyncProperty(payloads(method), async (payload) => {
        total++;
        let envelope: Envelope<unknown>;
        try {
          envelope = await core.dispatch(method, payload);
        } catch (err) {
          throw new Error(`${method} threw instead of answering: ${String(err)}`, { cause: err });
        }
        const key = envelope.ok ? 'ok' : envelope.error.code;
        counts[key] = (counts[key] ?? 0) + 1;
        assertStructured(method, envelope);
      }),
      { numRuns: RUNS_PER_METHOD, seed: SEED + METHODS.indexOf(method), endOnFailure: true },
    );
    // Undo and redo after every method's payloads: whatever they wrote, taking it back and doing
    // it again answers structured envelopes and keeps every invariant.
    for (const teamId of [1, 2]) {
      // Taken back and done again: the store ends as it was, so later methods still find both teams.
      for (const step of ['undo.undo', 'undo.redo'] as const) {
        const envelope = await core.dispatch(step, { teamId });
        assertStructured(step, envelope);
        if (!envelope.ok) expect(['CONFLICT', 'NOT_FOUND'], `${step}: ${envelope.error.message}`).toContain(envelope.error.code);
      }
    }
    expect(internal).toEqual([]);
    expect(checkInvariants(core.db)).toEqual([]);
  }, 120_000);

  it('everything the fuzzing wrote can be undone and redone, newest first, with the audit chain intact', async () => {
    const teams = await call<{ id: number }[]>(core, 'team.list');
    expect(teams.length).toBeGreaterThanOrEqual(2);
    // Newest team first: undoing a team's first action removes the team itself.
    for (const teamId of teams.map((t) => t.id).sort((a, b) => b - a)) {
      let steps = 0;
      for (;;) {
        const state = (await call<{ nextUndo: { id: number; method: string } | null }>(core, 'undo.list', { teamId })).nextUndo;
        // Undoing the team's creation would remove the team (and with it this walk's way back).
        if (!state || state.method === 'team.create') break;
        const envelope = await core.dispatch('undo.undo', { teamId });
        assertStructured('undo.undo', envelope);
        // A refusal (a money record still pointing at what would be removed) ends the walk back.
        if (!envelope.ok) {
          expect(envelope.error.code, envelope.error.message).toBe('CONFLICT');
          break;
        }
        steps++;
      }
      expect(checkInvariants(core.db)).toEqual([]);
      for (let i = 0; i < steps; i++) {
        const envelope = await core.dispatch('undo.redo', { teamId });
        assertStructured('undo.redo', envelope);
        expect(envelope.ok, !envelope.ok ? envelope.error.message : '').toBe(true);
      }
      expect(checkInvariants(core.db)).toEqual([]);
      expect(await call<{ ok: boolean }>(core, 'audit.verify', { teamId })).toMatchObject({ ok: true });
    }
    expect((await call<unknown[]>(core, 'team.list')).length).toBe(teams.length);
    expect(internal).toEqual([]);
  }, 120_000);

  it('the store holds every invariant after all payloads, and still works', async () => {
    expect(total).toBeGreaterThanOrEqual(TOTAL_PAYLOADS);
    expect(checkInvariants(core.db)).toEqual([]);
    expect((await core.dispatch('team.list', undefined)).ok).toBe(true);
    // The valid half of the payloads did reach the handlers.
    expect(Object.values(stats).reduce((n, s) => n + (s.ok ?? 0), 0)).toBeGreaterThan(100);
  });
});
