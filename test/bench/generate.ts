import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExpenseInput } from '../../electron/api/budget';
import { contract, type Method } from '../../electron/api/contract';
import type { Ctx, InputOf, ResultOf } from '../../electron/api/define';
import type { Eenheid } from '../../electron/api/team';
import { ACTION_TEMPLATES } from '../../electron/core/agenda/templates';
import { createAuditLog } from '../../electron/core/audit/chain';
import { checkBudgetInvariants } from '../../electron/core/budget/invariants';
import { createBudgetService, type BudgetService, type NewExpense } from '../../electron/core/budget/service';
import { localIsoDate } from '../../electron/core/clock';
import { createCore, type Core } from '../../electron/core';
import { LATEST_VERSION } from '../../electron/core/store/migrations';
import { readOnlyLook, STORE_FILE_NAME } from '../../electron/core/store/open';

/**
 * A deterministic store of any size, written through the app's own API: every record passes the
 * contract's validation and the domain services' rules, and every budget write is chained into the
 * audit trail exactly as in the app. Same size + seed = the same store, row for row.
 */

export type Size = 'team' | 'district' | 'district-year' | 'stress';

export interface SizeSpec {
  teams: number;
  years: number;
  /** Per team and year. */
  actions: number;
  checkins: number;
  expenses: number;
  decisions: number;
  /**
   * Share of the expenses with a receipt attached (one file each), and the size of each file.
   * `optIn`: only with BENCH_RECEIPTS=1, because the files would dwarf the ledger being measured.
   */
  receipts: { share: number; bytes: number; optIn?: boolean };
}

export const SIZES: Record<Size, SizeSpec> = {
  team: { teams: 1, years: 1, actions: 60, checkins: 50, expenses: 300, decisions: 12, receipts: { share: 1, bytes: 200_000 } },
  // With BENCH_RECEIPTS=1, 10% of 400,000 expenses get a 200 KB photo: 40,000 files, about 8 GB of receipts.
  district: { teams: 20, years: 10, actions: 100, checkins: 500, expenses: 2000, decisions: 30, receipts: { share: 0.1, bytes: 200_000, optIn: true } },
  /** The district's twenty teams over one year: what their verantwoording bundles to the district hold (the bundle carries no receipts). */
  'district-year': { teams: 20, years: 1, actions: 100, checkins: 500, expenses: 2000, decisions: 30, receipts: { share: 0, bytes: 0 } },
  // Stress measures the ledger at 5× district; its receipts would be 40 GB, so it has none.
  stress: { teams: 100, years: 10, actions: 100, checkins: 500, expenses: 2000, decisions: 30, receipts: { share: 0, bytes: 0 } },
};

/** The bench's "today": the last year of every size ends here (the demo uses the real today). */
export const TODAY = '2026-11-28';
export const LAST_YEAR = Number(TODAY.slice(0, 4));
/** Bumped whenever the generator writes different data, so cached stores are rebuilt. */
export const GENERATOR_VERSION = 2;

/** mulberry32: a small, fast, seeded PRNG; the same seed always gives the same sequence. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = ReturnType<typeof createRng>;
function createRng(seed: number) {
  const next = mulberry32(seed);
  const rng = {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
    chance: (p: number) => next() < p,
    /** `count` distinct integers from [min, max], sorted. */
    distinct(count: number, min: number, max: number): number[] {
      const span = max - min + 1;
      if (count >= span) return Array.from({ length: span }, (_, i) => min + i);
      const set = new Set<number>();
      while (set.size < count) set.add(rng.int(min, max));
      return [...set].sort((a, b) => a - b);
    },
  };
  return rng;
}

// ---- Dutch names, after the examples in "Podium voor goed politiewerk" ----

