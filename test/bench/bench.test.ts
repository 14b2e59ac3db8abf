import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Statement } from 'better-sqlite3';
import { afterAll, inject, it } from 'vitest';
import type { ImportPreview, ImportResult, IncomingChoice } from '../../electron/api/budget-import';
import type { Envelope } from '../../electron/api/errors';
import { REPORT_SECTIONS, type ReportOptions } from '../../electron/api/report';
import { fixedClock } from '../../electron/core/clock';
import { createCore, type Core } from '../../electron/core';
import { readOnlyLook, STORE_FILE_NAME, type Db } from '../../electron/core/store/open';
import { STAMP_FILE_NAME } from '../../electron/core/store/stamp';
import { startApp } from '../e2e/harness/app';
import { renderReportPdf } from '../e2e/harness/pdf';
import { FIRST_PAINT_BUDGET_GZIP, firstPaintSize } from './first-paint';
import { bankStatementCsv, cachedStore, LAST_YEAR, SIZES, TODAY, type Size } from './generate';
import { sample, samplePair, stats, table, verdict, type Row } from './measure';
import { measureCoreMemory, visitCalls, type Ids, type Load } from './memory';
import { READS_BARE_SQL } from './reads';
import { benchScreens } from './screens';

/**
 * `npm run bench`: generates (or reuses) a store per size and times, in one run, everything a
 * screen asks the core for when it opens, the heavy queries against their bare-SQL lower bound,
 * the audit check, a 10,000-row CSV import, the report PDF in Chromium and a cold open of the store.
 * `team` and `district` always; `stress` (5× district) with BENCH_STRESS=1.
 */

const SEED = Number(process.env.BENCH_SEED ?? 20261128);
/** BENCH_SIZES=team (comma-separated) runs only those sizes, e.g. on a busy machine. */
const RUN: Size[] = process.env.BENCH_SIZES
  ? (process.env.BENCH_SIZES.split(',').filter((s) => s in SIZES) as Size[])
  : ['team', 'district', ...(process.env.BENCH_STRESS ? (['stress'] as const) : [])];
/** The verantwoording bundles: one per team for the last year, read in by an empty district store. */
const BUNDLE_SIZE = (process.env.BENCH_BUNDLE_SIZE ?? 'district-year') as Size;
const QUICK = process.env.BENCH_QUICK === '1';
/**
 * BENCH_ONLY=open,verify runs only those parts: open, screens (each screen's core calls), heavy,
 * memory, verify, import, pdf, bundles, and ui (each screen in Chromium, click to drawn; test/bench/screens.ts).
 */
const ONLY = process.env.BENCH_ONLY?.split(',').map((x) => x.trim());
const section = (name: string) => !ONLY || ONLY.includes(name);
const CORE_SECTIONS = ['open', 'screens', 'heavy', 'memory', 'verify', 'import', 'pdf'];
const N = { screen: QUICK ? 10 : 60, heavy: QUICK ? 10 : 60, verify: QUICK ? 2 : 5, open: QUICK ? 3 : 15, import: QUICK ? 3 : 10, pdf: QUICK ? 1 : 3 };
/** The targets hold at district size (issue 8). */
const TARGETS = { screenP95: 50, reportP95: 100, importP95: 500, openP95: 300, recentVerifyP95: 100, fullVerifyP95: 3000, ratio: 1.5, coreRssMb: 300, bundleImportAll: 5000, districtScreenP95: 150 };


/**
 * Every API call a screen makes when it loads, as its store/page calls them (renderer/src/features/
 * <domain>/store.ts and the pages). Adding a screen to the benchmark is one line here.
 */
export const SCREEN_LOADS: Record<string, (ids: Ids) => Load[]> = {
  shell: () => [['team.list', undefined]],
  dashboard: ({ teamId }) => [['dashboard.get', { teamId, period: { kind: 'year' } }]],
  agenda: ({ teamId }) => [['agenda.catalogue', undefined], ['agenda.templates', undefined], ['agenda.list', { teamId, includeArchived: true }], ['partner.list', { teamId }]],
  'agenda detail': ({ teamId, teamOpgaveId }) => [['agenda.get', { teamId, teamOpgaveId }]],
  clusters: ({ teamId }) => [['clusters.list', { teamId }], ['clusters.overview', { teamId }]],
  funds: ({ teamId, year }) => [
    ['budget.years', { teamId }],
    ['budget.overview', { teamId, year }],
    ['budget.entries.list', { teamId, year }],
    ['budget.decisions.list', { teamId, year }],
    ['budget.expenses.list', { teamId, year }],
    ['budget.links', { teamId }],
    ['receipts.forYear', { teamId, year }],
    ['receipts.missing', { teamId, year }],
  ],
  progress: ({ teamId }) => [
    ['progress.overview', { teamId, period: { kind: 'year' } }],
    ['progress.history', { teamId, period: { kind: 'year' } }],
    ['progress.checkins.list', { teamId, period: { kind: 'year' } }],
  ],
  print: ({ teamId, from, to }) => [['report.get', reportOptions(teamId, from, to)]],
};

