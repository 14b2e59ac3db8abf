import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { en, nl } from '../../renderer/src/app/catalog';

/**
 * No user-visible text outside the i18n layer, and no i18n key that one of the languages lacks.
 * Generic on purpose: it reads every screen under renderer/src, including the ones added later.
 */
const rendererSrc = join(import.meta.dirname, '../../renderer/src');

/** Props and object properties whose text the chief reads (or hears, with a screen reader). */
const USER_FACING = new Set(['label', 'title', 'placeholder', 'aria-label', 'description', 'alt', 'aria-description', 'aria-valuetext', 'message', 'tooltip', 'error']);
const isUserFacingName = (name: string) =>
  USER_FACING.has(name) || (/(Label|Title|Placeholder|Description|Text)$/.test(name) && !name.startsWith('aria-labelledby'));
/** Props that hold an i18n key instead of a text (`labelKey="nav.agenda"`). */
const isKeyName = (name: string) => /Key$/.test(name) && name !== 'key' && name !== 'dataKey';
/** Names that are the same in every language (character sets shown as such). */
const PROPER_NAMES = new Set(['UTF-8', 'Windows-1252']);
const hasWords = (text: string) => /\p{L}{2,}/u.test(text) && !PROPER_NAMES.has(text.trim());
/** Object properties inside a user-facing prop that configure rather than speak (chart label placement). */
const LAYOUT_PROPERTIES = new Set(['position', 'textAnchor', 'dominantBaseline', 'className', 'fill', 'fontWeight']);

export interface Finding {
  file: string;
  line: number;
  kind: 'jsx-text' | 'prop' | 'key';
  text: string;
}

export interface KeyUse {
  file: string;
  line: number;
  /** A full key, or the fixed start of a key built at run time (`eenheid.`). */
  key: string;
  prefix: boolean;
}

const nameOf = (name: ts.PropertyName): string | undefined => (ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : undefined);

/** Literal texts in an expression that no function call wraps (t(), format…). */
function bareLiterals(expr: ts.Node): ts.Node[] {
  if (ts.isCallExpression(expr) || ts.isTaggedTemplateExpression(expr)) return [];
  if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) return [expr];
  if (ts.isTemplateExpression(expr)) return [expr.head, ...expr.templateSpans.flatMap((s) => [s.literal, ...bareLiterals(s.expression)])];
  if (ts.isJsxElement(expr) || ts.isJsxSelfClosingElement(expr) || ts.isJsxFragment(expr)) return [];
  if (ts.isArrowFunction(expr) || ts.isFunctionExpression(expr)) return [];
  if (ts.isPropertyAssignment(expr) && LAYOUT_PROPERTIES.has(nameOf(expr.name) ?? '')) return [];
  if (ts.isBinaryExpression(expr) && ['===', '!==', '==', '!=', '<', '>', 'instanceof', 'in'].includes(ts.tokenToString(expr.operatorToken.kind) ?? '')) return [];
  const out: ts.Node[] = [];
  expr.forEachChild((child) => void out.push(...bareLiterals(child)));
  return out;
}

/** String literals and the fixed parts of template literals (head, middle, tail) carry `.text`. */
const literalText = (node: ts.Node): string => (node as Partial<ts.LiteralLikeNode>).text ?? node.getText();

/** Scans one source file: user-visible literals (in .tsx) and every i18n key it uses. */
export function scanSource(file: string, source: string): { findings: Finding[]; keys: KeyUse[] } {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const findings: Finding[] = [];
  const keys: KeyUse[] = [];
  const lineOf = (node: ts.Node) => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
  const tsx = file.endsWith('.tsx');

  const checkValue = (name: string, value: ts.Node | undefined) => {
    if (!value) return;
    const expr = ts.isJsxExpression(value) ? value.expression : value;
    if (!expr) return;
    if (isKeyName(name)) {
      if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) keys.push({ file, line: lineOf(expr), key: expr.text, prefix: false });
      return;
    }
    if (!tsx || !isUserFacingName(name)) return;
    for (const lit of bareLiterals(expr)) {
      const text = literalText(lit);
      if (hasWords(text)) findings.push({ file, line: lineOf(lit), kind: 'prop', text: `${name}: ${text}` });
    }
  };

  const visit = (node: ts.Node) => {
    if (tsx && ts.isJsxText(node) && hasWords(node.text)) {
      findings.push({ file, line: lineOf(node), kind: 'jsx-text', text: node.text.trim() });
    } else if (ts.isJsxAttribute(node)) {
      const name = node.name.getText(sf);
      checkValue(name, node.initializer);
    } else if (ts.isPropertyAssignment(node)) {
      const name = nameOf(node.name);
      if (name) checkValue(name, node.initializer);
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const isT = (ts.isIdentifier(callee) && callee.text === 't') || (ts.isPropertyAccessExpression(callee) && callee.name.text === 't');
      const arg = node.arguments[0];
      if (isT && arg) {
        if (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) keys.push({ file, line: lineOf(arg), key: arg.text, prefix: false });
        else if (ts.isTemplateExpression(arg)) keys.push({ file, line: lineOf(arg), key: arg.head.text, prefix: true });
      }
    }
    node.forEachChild(visit);
  };
  visit(sf);
  return { findings, keys };
}