const TEAMS: readonly { name: string; eenheid: Eenheid; district: string; gemeenten: string[] }[] = [
  { name: 'Basisteam Twente-Noord', eenheid: 'oost-nederland', district: 'Twente', gemeenten: ['Enschede', 'Losser', 'Dinkelland'] },
  { name: 'Basisteam IJmond', eenheid: 'noord-holland', district: 'Kennemerland', gemeenten: ['Velsen', 'Beverwijk', 'Heemskerk'] },
  { name: 'Basisteam Bollenstreek', eenheid: 'den-haag', district: 'Leiden-Bollenstreek', gemeenten: ['Lisse', 'Hillegom', 'Teylingen', 'Noordwijk'] },
  { name: 'Basisteam Lopikerwaard', eenheid: 'midden-nederland', district: 'Utrecht-Zuidwest', gemeenten: ['IJsselstein', 'Lopik', 'Montfoort'] },
  { name: 'Basisteam Utrecht-Oost', eenheid: 'midden-nederland', district: 'Utrecht-Stad', gemeenten: ['Utrecht', 'Bunnik'] },
  { name: 'Basisteam Twente-Zuid', eenheid: 'oost-nederland', district: 'Twente', gemeenten: ['Hengelo', 'Borne', 'Haaksbergen'] },
  { name: 'Basisteam Amersfoort', eenheid: 'midden-nederland', district: 'Eemland', gemeenten: ['Amersfoort', 'Leusden'] },
  { name: 'Basisteam Zuid-Kennemerland', eenheid: 'noord-holland', district: 'Kennemerland', gemeenten: ['Haarlem', 'Bloemendaal', 'Zandvoort'] },
  { name: 'Basisteam Rijnstreek', eenheid: 'den-haag', district: 'Leiden-Bollenstreek', gemeenten: ['Alphen aan den Rijn', 'Kaag en Braassem'] },
  { name: 'Basisteam Maastricht', eenheid: 'limburg', district: 'Zuid-Limburg', gemeenten: ['Maastricht', 'Eijsden-Margraten'] },
  { name: 'Basisteam Heuvelland', eenheid: 'limburg', district: 'Zuid-Limburg', gemeenten: ['Valkenburg aan de Geul', 'Gulpen-Wittem', 'Vaals'] },
  { name: 'Basisteam Zwolle', eenheid: 'oost-nederland', district: 'IJsselland', gemeenten: ['Zwolle', 'Zwartewaterland'] },
  { name: 'Basisteam Groningen-Centrum', eenheid: 'noord-nederland', district: 'Groningen', gemeenten: ['Groningen'] },
  { name: 'Basisteam Zaanstreek', eenheid: 'noord-holland', district: 'Zaanstreek-Waterland', gemeenten: ['Zaanstad', 'Oostzaan', 'Wormerland'] },
  { name: 'Basisteam Rotterdam-Noord', eenheid: 'rotterdam', district: 'Rotterdam-Noord', gemeenten: ['Rotterdam'] },
  { name: 'Basisteam Breda', eenheid: 'zeeland-west-brabant', district: 'De Baronie', gemeenten: ['Breda', 'Alphen-Chaam'] },
  { name: 'Basisteam Walcheren', eenheid: 'zeeland-west-brabant', district: 'Zeeland', gemeenten: ['Middelburg', 'Vlissingen', 'Veere'] },
  { name: 'Basisteam Eindhoven-Zuid', eenheid: 'oost-brabant', district: 'Zuidoost-Brabant', gemeenten: ['Eindhoven', 'Waalre'] },
  { name: 'Basisteam Amsterdam-Centrum', eenheid: 'amsterdam', district: 'Amsterdam-Centrum', gemeenten: ['Amsterdam'] },
  { name: 'Basisteam Fryslân-Noord', eenheid: 'noord-nederland', district: 'Fryslân', gemeenten: ['Leeuwarden', 'Noardeast-Fryslân'] },
];