const reportOptions = (teamId: number, from: string, to: string): ReportOptions => ({
  teamId,
  kind: 'full',
  from,
  to,
  sections: [...REPORT_SECTIONS],
  opgaven: [],
});

// ---- bare-SQL lower bounds: the same data through better-sqlite3, one prepared statement, no API layer ----

type Params = Ids & { asOf: string };
const PERIOD_CHOSEN = `SELECT t.id, t.opgave_id, o.code, o.title_nl, t.status, t.start_date, t.period_end, r.rhythm
  FROM team_opgave t JOIN opgave o ON o.id = t.opgave_id LEFT JOIN checkin_rhythm r ON r.team_opgave_id = t.id
  WHERE t.team_id = @teamId AND t.archived = 0 AND t.period_start <= @to AND t.period_end >= @from`;
const BARE_SQL = {
  /** Per chosen opgave in the period: its two latest valid check-ins and its action counts. */
  progressOverview: `WITH chosen AS (${PERIOD_CHOSEN}),
    ranked AS (
      SELECT c.team_opgave_id, c.id, c.date, c.status, c.progress, c.confidence,
             row_number() OVER (PARTITION BY c.team_opgave_id ORDER BY c.date DESC, c.id DESC) AS rn
      FROM checkin c JOIN chosen ON chosen.id = c.team_opgave_id
      WHERE c.date BETWEEN @from AND @to AND NOT EXISTS (SELECT 1 FROM checkin n WHERE n.corrects_id = c.id)),
    counts AS (
      SELECT team_opgave_id, count(*) AS total, sum(status = 'afgerond') AS done,
             sum(due_date < @asOf AND status <> 'afgerond') AS overdue
      FROM action WHERE team_id = @teamId AND archived = 0 AND status <> 'gestopt' GROUP BY team_opgave_id)
    SELECT chosen.*, ranked.id AS checkin_id, ranked.date, ranked.status AS checkin_status, ranked.progress, ranked.confidence, ranked.rn,
           counts.total, counts.done, counts.overdue
    FROM chosen LEFT JOIN ranked ON ranked.team_opgave_id = chosen.id AND ranked.rn <= 2
    LEFT JOIN counts ON counts.team_opgave_id = chosen.id`,
  /** Overdue actions and the ten latest changes, as the dashboard adds them. */
  dashboardExtra: `SELECT * FROM (
      SELECT a.id, a.title, a.due_date AS at, 'overdue' AS kind FROM action a JOIN team_opgave t ON t.id = a.team_opgave_id
      WHERE a.team_id = @teamId AND a.archived = 0 AND t.archived = 0 AND a.status NOT IN ('gestopt', 'afgerond')
        AND a.due_date < @asOf ORDER BY a.due_date LIMIT 50)
    UNION ALL SELECT * FROM (
      SELECT c.id, '', c.created_at, 'checkin' FROM checkin c WHERE c.team_id = @teamId ORDER BY c.created_at DESC LIMIT 10)`,
  checkinsList: `SELECT c.*, n.id AS corrected_by_id FROM checkin c LEFT JOIN checkin n ON n.corrects_id = c.id
    WHERE c.team_id = @teamId ORDER BY c.team_opgave_id, c.date, c.id`,
  /** The year's totals per opgave, cluster and month: available, decided, committed and spent. */
  budgetOverview: `SELECT 'available' AS k, NULL AS opgave, NULL AS cluster, NULL AS month, sum(amount_cents) AS cents
      FROM budget_entry WHERE team_id = @teamId AND year = @year
    UNION ALL
    SELECT 'decided', d.team_opgave_id, d.cluster_id, substr(d.decision_date, 6, 2),
           sum(max(0, d.amount_cents - coalesce((SELECT sum(e.amount_cents) FROM expense e WHERE e.decision_id = d.id AND e.voided_at IS NULL), 0)))
      FROM budget_decision d WHERE d.team_id = @teamId AND d.year = @year AND d.status = 'genomen' GROUP BY 2, 3, 4
    UNION ALL
    SELECT 'spent', team_opgave_id, cluster_id, substr(expense_date, 6, 2), sum(amount_cents)
      FROM expense WHERE team_id = @teamId AND year = @year AND voided_at IS NULL GROUP BY 2, 3, 4`,
  expensesList: `SELECT x.*, o.title_nl AS opgave_label, a.title AS action_title, c.name AS cluster_name, d.title AS decision_title,
      (SELECT r.id FROM expense r WHERE r.reverses_id = x.id) AS reversed_by_id
    FROM expense x LEFT JOIN team_opgave t ON t.id = x.team_opgave_id LEFT JOIN opgave o ON o.id = t.opgave_id
    LEFT JOIN action a ON a.id = x.action_id LEFT JOIN cluster c ON c.id = x.cluster_id LEFT JOIN budget_decision d ON d.id = x.decision_id
    WHERE x.team_id = @teamId AND x.year = @year ORDER BY x.expense_date, x.id`,
  decisionsList: `SELECT x.*, (SELECT coalesce(sum(e.amount_cents), 0) FROM expense e WHERE e.decision_id = x.id AND e.voided_at IS NULL) AS spent
    FROM budget_decision x WHERE x.team_id = @teamId AND x.year = @year ORDER BY x.decision_date, x.id`,
  report: `SELECT t.*, (SELECT group_concat(name) FROM team_gemeente g WHERE g.team_id = t.id) AS gemeenten FROM team t WHERE t.id = @teamId`,
  auditRows: 'SELECT * FROM audit_log ORDER BY seq',
  /** The year's attachments with their file's type and size (no bytes), as the expense list shows them. */
  // The year's receipts hang on its expenses, its decisions and its refunds: receipts.forYear reads all three.
  receiptsOfYear: `SELECT a.*, b.mime, b.size FROM attachment a JOIN receipt_blob b ON b.sha256 = a.blob_sha256
    JOIN expense x ON x.id = a.record_id WHERE a.team_id = @teamId AND a.record_kind = 'expense' AND x.year = @year`,
  decisionReceiptsOfYear: `SELECT a.*, b.mime, b.size FROM attachment a JOIN receipt_blob b ON b.sha256 = a.blob_sha256
    JOIN budget_decision x ON x.id = a.record_id WHERE a.team_id = @teamId AND a.record_kind = 'decision' AND x.year = @year`,
  refundReceiptsOfYear: `SELECT a.*, b.mime, b.size FROM attachment a JOIN receipt_blob b ON b.sha256 = a.blob_sha256
    JOIN refund x ON x.id = a.record_id WHERE a.team_id = @teamId AND a.record_kind = 'refund' AND x.year = @year`,
  /** Pinpas expenses that count and have no active attachment. */
  missingReceipts: `SELECT x.id, x.expense_date, x.amount_cents, x.payee FROM expense x
    WHERE x.team_id = @teamId AND x.year = @year AND x.payment_method = 'debitcard' AND x.voided_at IS NULL AND +x.reverses_id IS NULL
      AND NOT EXISTS (SELECT 1 FROM expense r WHERE r.reverses_id = x.id)
      AND NOT EXISTS (SELECT 1 FROM attachment a WHERE a.record_kind = 'expense' AND a.record_id = x.id AND a.detached_at IS NULL)`,
} as const;
const BARE = { ...BARE_SQL, ...READS_BARE_SQL };
type BareName = keyof typeof BARE;

