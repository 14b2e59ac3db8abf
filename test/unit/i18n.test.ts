import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en, nl, validationEn } from '../../renderer/src/app/catalog';

const keysOf = (obj: object, prefix = ''): string[] =>
  Object.entries(obj).flatMap(([k, v]) => (v && typeof v === 'object' ? keysOf(v, `${prefix}${k}.`) : [`${prefix}${k}`]));

const leaves = (obj: object): [string, unknown][] =>
  keysOf(obj).map((k) => [k, k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], obj)]);

describe('i18n', () => {
  it('Dutch and English have the same keys and no empty text', () => {
    expect(keysOf(en).sort()).toEqual(keysOf(nl).sort());
    for (const [key, value] of [...leaves(nl), ...leaves(en)]) {
      expect(typeof value === 'string' && value.trim().length > 0, key).toBe(true);
    }
  });

  it('every validation message in the contract has an English translation', () => {
    const apiDir = join(import.meta.dirname, '../../electron/api');
    const messages = new Set<string>();
    for (const file of readdirSync(apiDir).filter((f) => f.endsWith('.ts'))) {
      const source = readFileSync(join(apiDir, file), 'utf8');
      for (const m of source.matchAll(/message: '((?:[^'\\]|\\.)*)'/g)) messages.add(m[1]!.replace(/\\'/g, "'"));
    }
    expect(messages.size).toBeGreaterThan(5);
    const missing = [...messages].filter((m) => !(m in validationEn));
    expect(missing).toEqual([]);
  });
});