const WIJKEN = ['Centrum', 'Noord', 'Oost', 'Zuid', 'West', 'Havengebied', 'Binnenstad', 'Dorpskern', 'Stationsgebied', 'Buitengebied', 'Bedrijventerrein', 'Nieuwbouwwijk'];
const CLUSTER_NAMES = ['Cluster Noord', 'Cluster Oost', 'Cluster Zuid', 'Cluster West', 'Cluster Centrum', 'Cluster Haven'];
const PEOPLE = ['J. de Vries', 'M. Jansen', 'S. Bakker', 'A. Visser', 'R. Smit', 'L. Meijer', 'K. de Boer', 'P. Mulder', 'E. de Groot', 'H. Bos', 'N. Vos', 'T. Peters', 'I. Hendriks', 'F. van Dijk', 'W. Dekker'];
const PARTNERS: readonly { name: string; kind: 'gemeente' | 'ondernemers' | 'sleutelfiguren' | 'om' | 'onderwijs' | 'zorg' | 'politie' | 'anders' }[] = [
  { name: 'Hogeschool', kind: 'onderwijs' },
  { name: 'Sleutelfiguren in de wijk', kind: 'sleutelfiguren' },
  { name: 'Douane', kind: 'politie' },
  { name: 'Belastingdienst/FIOD', kind: 'anders' },
  { name: 'Openbaar Ministerie', kind: 'om' },
  { name: 'Ondernemersvereniging', kind: 'ondernemers' },
  { name: 'Bibliotheek', kind: 'anders' },
  { name: 'Wijkteam zorg', kind: 'zorg' },
  { name: 'Sportvereniging', kind: 'anders' },
];
const ACTION_TITLES = [
  ...ACTION_TEMPLATES.map((t) => t.titleNl),
  'Pop-up politiebureau in leegstaand winkelpand',
  'Chromebook-werkplek in de supermarkt',
  'Mobiel politiebureau op de markt',
  'Koffie met een cop',
  'Webcare-dienst uitbreiden naar het weekend',
  'Training digitaal vakmanschap',
  'Buurtavond over ondermijning',
  'Ronde tafel met sleutelfiguren',
  'Politiemonitor bespreken met de wijk',
  'Intervisie tussen de clusters',
  'Gezamenlijke controle met de Douane',
  'Spreekuur in het wijkcentrum',
];
const DECISION_TITLES = [
  'Inrichting pop-up politiebureau',
  'Webcare-dienst met de hogeschool',
  'Bijeenkomsten Bondgenoten',
  'Materiaal mobiel politiebureau',
  'Training ondermijning herkennen',
  'Chromebooks voor de wijkagenten',
  'Teamdag klein binnen groot',
  'Koffie met een cop: locaties',
  'Projectbudget Fabricius-aanpak',
  'Intervisie en coaching',
  'Drukwerk en communicatie',
  'WhatsApp-spreekuur rond de jaarwisseling',
];
export const PAYEES = ['Albert Heijn', 'Jumbo', 'HEMA', 'Bol.com', 'Coolblue', 'NS', 'Drukkerij De Wijk', 'Wijkcentrum De Brug', 'Lunchroom De Hoek', 'Stichting Buurtsport', 'Gemeente (zaalhuur)', 'Bakkerij Van Dam', 'Praxis', 'Action', 'Hogeschool (inhuur)'];
const WENT_WELL = ['Goed contact met de wijk.', 'Partners schoven aan.', 'Eerste resultaten zichtbaar.', 'Team enthousiast.', ''];
const NEXT_STEPS = ['Vervolgafspraak plannen.', 'Evalueren met de driehoek.', 'Uitbreiden naar een tweede wijk.', 'Budget aanvragen.', ''];
const BLOCKERS = ['', '', '', 'Capaciteit in de zomer.', 'Wachten op de gemeente.'];

// ---- writing through the API ----

const pad = (n: number) => String(n).padStart(2, '0');
const isoOfDay = (year: number, dayOfYear: number) => localIsoDate(new Date(year, 0, dayOfYear, 12));
const daysIn = (year: number) => (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 366 : 365);
/** The last year with data: this year, unless it is less than two months old (then last year). */
const lastYearOf = (today: string) => Number(today.slice(0, 4)) - (dayOfYear(today) < 60 ? 1 : 0);
/** Last usable day of a year: the end of the year, or today in the current one. */
const lastDayOf = (year: number, today: string) => (year === Number(today.slice(0, 4)) ? dayOfYear(today) : daysIn(year));
function dayOfYear(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(y, 0, 1)) / 86_400_000) + 1;
}

/** A clock standing on `date` (the day the record was written), so dates and rules line up as in real use. */
const clockOn = (date: string, hour = 10, minute = 0): Ctx => {
  const at = new Date(`${date}T${pad(hour)}:${pad(minute)}:00`);
  return { today: () => date, now: () => new Date(at) };
};

/**
 * One call as the dispatcher makes it (contract validation, then the handler), but synchronous and
 * throwing, so many calls can share one transaction.
 */
export function apply<M extends Method>(core: Core, method: M, payload: InputOf<(typeof contract)[M]>, ctx: Ctx): ResultOf<(typeof contract)[M]> {
  const parsed = contract[method].input.parse(payload);
  const result = (core.handlers[method] as (i: unknown, c: Ctx) => unknown)(parsed, ctx);
  if (result instanceof Promise) throw new Error(`${method} is asynchronous; the generator needs synchronous calls`);
  return result as ResultOf<(typeof contract)[M]>;
}

export interface Generated {
  file: string;
  ms: number;
  counts: Record<string, number>;
}