/** The heavy calls, each with the bare statement(s) it is compared with. */
const HEAVY: { call: (ids: Ids) => Load; bare: BareName[]; target?: boolean }[] = [
  { call: (i) => ['dashboard.get', { teamId: i.teamId, period: { kind: 'year' } }], bare: ['progressOverview', 'dashboardExtra', 'budgetOverview', 'missingReceipts'], target: true },
  { call: (i) => ['progress.overview', { teamId: i.teamId, period: { kind: 'year' } }], bare: ['progressOverview'], target: true },
  { call: (i) => ['progress.history', { teamId: i.teamId, period: { kind: 'year' } }], bare: ['chosenInPeriod', 'historyPoints', 'historyClusters'], target: true },
  { call: (i) => ['progress.checkins.list', { teamId: i.teamId }], bare: ['checkinsList'], target: true },
  { call: (i) => ['budget.overview', { teamId: i.teamId, year: i.year }], bare: ['budgetOverview'], target: true },
  { call: (i) => ['budget.expenses.list', { teamId: i.teamId, year: i.year }], bare: ['expensesList'], target: true },
  { call: (i) => ['budget.decisions.list', { teamId: i.teamId, year: i.year }], bare: ['decisionsList'], target: true },
  { call: (i) => ['receipts.forYear', { teamId: i.teamId, year: i.year }], bare: ['receiptsOfYear', 'decisionReceiptsOfYear', 'refundReceiptsOfYear'], target: true },
  { call: (i) => ['receipts.missing', { teamId: i.teamId, year: i.year }], bare: ['missingReceipts'], target: true },
  // The report composes every domain's answer; compared with the same reads done bare (test/bench/reads.ts).
  {
    call: (i) => ['report.get', reportOptions(i.teamId, i.from, i.to)],
    bare: ['report', 'chosenInPeriod', 'latestCheckins', 'historyPoints', 'actionCounts', 'openActions', 'budgetOverview', 'decisionsList', 'missingReceipts', 'runningClusters', 'auditHead'],
    target: true,
  },
];

// ---- the run ----

const rows: Row[] = [];
const lines: string[] = [];
const cleanups: (() => void)[] = [];
afterAll(() => {
  while (cleanups.length) cleanups.pop()!();
});