type Tree = Record<string, unknown>;
const lookup = (tree: Tree, key: string): unknown =>
  key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Tree)[part] : undefined), tree);

/** Whether a key (or, for a key built at run time, every key under its fixed start) has a text. */
export function keyExists(tree: Tree, use: Pick<KeyUse, 'key' | 'prefix'>): boolean {
  if (!use.prefix) {
    if (typeof lookup(tree, use.key) === 'string') return true;
    // i18next plurals: `short` is looked up as `short_one` / `short_other`.
    return typeof lookup(tree, `${use.key}_one`) === 'string' || typeof lookup(tree, `${use.key}_other`) === 'string';
  }
  if (!use.key.endsWith('.')) return false;
  const node = lookup(tree, use.key.slice(0, -1));
  if (!node || typeof node !== 'object') return false;
  const children = Object.values(node as Tree);
  return children.length > 0 && children.every((v) => typeof v === 'string');
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

function scanRenderer() {
  const findings: Finding[] = [];
  const keys: KeyUse[] = [];
  for (const path of sourceFiles(rendererSrc)) {
    const result = scanSource(relative(rendererSrc, path), readFileSync(path, 'utf8'));
    findings.push(...result.findings);
    keys.push(...result.keys);
  }
  return { findings, keys };
}

const where = (x: { file: string; line: number }) => `${x.file}:${x.line}`;

describe('no user-visible text outside the i18n layer', () => {
  it('finds literal text in JSX and in user-facing props (the scanner itself)', () => {
    const { findings, keys } = scanSource(
      'x.tsx',
      `export const X = () => (
        <Stack>
          <Title>Versterkingsgelden</Title>
          <TextInput label="Bedrag" placeholder={'Bijvoorbeeld 12,50'} aria-label={\`Zoek \${n}\`} />
          <Button title={open ? t('a.b') : 'Sluiten'}>{t('common.save')}</Button>
          <Select data={[{ value: 'nl', label: 'Nederlands' }]} submitLabel="Opslaan" />
          <Text>{formatMoney(100)} · {n} — {t('x.y', { count: 2 })}</Text>
          <NavLink labelKey="nav.funds" label={t(s.labelKey)} data-testid="no text here" />
          <Text>{t(\`eenheid.\${e}\`)}</Text>
        </Stack>
      );`,
    );
    expect(findings.map((f) => f.text)).toEqual([
      'Versterkingsgelden',
      'label: Bedrag',
      'placeholder: Bijvoorbeeld 12,50',
      'aria-label: Zoek ',
      'title: Sluiten',
      'label: Nederlands',
      'submitLabel: Opslaan',
    ]);
    expect(keys.map((k) => [k.key, k.prefix])).toEqual([
      ['a.b', false],
      ['common.save', false],
      ['x.y', false],
      ['nav.funds', false],
      ['eenheid.', true],
    ]);
  });

  it('every screen keeps its texts in the i18n layer', () => {
    const { findings } = scanRenderer();
    expect(findings.map((f) => `${where(f)} ${f.kind} "${f.text}"`)).toEqual([]);
  });
});

describe('every i18n key used in the interface exists in Dutch and in English', () => {
  it('knows full keys, plural keys and keys built at run time (the check itself)', () => {
    const tree = { a: { b: 'x', n_one: '1', n_other: 'n' }, eenheid: { x: 'X', y: 'Y' }, mixed: { s: 'S', deep: { t: 'T' } } };
    expect(keyExists(tree, { key: 'a.b', prefix: false })).toBe(true);
    expect(keyExists(tree, { key: 'a.n', prefix: false })).toBe(true);
    expect(keyExists(tree, { key: 'a.c', prefix: false })).toBe(false);
    expect(keyExists(tree, { key: 'a', prefix: false })).toBe(false);
    expect(keyExists(tree, { key: 'eenheid.', prefix: true })).toBe(true);
    expect(keyExists(tree, { key: 'mixed.', prefix: true })).toBe(false);
    expect(keyExists(tree, { key: 'missing.', prefix: true })).toBe(false);
    expect(keyExists(tree, { key: 'eenh', prefix: true })).toBe(false);
  });

  it('finds the keys in the renderer and each one has a text in both languages', () => {
    const { keys } = scanRenderer();
    expect(keys.length).toBeGreaterThan(20);
    for (const [language, tree] of [
      ['nl', nl],
      ['en', en],
    ] as const) {
      const missing = keys.filter((k) => !keyExists(tree as Tree, k)).map((k) => `${language} ${where(k)} ${k.key}${k.prefix ? '…' : ''}`);
      expect(missing).toEqual([]);
    }
  });
});
