// Runs @doyensec/electronegativity on electron/ and fails on any HIGH-severity finding.
// The tool exits 0 whatever it finds, so its report is read here. Used by `npm run test:security`.
//
// No check is excluded. Known MEDIUM findings, both covered elsewhere:
// - CSP_GLOBAL_CHECK: the CSP is sent as a response header by the app:// protocol handler
//   (electron/main/csp.ts, app-protocol.ts), which the tool cannot see; tested in electron-security.test.ts.
// - AUXCLICK_JS_CHECK: a middle click would open a new window; setWindowOpenHandler denies every
//   new window (electron/main/window.ts); tested in electron-security.test.ts.
// AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK needs Electron's release list from the network; offline it
// finds nothing. The Electron version is checked in electron-security.test.ts instead.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);

// The tool fetches translations and Electron's release list over the network (and crashes when
// offline, from a retry timer). It runs fully offline here: its HTTP client answers "no network".
const toolRequire = createRequire(require.resolve('@doyensec/electronegativity'));
const offline = () => Promise.reject(new Error('offline: electronegativity runs without network here'));
offline.head = offline;
offline.get = offline;
for (const from of [toolRequire, createRequire(toolRequire.resolve('./locales/i18n.js'))]) {
  const gotPath = from.resolve('got');
  require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: Object.assign(offline, { default: offline }) };
}
const run = require('@doyensec/electronegativity');
const INPUT = process.argv[2] ? path.resolve(process.argv[2]) : path.join(root, 'electron');

const electronVersion = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).devDependencies.electron;
const report = path.join(root, '.tmp', 'electronegativity.csv');
mkdirSync(path.dirname(report), { recursive: true });

const quiet = console.log;
console.log = () => {}; // the tool chats about translations and release lists
let result;
try {
  result = await run({
    input: INPUT,
    output: report,
    isSarif: false,
    customScan: [],
    excludeFromScan: [],
    isRelative: true,
    isVerbose: false,
    electronVersionOverride: electronVersion,
    parserPlugins: [],
  });
} finally {
  console.log = quiet;
}

const issues = result.issues.map((i) => ({
  id: i.id,
  severity: i.severity?.name ?? String(i.severity),
  confidence: i.confidence?.name ?? String(i.confidence),
  file: path.relative(root, i.file ?? '') || 'N/A',
  line: i.location?.line ?? 0,
  description: i.description,
}));
for (const i of issues) console.log(`${i.severity.padEnd(13)} ${i.confidence.padEnd(9)} ${i.id} ${i.file}:${i.line}  ${i.description}`);
if (result.errors.length) console.log(`electronegativity: ${result.errors.length} files could not be parsed:`, result.errors.map((e) => e.file ?? e));
const high = issues.filter((i) => i.severity === 'HIGH');
console.log(`electronegativity: ${result.atomicChecks + result.globalChecks} checks, ${issues.length} findings, ${high.length} high (report: ${path.relative(root, report)})`);
writeFileSync(path.join(root, '.tmp', 'electronegativity.json'), JSON.stringify(issues, null, 2));
if (high.length > 0 || result.errors.length > 0) process.exit(1);