const clock = fixedClock(TODAY);
const okData = (method: string, env: Envelope<unknown>) => {
  if (!env.ok) throw new Error(`${method} failed in the benchmark: ${env.error.code} ${env.error.message}`);
  return env.data;
};
/** What the renderer waits for: the dispatcher's answer, copied as IPC copies it (structured clone). */
const runLoads = async (core: Core, loads: Load[]) => {
  for (const [m, p] of loads) structuredClone(okData(m, await core.dispatch(m, p)));
};

function idsOf(db: Db): Ids {
  const teamId = (db.prepare('SELECT min(id) AS id FROM team').get() as { id: number }).id;
  const year = LAST_YEAR;
  const teamOpgaveId = (
    db.prepare('SELECT id FROM team_opgave WHERE team_id = ? AND period_start = ? ORDER BY id LIMIT 1').get(teamId, `${year}-01-01`) as { id: number }
  ).id;
  return { teamId, year, teamOpgaveId, from: `${year}-01-01`, to: TODAY };
}

async function benchSize(size: Size) {
  const started = performance.now();
  const cached = cachedStore(size, SEED);
  lines.push(
    cached.generatedMs === null
      ? `${size}: store reused from ${cached.dataDir}`
      : `${size}: generated in ${(cached.generatedMs / 1000).toFixed(1)} s, checked in ${(cached.checkedMs! / 1000).toFixed(1)} s (${Object.entries(cached.counts!)
          .map(([t, n]) => `${n} ${t}`)
          .join(', ')})`,
  );
  // Work on a copy: the import writes, and the cached store must stay as generated.
  const receiptBytes = readOnlyLook(cached.file, (db) => (db.prepare('SELECT count(*) AS n, COALESCE(SUM(size), 0) AS bytes FROM receipt_blob').get() as { n: number; bytes: number }));
  lines.push(
    `${size}: store file ${(statSync(cached.file).size / 1024 / 1024).toFixed(1)} MB, of which ${receiptBytes.n} receipts ${(receiptBytes.bytes / 1024 / 1024).toFixed(1)} MB`,
  );
  const work = mkdtempSync(join(tmpdir(), `teamchef-bench-${size}-`));
  cleanups.push(() => rmSync(work, { recursive: true, force: true }));
  copyFileSync(cached.file, join(work, STORE_FILE_NAME));
  const target = size === 'district';
  const withTarget = (t: Row['target']) => (target ? t : undefined);

  if (section('open')) {
    // Open after an orderly close (clean-shutdown stamp): identity and version at once, the page check
    // in a worker thread; timed until the core answers, then until writes are allowed again.
    const cleanOpens: number[] = [];
    const writable: number[] = [];
    for (let i = 0; i <= N.open; i++) {
      const t = performance.now();
      const core = createCore({ dataDir: work, clock });
      const opened = performance.now() - t;
      const pending = core.storePending();
      await pending;
      const checked = performance.now() - t;
      core.close();
      // The first open finds no stamp (a copied file); from then on each close leaves one.
      if (i > 0) {
        if (!pending) throw new Error('A cleanly closed store was checked in full at open');
        cleanOpens.push(opened);
        writable.push(checked);
      }
    }
    rows.push({ size, item: 'open store, clean (createCore)', stats: stats(cleanOpens), target: withTarget({ p95Under: TARGETS.openP95 }) });
    rows.push({ size, item: '  until writable (background check)', stats: stats(writable), note: 'reads answer meanwhile; writes wait' });
    // Open after a crash (no stamp): the full check before anything, as before.
    const opens = await sample(() => {
      rmSync(join(work, STAMP_FILE_NAME), { force: true });
      createCore({ dataDir: work, clock }).close();
    }, N.open, 1);
    rows.push({ size, item: 'open store, unclean (createCore)', stats: stats(opens) });
    const checks = await sample(() => readOnlyLook(join(work, STORE_FILE_NAME), (db) => db.pragma('quick_check', { simple: true })), N.open, 1);
    rows.push({ size, item: '  of which quick_check', stats: stats(checks) });
  }

  // Read at every change: the write rows below switch the audit check after changes off and on.
  const coreOptions = { dataDir: work, clock, verifyAfterChanges: true };
  const core = createCore(coreOptions);
  cleanups.push(() => core.close());
  const ids = idsOf(core.db);

  if (section('screens')) {
    // Every screen's loads together.
    for (const [screen, loadsOf] of Object.entries(SCREEN_LOADS)) {
      const loads = loadsOf(ids);
      const samples = await sample(() => runLoads(core, loads), N.screen);
      rows.push({
        size,
        item: `screen ${screen} (${loads.length} call${loads.length > 1 ? 's' : ''})`,
        stats: stats(samples),
        target: withTarget({ p95Under: screen === 'print' ? TARGETS.reportP95 : TARGETS.screenP95 }),
      });
    }
  }

  const params: Params = { ...ids, asOf: TODAY };
  const prepared = new Map<BareName, Statement>();
  const bare = (name: BareName) => {
    let st = prepared.get(name);
    if (!st) prepared.set(name, (st = core.db.prepare(BARE[name])));
    const used = Object.fromEntries(Object.entries(params).filter(([k]) => BARE[name].includes(`@${k}`)));
    return st.all(used);
  };
  if (section('heavy')) {
    // Heavy calls against the bare-SQL bound, interleaved so both see the same machine.
    for (const h of HEAVY) {
      const [m, p] = h.call(ids);
      const [api, sql] = await samplePair(
        async () => okData(m, await core.dispatch(m, p)),
        () => h.bare.forEach(bare),
        N.heavy,
      );
      rows.push({ size, item: m, stats: stats(api), bare: stats(sql).median, target: withTarget(h.target ? { ratioUnder: TARGETS.ratio } : undefined) });
    }
  }

  if (section('memory')) {
    // The core's memory after a chief has opened every screen for every year, in a process of its own.
    const visit = visitCalls(cached.file, TODAY, SCREEN_LOADS);
    const m = await measureCoreMemory(cached.file, visit.calls, `${TODAY}T12:00:00`);
    rows.push({
      size,
      item: 'core RSS after every screen, MB',
      stats: { n: 1, median: m.visited.rss, p95: m.visited.rss },
      target: withTarget({ p95Under: TARGETS.coreRssMb }),
      note: `MB, not ms: ${m.calls} load calls (team ${visit.teamId}, every year and quarter) in ${(m.ms / 1000).toFixed(1)} s; RSS ${m.opened.rss} MB after open, ${m.collected.rss} after GC; JS heap ${m.visited.heapUsed} MB (${m.collected.heapUsed} after GC)`,
    });
  }

  if (section('verify')) {
    // The audit check: every record's hash, every audited row against its latest record.
    const [verify, auditRead] = await samplePair(
      async () => {
        const r = okData('audit.verify', await core.dispatch('audit.verify', { teamId: ids.teamId })) as { ok: boolean; problems: unknown[] };
        if (!r.ok) throw new Error(`audit.verify found problems in the generated store: ${JSON.stringify(r.problems.slice(0, 3))}`);
      },
      () => {
        bare('auditRows');
        core.db.prepare('SELECT * FROM expense').all();
      },
      N.verify,
      1,
    );
    rows.push({ size, item: 'audit.verify', stats: stats(verify), bare: stats(auditRead).median, note: 'bare = reading the rows only; the rest is sha256 of every record and of every receipt file' });

    // The full verification as the overview runs it: in the core's worker threads, from the start
    // until its result is recorded; meanwhile the screen's own calls (the overview) keep answering.
    const fulls: number[] = [];
    const meanwhile: number[] = [];
    for (let i = 0; i < N.verify + 1; i++) {
      const t = performance.now();
      okData('audit.verifyStart', await core.dispatch('audit.verifyStart', { teamId: ids.teamId }));
      const during: number[] = [];
      for (;;) {
        const s = okData('audit.verifyStatus', await core.dispatch('audit.verifyStatus', { teamId: ids.teamId })) as {
          job: { state: string; message?: string };
          last: { ok: boolean } | null;
        };
        if (s.job.state !== 'running') {
          if (s.job.state !== 'done' || !s.last?.ok) throw new Error(`the full verification ended ${s.job.state}: ${JSON.stringify(s)}`);
          break;
        }
        const c = performance.now();
        okData('budget.overview', await core.dispatch('budget.overview', { teamId: ids.teamId, year: ids.year }));
        during.push(performance.now() - c);
        await new Promise((r) => setTimeout(r, 5));
      }
      // The first run warms up (worker start, page cache), as the other rows' warm-up does.
      if (i === 0) continue;
      fulls.push(performance.now() - t);
      meanwhile.push(...during);
    }
    rows.push({ size, item: 'full audit verify (workers, start → result)', stats: stats(fulls), target: withTarget({ p95Under: TARGETS.fullVerifyP95 }), note: 'what the overview button runs, with progress and cancel' });
    rows.push({ size, item: '  budget.overview while it runs', stats: stats(meanwhile), note: 'the main process keeps answering' });

    // An ordinary change (voiding one expense, audited): with the audit check the core runs after
    // each change, and without it (switched off on the same core, interleaved), each timed until the
    // next turn of the event loop, when that check has run. Then the check of one write on its own.
    const open = core.db
      .prepare<[number, number], { id: number }>('SELECT id FROM expense WHERE team_id = ? AND voided_at IS NULL AND reverses_id IS NULL AND NOT EXISTS (SELECT 1 FROM expense r WHERE r.reverses_id = expense.id) ORDER BY id DESC LIMIT ?')
      .all(ids.teamId, 3 * N.screen + 5)
      .map((r) => r.id);
    /** Answers how long until the write was answered; returns after the next turn (the check, when on, has run). */
    const voidOne = async (expenseId: number) => {
      const t = performance.now();
      okData('budget.expenses.void', await core.dispatch('budget.expenses.void', { teamId: ids.teamId, expenseId, reason: 'Verkeerd ingevoerd.' }));
      const answered = performance.now() - t;
      await new Promise((r) => setImmediate(r));
      return answered;
    };
    // Anything not yet checked (the full verify above left the head at the newest record) is checked first.
    okData('audit.verifyRecent', await core.dispatch('audit.verifyRecent', { teamId: ids.teamId }));
    const withCheck: number[] = [];
    const withoutCheck: number[] = [];
    const answeredWith: number[] = [];
    const answeredWithout: number[] = [];
    const recents: number[] = [];
    for (let i = 0; i + 2 < open.length; i += 3) {
      coreOptions.verifyAfterChanges = i % 2 === 0;
      for (const on of [coreOptions.verifyAfterChanges, !coreOptions.verifyAfterChanges]) {
        coreOptions.verifyAfterChanges = on;
        const t = performance.now();
        const answered = await voidOne(open[on ? i : i + 1]!);
        (on ? withCheck : withoutCheck).push(performance.now() - t);
        (on ? answeredWith : answeredWithout).push(answered);
      }
      // The unchecked write above, then the check of what one write added, alone.
      okData('audit.verifyRecent', await core.dispatch('audit.verifyRecent', { teamId: ids.teamId }));
      coreOptions.verifyAfterChanges = false;
      await voidOne(open[i + 2]!);
      const t = performance.now();
      const r = okData('audit.verifyRecent', await core.dispatch('audit.verifyRecent', { teamId: ids.teamId })) as { ok: boolean; records: number };
      recents.push(performance.now() - t);
      if (!r.ok || r.records < 1) throw new Error(`audit.verifyRecent after one write: ${JSON.stringify(r)}`);
    }
    coreOptions.verifyAfterChanges = true;
    const status = okData('audit.recentStatus', await core.dispatch('audit.recentStatus', { teamId: ids.teamId })) as { ok: boolean };
    if (!status.ok) throw new Error('The audit check after each change found a problem in the generated store');
    rows.push({ size, item: 'one write (void an expense): answered', stats: stats(answeredWith), bare: stats(answeredWithout).median, note: 'with the audit check after changes on; bare = the same write with it off' });
    rows.push({ size, item: '  until its audit check has run', stats: stats(withCheck), bare: stats(withoutCheck).median, note: 'the next turn of the event loop; bare = check off' });
    rows.push({ size, item: 'audit.verifyRecent after one write', stats: stats(recents), target: withTarget({ p95Under: TARGETS.recentVerifyP95 }) });
  }

  if (section('import')) {
    // A 10,000-line bank statement into the team with the most expenses, as a chief imports it:
    // preview (parse, map, duplicate flags, a proposal for every incoming line) and commit (the
    // proposals accepted, the flagged duplicates left out; one transaction with every audit record).
    // Timed from an open store: a commit right after opening would also wait for the background page check.
    await core.storePending();
    const previews: number[] = [];
    const commits: number[] = [];
    // The teams with the most expenses (in the district store all twenty have 20,200), one per file,
    // so every file meets a team as large as generated rather than one the files before have grown.
    const largest = core.db
      .prepare('SELECT team_id AS id, count(*) AS n FROM expense GROUP BY team_id ORDER BY n DESC, team_id')
      .all() as { id: number; n: number }[];
    const importTeams = largest.filter((t) => t.n === largest[0]!.n).map((t) => t.id);
    // Twenty of the team's expenses this year come back on its statement; the rest of every file is new.
    const knownOf = core.db.prepare(`SELECT expense_date AS date, amount_cents AS amountCents, payee FROM expense
      WHERE team_id = ? AND year = ? AND voided_at IS NULL AND reverses_id IS NULL ORDER BY id LIMIT 20 OFFSET 100`);
    // CPU time of this process beside the clock: on a shared machine the clock also counts waiting for a core.
    const cpuMs = { preview: [] as number[], commit: [] as number[] };
    const cpuSince = (from: NodeJS.CpuUsage) => {
      const d = process.cpuUsage(from);
      return (d.user + d.system) / 1000;
    };
    let flagged = 0;
    let proposedRefunds = 0;
    for (let i = 0; i < N.import; i++) {
      const importTeam = importTeams[i % importTeams.length]!;
      const known = knownOf.all(importTeam, LAST_YEAR) as { date: string; amountCents: number; payee: string }[];
      const content = Buffer.from(bankStatementCsv(10_000, SEED + i, { incomingShare: 0.05, duplicates: known })).toString('base64');
      const file = { teamId: importTeam, fileName: `NL01BANK0123456789_${i}.csv`, contentBase64: content };
      let t = performance.now();
      let cpu = process.cpuUsage();
      const preview = okData('budget.import.preview', await core.dispatch('budget.import.preview', file)) as ImportPreview;
      previews.push(performance.now() - t);
      cpuMs.preview.push(cpuSince(cpu));
      if (!preview.mapping || preview.errors.length || preview.rows.length !== 10_000) throw new Error('The benchmark CSV was not read as 10,000 lines');
      const dups = preview.rows.filter((r) => r.duplicateOf?.kind === 'uitgave').map((r) => r.row);
      if (dups.length < known.length) throw new Error(`only ${dups.length} of the ${known.length} known expenses were flagged as duplicates`);
      const incoming: IncomingChoice[] = preview.rows
        .filter((r) => r.direction === 'bij')
        .map((r) => {
          const p = r.proposal!;
          if (p.action !== 'terugbetaling') return { row: r.row, action: p.action, reason: p.reason || 'Bijdrage' };
          return p.expenseId !== null ? { row: r.row, action: 'terugbetaling', expenseId: p.expenseId } : { row: r.row, action: 'terugbetaling', expenseRow: p.expenseRow! };
        });
      flagged += dups.length;
      proposedRefunds += incoming.filter((c) => c.action === 'terugbetaling').length;
      t = performance.now();
      cpu = process.cpuUsage();
      const result = okData(
        'budget.import.commit',
        await core.dispatch('budget.import.commit', { ...file, mapping: preview.mapping, paymentMethod: 'debitcard', skipRows: dups, incoming }),
      ) as ImportResult;
      commits.push(performance.now() - t);
      cpuMs.commit.push(cpuSince(cpu));
      if (result.imported + result.refunds + result.income + result.skipped !== 10_000) throw new Error(`import wrote ${JSON.stringify({ ...result, expenseIds: undefined })} of 10,000 lines`);
    }
    const importNote = `${Math.min(N.import, importTeams.length)} teams of ${largest[0]!.n} expenses; per file ~${Math.round(proposedRefunds / N.import)} refunds proposed and booked, ${Math.round(flagged / N.import)} duplicates flagged and left out`;
    rows.push({ size, item: 'import 10,000 rows: preview', stats: stats(previews), note: importNote });
    rows.push({ size, item: 'import 10,000 rows: commit', stats: stats(commits), note: `CPU median: preview ${stats(cpuMs.preview).median.toFixed(0)} ms, commit ${stats(cpuMs.commit).median.toFixed(0)} ms` });
    rows.push({
      size,
      item: 'import 10,000 rows: preview + commit',
      stats: stats(previews.map((p, i) => p + commits[i]!)),
      target: withTarget({ p95Under: TARGETS.importP95 }),
    });
  }

  // The report as PDF in Chromium (the print window's engine), on this store.
  core.close();
  cleanups.pop();
  if (!section('pdf')) {
    lines.push(`${size}: measured in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    return;
  }
  // On the store as generated, the report a chief prints: after the import part the team's year
  // holds tens of thousands more expenses than any chief's.
  const printDir = mkdtempSync(join(tmpdir(), `teamchef-bench-print-${size}-`));
  cleanups.push(() => rmSync(printDir, { recursive: true, force: true }));
  copyFileSync(cached.file, join(printDir, STORE_FILE_NAME));
  const app = await startApp({ clock, dataDir: printDir });
  try {
    const pdfDir = mkdtempSync(join(tmpdir(), 'teamchef-bench-pdf-'));
    cleanups.push(() => rmSync(pdfDir, { recursive: true, force: true }));
    const options = reportOptions(ids.teamId, ids.from, ids.to);
    const pdfs = await sample(async () => {
      const pdf = await renderReportPdf(app, options, pdfDir);
      if (pdf.pages < 1) throw new Error('empty PDF');
      return pdf.ms;
    }, N.pdf, 1);
    rows.push({ size, item: 'report PDF in Chromium', stats: stats(pdfs), note: 'navigation to finished PDF, browser already running; the store as generated' });
  } finally {
    await app.close();
  }
  lines.push(`${size}: measured in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

/**
 * Every team of a store sends its bundle for the last year; an empty store (the district's) checks
 * and reads them all in with one call, as the district view does with the files chosen at once.
 * Then the district screen's load, on those bundles.
 */
async function benchBundles(size: Size) {
  const cached = cachedStore(size, SEED);
  lines.push(cached.generatedMs === null ? `bundles: ${size} store reused from ${cached.dataDir}` : `bundles: ${size} store generated in ${(cached.generatedMs / 1000).toFixed(1)} s`);
  const work = mkdtempSync(join(tmpdir(), `teamchef-bench-bundles-`));
  const districtDir = mkdtempSync(join(tmpdir(), `teamchef-bench-district-`));
  cleanups.push(() => rmSync(work, { recursive: true, force: true }), () => rmSync(districtDir, { recursive: true, force: true }));
  copyFileSync(cached.file, join(work, STORE_FILE_NAME));
  const teams = createCore({ dataDir: work, clock });
  const files: { name: string; text: string }[] = [];
  const exports: number[] = [];
  try {
    const ids = (teams.db.prepare('SELECT id FROM team ORDER BY id').all() as { id: number }[]).map((r) => r.id);
    for (const teamId of ids) {
      const t = performance.now();
      const b = okData('district.export', await teams.dispatch('district.export', { teamId, from: `${LAST_YEAR}-01-01`, to: TODAY })) as { fileName: string; text: string };
      exports.push(performance.now() - t);
      files.push({ name: b.fileName, text: b.text });
    }
  } finally {
    teams.close();
  }
  const mb = files.reduce((s, f) => s + f.text.length, 0) / 1e6;
  rows.push({ size, item: `bundle export (one team, 1 yr)`, stats: stats(exports), note: `${files.length} bundles, ${mb.toFixed(1)} MB in all` });

  const district = createCore({ dataDir: districtDir, clock });
  cleanups.push(() => district.close());
  const trust = [...new Set((okData('district.inspect', await district.dispatch('district.inspect', { files: files.slice(0, 1) })) as { key: { fingerprint: string } }[]).map((i) => i.key.fingerprint))];
  const t = performance.now();
  // As over IPC: the files are copied (structured clone) into the call.
  const results = okData('district.import', await district.dispatch('district.import', structuredClone({ files, trust }))) as { status: string }[];
  const importMs = performance.now() - t;
  if (results.some((r) => r.status !== 'imported')) throw new Error(`bundles not imported: ${JSON.stringify(results.filter((r) => r.status !== 'imported')).slice(0, 300)}`);
  rows.push({
    size,
    item: `import ${files.length} bundles at once (verify + store)`,
    stats: stats([importMs]),
    target: size === 'district-year' ? { p95Under: TARGETS.bundleImportAll } : undefined,
  });
  const loads = await sample(() => runLoads(district, [['district.overview', undefined]]), N.screen);
  rows.push({ size, item: 'screen district (1 call)', stats: stats(loads), target: size === 'district-year' ? { p95Under: TARGETS.districtScreenP95 } : undefined });
}

it(`measures ${RUN.join(', ')}`, async () => {
  const started = performance.now();
  if (CORE_SECTIONS.some(section)) for (const size of RUN) await benchSize(size);
  if (section('bundles')) await benchBundles(BUNDLE_SIZE);
  // What the chief sees, in Chromium: at team and district size (stress is for the core's reads).
  if (section('ui')) for (const size of RUN.filter((s) => s === 'team' || s === 'district')) rows.push(...(await benchScreens(size, SEED, lines)));

  const bundle = firstPaintSize(inject('rendererDir'));
  const expenses = readFileSync(resolve(import.meta.dirname, '../../renderer/src/features/budget/ExpensesScreen.tsx'), 'utf8');
  const misses = rows.filter((r) => verdict(r).startsWith('MISS'));
  const report = [
    '',
    `Teamchef benchmark — seed ${SEED}, today ${TODAY}, sizes ${RUN.map((s) => `${s} (${SIZES[s].teams} team${SIZES[s].teams > 1 ? 's' : ''} × ${SIZES[s].years} yr)`).join(', ')}`,
    ...lines,
    'screen rows: every load call of the screen in turn through the dispatcher (validation, handler, envelope) plus the IPC copy (structured clone) of each answer.',
    'click → ready rows: Chromium at 1366×768 on the built renderer, from the click on the navigation item to the screen\'s data-ready mark (data in, charts drawn, no loader) and its paint; the first visit of each screen is in the median and p95 (test/bench/screens.ts).',
    'API/bare: median of the call through the dispatcher against the median of the same data read with one prepared statement per part, interleaved in the same run.',
    '',
    table(rows),
    '',
    `renderer: JavaScript before first paint ${(bundle.totalGzip / 1024).toFixed(1)} KB gzipped in ${bundle.files.length} files (target < ${FIRST_PAINT_BUDGET_GZIP / 1024} KB): ${bundle.totalGzip < FIRST_PAINT_BUDGET_GZIP ? 'ok' : 'MISS'}`,
    `renderer: expense list virtualised with @tanstack/react-virtual: ${/useVirtualizer\(/.test(expenses) ? 'yes' : 'NO'}`,
    `targets at district: ${misses.length === 0 ? 'all hold' : `${misses.length} missed: ${misses.map((r) => r.item.trim()).join('; ')}`}`,
    `total ${((performance.now() - started) / 1000).toFixed(0)} s`,
    '',
  ].join('\n');
  console.log(report);
  if (process.env.BENCH_OUT) writeFileSync(process.env.BENCH_OUT, report);
  if (process.env.BENCH_STRICT === '1' && misses.length) throw new Error(`Targets missed: ${misses.map((r) => r.item).join(', ')}`);
});