/**
 * Fills an empty data folder with `size` data (a named size, or a spec of its own) from `seed`.
 * Writes per team and year in one transaction each.
 */
export function generateInto(dataDir: string, size: Size | SizeSpec, seed: number, options: { today?: string } = {}): Generated {
  const spec = typeof size === 'string' ? SIZES[size] : size;
  const today = options.today ?? TODAY;
  const started = performance.now();
  const core = createCore({ dataDir, clock: clockOn(today) });
  try {
    const rng = createRng(seed);
    const budget = createBudgetService(core.db, createAuditLog(core.db));
    // A large page cache for this one writing connection: index pages stay in memory (a connection setting, not data).
    core.db.pragma('cache_size = -262144');
    const firstYear = lastYearOf(today) - spec.years + 1;
    for (let t = 0; t < spec.teams; t++) {
      const base = TEAMS[t % TEAMS.length]!;
      const name = t < TEAMS.length ? base.name : `${base.name} ${Math.floor(t / TEAMS.length) + 1}`;
      core.db.transaction(() => generateTeam(core, budget, rng, spec, firstYear, today, { ...base, name }))();
    }
    core.db.pragma('wal_checkpoint(TRUNCATE)');
    core.db.pragma('optimize');
    const counts = Object.fromEntries(
      ['team', 'cluster', 'team_opgave', 'action', 'partner', 'checkin', 'budget_entry', 'budget_decision', 'expense', 'receipt_blob', 'attachment', 'audit_log'].map((table) => [
        table,
        (core.db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n,
      ]),
    );
    return { file: core.file, ms: performance.now() - started, counts };
  } finally {
    core.close();
  }
}

function generateTeam(core: Core, budget: BudgetService, rng: Rng, spec: SizeSpec, firstYear: number, today: string, base: (typeof TEAMS)[number]) {
  const start = `${firstYear}-01-01`;
  const inhabitants = rng.int(40, 220) * 1000;
  const team = apply(
    core,
    'team.create',
    {
      name: base.name,
      eenheid: base.eenheid,
      district: base.district,
      gemeenten: base.gemeenten,
      formationFte: rng.int(60, 200),
      inhabitants,
      areaKm2: rng.int(20, 900),
      wijkagenten: Math.round(inhabitants / rng.int(4000, 6000)),
    },
    clockOn(start, 9),
  );
  const teamId = team.id;

  // Clusters: three to five at the start; halfway one is split in two and one ends.
  const clusterCount = rng.int(3, 5);
  let clusters: number[] = [];
  for (let c = 0; c < clusterCount; c++) {
    const fte = rng.int(15, 45);
    const cluster = apply(
      core,
      'clusters.create',
      {
        teamId,
        name: CLUSTER_NAMES[c]!,
        areas: [WIJKEN[(c * 2) % WIJKEN.length]!, WIJKEN[(c * 2 + 1) % WIJKEN.length]!],
        gemeenten: [base.gemeenten[c % base.gemeenten.length]!],
        inhabitants: Math.round(inhabitants / clusterCount),
        lead: rng.pick(PEOPLE),
        fte,
        wijkagenten: Math.min(fte, rng.int(2, 8)),
        startDate: start,
      },
      clockOn(start, 9, 10 + c),
    );
    clusters.push(cluster.id);
  }
  const partnerIds = PARTNERS.slice(0, rng.int(5, PARTNERS.length)).map(
    (p, i) => apply(core, 'partner.create', { teamId, name: p.name, kind: p.kind }, clockOn(start, 9, 30 + i)).id,
  );

  const splitYear = spec.years >= 4 ? firstYear + Math.floor(spec.years / 2) : null;
  for (let year = firstYear; year <= lastYearOf(today); year++) {
    if (year === splitYear) {
      const date = `${year}-04-01`;
      const [first] = clusters;
      const res = apply(
        core,
        'clusters.split',
        {
          teamId,
          clusterId: first!,
          date,
          parts: [
            { name: `${CLUSTER_NAMES[0]} A`, areas: [WIJKEN[0]!], inhabitants: Math.round(inhabitants / 8), fte: 18, wijkagenten: 3 },
            { name: `${CLUSTER_NAMES[0]} B`, areas: [WIJKEN[1]!], inhabitants: Math.round(inhabitants / 8), fte: 16, wijkagenten: 2 },
          ],
        },
        clockOn(date, 9),
      );
      clusters = [...clusters.slice(1), ...res.map((c) => c.id)];
      if (clusters.length > 3) {
        const ended = clusters.pop()!;
        apply(core, 'clusters.end', { teamId, clusterId: ended, endDate: `${year}-09-30`, reason: 'Samengevoegd met een ander cluster.' }, clockOn(`${year}-09-01`, 9));
      }
    }
    generateYear(core, budget, rng, spec, teamId, year, today, clusters, partnerIds);
  }
}

function generateYear(core: Core, budget: BudgetService, rng: Rng, spec: SizeSpec, teamId: number, year: number, today: string, clusters: number[], partnerIds: number[]) {
  const last = lastDayOf(year, today);
  const day = (d: number) => isoOfDay(year, Math.min(Math.max(d, 1), last));
  const jan2 = day(2);

  // The eight opgaven, each chosen for this year (continuing last year's choice).
  const opgaven = Array.from({ length: 8 }, (_, i) =>
    apply(
      core,
      'agenda.choose',
      {
        teamId,
        opgaveId: i + 1,
        periodStart: `${year}-01-01`,
        periodEnd: `${year}-12-31`,
        ambition: `Ambitie ${year}: ${rng.pick(ACTION_TITLES).toLowerCase()}.`,
        owner: rng.pick(PEOPLE),
        priority: rng.int(1, 3),
        pace: rng.pick(['rustig', 'gemiddeld', 'snel'] as const),
        startDate: `${year}-01-01`,
      },
      clockOn(jan2, 9, i),
    ).id,
  );

  // Actions, spread over the opgaven; a third with a cluster, some with partners.
  const actions: { id: number; teamOpgaveId: number }[] = [];
  const actionDays = rng.distinct(Math.min(spec.actions, last - 10), 2, last - 10);
  for (let a = 0; a < spec.actions; a++) {
    const created = day(actionDays[a % actionDays.length]!);
    const due = day(dayOfYear(created) + rng.int(14, 120));
    const teamOpgaveId = opgaven[a % opgaven.length]!;
    const status = rng.pick(['idee', 'gepland', 'lopend', 'lopend', 'afgerond', 'afgerond', 'gestopt'] as const);
    const action = apply(
      core,
      'action.create',
      {
        teamId,
        teamOpgaveId,
        title: rng.pick(ACTION_TITLES),
        description: 'Samen met partners in de wijk.',
        owner: rng.pick(PEOPLE),
        partnerIds: rng.chance(0.4) ? [rng.pick(partnerIds)] : [],
        clusterId: rng.chance(0.33) ? rng.pick(clusters) : null,
        startDate: created,
        dueDate: due,
        status,
      },
      clockOn(created, 11, a % 60),
    );
    actions.push({ id: action.id, teamOpgaveId });
  }

  // Budget: the year's allocation, sometimes a supplement, decisions within it.
  const allocation = rng.int(60, 160) * 100_000;
  apply(core, 'budget.entries.add', { teamId, year, date: jan2, kind: 'toekenning', amountCents: allocation, reason: '' }, clockOn(jan2, 8));
  if (rng.chance(0.3) && last > 180)
    apply(core, 'budget.entries.add', { teamId, year, date: day(180), kind: 'aanvulling', amountCents: rng.int(5, 20) * 100_000, reason: 'Aanvulling van het district.' }, clockOn(day(180), 8));
  const decisions: number[] = [];
  const share = Math.floor((allocation * 0.85) / spec.decisions);
  for (let d = 0; d < spec.decisions; d++) {
    const date = day(2 + Math.floor((d * (last - 60)) / spec.decisions));
    const action = rng.chance(0.3) ? rng.pick(actions) : null;
    const decision = apply(
      core,
      'budget.decisions.create',
      {
        teamId,
        date,
        title: rng.pick(DECISION_TITLES),
        amountCents: Math.round(share * (0.6 + rng.next() * 0.8)),
        rationale: 'Past bij de gekozen opgave.',
        teamOpgaveId: action ? action.teamOpgaveId : rng.chance(0.7) ? rng.pick(opgaven) : null,
        actionId: action?.id ?? null,
        clusterId: action ? null : rng.chance(0.3) ? rng.pick(clusters) : null,
        decidedBy: 'Teamchef',
        status: 'genomen',
        overBudgetReason: 'Voorgefinancierd door het district.',
      },
      clockOn(date, 9, d % 60),
    );
    decisions.push(decision.id);
  }
  // A few withdrawn before anything was spent, a few still proposed.
  const live = decisions.filter((id, i) => {
    if (i % 15 !== 7) return true;
    apply(core, 'budget.decisions.withdraw', { teamId, decisionId: id, reason: 'Niet meer nodig.' }, clockOn(day(dayOfYear(jan2) + i), 15));
    return false;
  });
  if (last > 60)
    apply(
      core,
      'budget.decisions.create',
      { teamId, date: day(last - 5), title: 'Voorstel voor het volgende kwartaal', amountCents: 250_000, rationale: '', decidedBy: '', status: 'voorgesteld' },
      clockOn(day(last - 5), 9),
    );

  // Expenses through the year, 70% on a decision, then a few reversals and voids. Each one is
  // validated by the contract's schema and written, a day at a time, by the budget service's bulk
  // path (the import's): the same rules and the same audit chain as `budget.expenses.create`.
  const expenseDays = Array.from({ length: spec.expenses }, () => rng.int(3, last)).sort((a, b) => a - b);
  const spent: { id: number; day: number }[] = [];
  for (let i = 0; i < expenseDays.length; ) {
    // A week at a time, as a chief enters the week's receipts; written on the week's last day.
    const week = Math.floor(expenseDays[i]! / 7);
    const batch: NewExpense[] = [];
    const days: number[] = [];
    for (; i < expenseDays.length && Math.floor(expenseDays[i]! / 7) === week; i++) {
      const d = expenseDays[i]!;
      const onDecision = rng.chance(0.7);
      const action = !onDecision && rng.chance(0.2) ? rng.pick(actions) : null;
      const input = ExpenseInput.parse({
        teamId,
        date: day(d),
        amountCents: rng.int(250, 9_000),
        payee: rng.pick(PAYEES),
        description: rng.chance(0.5) ? 'Materiaal en consumpties' : '',
        paymentMethod: rng.pick(['debitcard', 'debitcard', 'factuur', 'declaratie'] as const),
        receiptRef: `BON-${year}-${String(i + 1).padStart(5, '0')}`,
        decisionId: onDecision ? rng.pick(live) : null,
        actionId: action?.id ?? null,
        clusterId: !onDecision && !action && rng.chance(0.3) ? rng.pick(clusters) : null,
      });
      const { teamId: _t, decisionId, teamOpgaveId, actionId, clusterId, ...rest } = input;
      batch.push({ ...rest, links: { decisionId, teamOpgaveId, actionId, clusterId } });
      days.push(d);
    }
    const ids = budget.addExpensesInTransaction(teamId, batch, clockOn(day(days.at(-1)!), 17, week % 60));
    ids.forEach((id, k) => spent.push({ id, day: days[k]! }));
  }
  attachReceipts(core, spec, teamId, spent, day);
  spent.forEach((e, i) => {
    if (i % 100 === 37) {
      const date = day(Math.min(e.day + rng.int(0, 10), last));
      apply(core, 'budget.expenses.reverse', { teamId, expenseId: e.id, date, reason: 'Dubbel geboekt.' }, clockOn(date, 16));
    } else if (i % 200 === 91) {
      apply(core, 'budget.expenses.void', { teamId, expenseId: e.id, reason: 'Verkeerd ingevoerd.' }, clockOn(day(e.day), 17));
    }
  });

  // Check-ins per opgave on distinct days, now and then corrected the same day.
  const perOpgave = Math.ceil(spec.checkins / opgaven.length);
  let made = 0;
  opgaven.forEach((teamOpgaveId, o) => {
    const count = Math.min(perOpgave, spec.checkins - made);
    if (count <= 0) return;
    const days = rng.distinct(Math.min(count, last - 7), 7, last);
    let progress = rng.int(0, 20);
    days.forEach((d, i) => {
      const date = day(d);
      progress = Math.min(100, progress + rng.int(0, 3));
      const status = progress >= 100 ? ('afgerond' as const) : rng.pick(['op-koers', 'op-koers', 'op-koers', 'aandacht-nodig', 'achter'] as const);
      const checkin = {
        teamOpgaveId,
        date,
        status,
        progress,
        confidence: rng.int(4, 9),
        wentWell: rng.pick(WENT_WELL),
        nextSteps: rng.pick(NEXT_STEPS),
        blockers: rng.pick(BLOCKERS),
      };
      const created = apply(core, 'progress.checkins.create', { teamId, checkin }, clockOn(date, 14, (o * 7 + i) % 60));
      if ((i + o) % 29 === 11)
        apply(
          core,
          'progress.checkins.create',
          { teamId, checkin: { ...checkin, confidence: Math.max(1, checkin.confidence - 1), correctsId: created.id, correctionReason: 'Verkeerd ingeschat.' } },
          clockOn(date, 16),
        );
    });
    made += days.length;
  });
}

// ---- a bank CSV for the import benchmark ----

export interface StatementExtras {
  /** Share of the lines that are money in (a refund or a contribution): the chief chooses for each. */
  incomingShare?: number;
  /** Expenses already in the store, repeated as lines of the statement: the preview flags them. */
  duplicates?: readonly { date: string; amountCents: number; payee: string }[];
}

/**
 * A bank statement as ING exports it (`;`, quoted, yyyymmdd dates, Af/Bij column, Dutch amounts,
 * CRLF), seeded: card payments through the year, with `incomingShare` of the lines money in (small
 * amounts from the same shops: refunds) and the `duplicates` spread evenly through the file.
 */
export function bankStatementCsv(rowsCount: number, seed: number, extras: StatementExtras = {}): string {
  let a = seed >>> 0;
  const rnd = () => ((a = (Math.imul(a, 1664525) + 1013904223) >>> 0) / 4294967296);
  const out = ['"Datum";"Naam / Omschrijving";"Rekening";"Tegenrekening";"Code";"Af Bij";"Bedrag (EUR)";"Mutatiesoort";"Mededelingen"'];
  const duplicates = extras.duplicates ?? [];
  const every = duplicates.length ? Math.floor(rowsCount / duplicates.length) : 0;
  const line = (date: string, payee: string, direction: 'Af' | 'Bij', cents: number, i: number, kind: string) =>
    `"${date.replaceAll('-', '')}";"${payee}";"NL01BANK0123456789";"NL02BANK0${String(i).padStart(9, '0')}";"BA";"${direction}";"${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}";"${kind}";"Pasvolgnr 001 ${seed}-${i}"`;
  for (let i = 0; i < rowsCount; i++) {
    const dup = every > 0 && i % every === every - 1 ? duplicates[Math.floor(i / every)] : undefined;
    if (dup) {
      out.push(line(dup.date, dup.payee, 'Af', dup.amountCents, i, 'Betaalautomaat'));
      continue;
    }
    const date = new Date(Date.UTC(LAST_YEAR, 0, 1 + Math.floor(rnd() * 330))).toISOString().slice(0, 10);
    const payee = PAYEES[Math.floor(rnd() * PAYEES.length)]!;
    if (rnd() < (extras.incomingShare ?? 0)) out.push(line(date, payee, 'Bij', 100 + Math.floor(rnd() * 2_000), i, 'Overschrijving'));
    else out.push(line(date, payee, 'Af', 100 + Math.floor(rnd() * 20_000), i, 'Betaalautomaat'));
  }
  return `${out.join('\r\n')}\r\n`;
}

// ---- receipts ----

/** The filler of every generated receipt: seeded noise (a photo does not compress either), made once. */
let receiptPool: Buffer | null = null;
function receiptBytes(size: number, expenseId: number): Uint8Array<ArrayBuffer> {
  if (!receiptPool || receiptPool.length < size) {
    const next = mulberry32(20261128);
    receiptPool = Buffer.alloc(Math.max(size, 200_000));
    for (let i = 0; i < receiptPool.length; i += 4) receiptPool.writeUInt32LE(Math.floor(next() * 2 ** 32) >>> 0, i);
  }
  const bytes = new Uint8Array(size);
  bytes.set(receiptPool.subarray(0, size));
  // A JPEG's first bytes, then the expense's id: every file is a different photo with its own SHA-256.
  bytes.set([0xff, 0xd8, 0xff, 0xe0], 0);
  new DataView(bytes.buffer).setUint32(4, expenseId);
  return bytes;
}

/** Which expenses get a receipt: a fixed spread by id (not the rng, so the ledger is the same with or without receipts). */
const hasReceipt = (expenseId: number, share: number) => share >= 1 || ((Math.imul(expenseId, 2654435761) >>> 0) % 1000) < share * 1000;

/** One photo per chosen expense, attached through the API the day it was spent (stored once by SHA-256, audited). */
function attachReceipts(core: Core, spec: SizeSpec, teamId: number, spent: { id: number; day: number }[], day: (d: number) => string) {
  if (!receiptsWanted(spec)) return;
  for (const e of spent) {
    if (!hasReceipt(e.id, spec.receipts.share)) continue;
    apply(
      core,
      'receipts.attach',
      { teamId, kind: 'expense', recordId: e.id, fileName: `IMG_${String(e.id).padStart(6, '0')}.jpg`, bytes: receiptBytes(spec.receipts.bytes, e.id) },
      clockOn(day(e.day), 18),
    );
  }
}

/** Whether this run writes receipts for a size: BENCH_NO_RECEIPTS=1 leaves them out, BENCH_RECEIPTS=1 adds the opt-in ones. */
export function receiptsWanted(spec: SizeSpec): boolean {
  if (process.env.BENCH_NO_RECEIPTS === '1' || spec.receipts.share <= 0) return false;
  return !spec.receipts.optIn || process.env.BENCH_RECEIPTS === '1';
}

// ---- cached stores for the benchmark ----

export const cacheRoot = () => process.env.TEAMCHEF_BENCH_CACHE ?? join(tmpdir(), 'teamchef-bench-cache');

/**
 * Everything the app checks, on a generated store: the ledger adds up and the audit chain verifies
 * (checkBudgetInvariants), every reference holds, and SQLite finds the file sound.
 */
export function checkStore(file: string): string[] {
  return readOnlyLook(file, (db) => {
    const problems = checkBudgetInvariants(db);
    const fk = db.prepare('PRAGMA foreign_key_check').all();
    if (fk.length) problems.push(`${fk.length} broken references`);
    const integrity = db.pragma('quick_check', { simple: true });
    if (integrity !== 'ok') problems.push(`quick_check: ${String(integrity)}`);
    return problems;
  });
}

export interface CachedStore {
  dataDir: string;
  file: string;
  /** Null when the store was already there. */
  generatedMs: number | null;
  checkedMs?: number;
  counts?: Record<string, number>;
}

/**
 * The same data cached at an older schema version, copied and brought up to date by the app's own
 * migrations, as a chief's store is: a new migration then costs seconds instead of regenerating (the
 * stress size takes about 20 minutes to write). Null when there is none.
 */
function migrateOlderCache(into: string, prefix: string, suffix: string): Generated | null {
  // Cache names are letters, digits and dashes only, so they go into the pattern as they are.
  const pattern = new RegExp(`^${prefix}(\\d+)${suffix}$`);
  const older = (existsSync(cacheRoot()) ? readdirSync(cacheRoot()) : [])
    .map((name) => ({ name, version: Number(pattern.exec(name)?.[1] ?? NaN) }))
    .filter((c) => c.version < LATEST_VERSION && existsSync(join(cacheRoot(), c.name, STORE_FILE_NAME)))
    .sort((a, b) => b.version - a.version)[0];
  if (!older) return null;
  const started = performance.now();
  const file = join(into, STORE_FILE_NAME);
  copyFileSync(join(cacheRoot(), older.name, STORE_FILE_NAME), file);
  createCore({ dataDir: into, clock: clockOn(TODAY) }).close();
  return { file, ms: performance.now() - started, counts: { migratedFromSchema: older.version } };
}

/** A generated and checked store for size+seed at this schema version, made once and then reused (read it, do not write to it). */
export function cachedStore(size: Size, seed: number): CachedStore {
  const spec = SIZES[size];
  const receipts = spec.receipts.share <= 0 ? '' : receiptsWanted(spec) ? '-receipts' : '-noreceipts';
  const key = `${size}-seed${seed}-schema${LATEST_VERSION}-gen${GENERATOR_VERSION}${receipts}`;
  const dataDir = join(cacheRoot(), key);
  const file = join(dataDir, STORE_FILE_NAME);
  if (existsSync(file)) return { dataDir, file, generatedMs: null };
  const partial = `${dataDir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  const result = migrateOlderCache(partial, `${size}-seed${seed}-schema`, `-gen${GENERATOR_VERSION}${receipts}`) ?? generateInto(partial, size, seed);
  const started = performance.now();
  const problems = checkStore(result.file);
  if (problems.length) throw new Error(`The generated ${size} store is not valid:\n${problems.slice(0, 10).join('\n')}`);
  const checkedMs = performance.now() - started;
  rmSync(dataDir, { recursive: true, force: true });
  renameSync(partial, dataDir);
  return { dataDir, file, generatedMs: result.ms, checkedMs, counts: result.counts };
}
