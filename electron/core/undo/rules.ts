import type { Method } from '../../api/contract';
import { METHOD_KINDS, type MethodKind, type WriteMethod } from '../../api/method-kinds';
import { formatMoney } from '../../api/money';
import { both, joinNames, type Namer, type Row, type Text } from './names';

/** One row an action wrote, as the journal keeps it. */
export interface RowChange {
  tbl: string;
  rowId: number;
  before: Row | null;
  after: Row | null;
}

export interface Describe {
  input: Record<string, unknown>;
  result: unknown;
  rows: RowChange[];
  names: Namer;
}

/**
 * The undo rule of every write method of the contract (electron/api/method-kinds.ts says which
 * methods write; the compiler holds this table against that list, so a new write method does not
 * build without a rule here, and undo-rules.test.ts proves each rule on a real store). Its rows
 * are journaled in its transaction and undone by kind of record: plain rows back to their
 * previous version, money by void, withdrawal or correction (apply.ts). `describe` gives the line
 * in the undo list and the Edit menu; `team` says whose action it is (default: input.teamId).
 */
export interface WriteRule {
  /** null: an action of no team (the district's bundles); it stands in every team's undo list. */
  team?: (input: Record<string, unknown>, result: unknown) => number | null;
  /** The handler first reads outside the store (a file) and writes inside ctx.journaled. */
  async?: true;
  /** Tables whose every new row the journal leaves out for this action (capture.ts SKIP_INSERT); their insert capture is set aside. */
  uncaptured?: readonly string[];
  describe: (d: Describe) => Text;
}

export type Rule = { kind: Exclude<MethodKind, 'write'> } | ({ kind: 'write' } & WriteRule);

const first = (rows: RowChange[], tbl: string, op?: 'insert' | 'update' | 'delete'): RowChange | undefined =>
  rows.find(
    (r) => r.tbl === tbl && (!op || (op === 'insert' ? r.before === null : op === 'delete' ? r.after === null : r.before !== null && r.after !== null)),
  );
const image = (r: RowChange | undefined): Row => r?.after ?? r?.before ?? {};
const s = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

const OPGAVE_STATUS_EN: Record<string, string> = { actief: 'active', gepauzeerd: 'paused', afgerond: 'completed', gestopt: 'stopped' };
const ACTION_STATUS_EN: Record<string, string> = { idee: 'idea', gepland: 'planned', lopend: 'running', afgerond: 'done', gestopt: 'stopped' };
const RHYTHM: Record<string, Text> = {
  weekly: both('wekelijks', 'weekly'),
  biweekly: both('tweewekelijks', 'every two weeks'),
  monthly: both('maandelijks', 'monthly'),
  quarterly: both('per kwartaal', 'quarterly'),
};
const RECORD_KIND: Record<string, Text> = {
  expense: both('een uitgave', 'an expense'),
  decision: both('een besluit', 'a decision'),
  refund: both('een terugbetaling', 'a refund'),
};
const ENTRY_KIND_EN: Record<string, string> = { toekenning: 'Allocation', aanvulling: 'Addition', correctie: 'Correction' };

/** `Opgave Werken in wijk en web <verb>`. */
const choice = (d: Describe, nl: (t: string) => string, en: (t: string) => string): Text => {
  const row = image(first(d.rows, 'team_opgave'));
  const t = d.names.opgaveTitle(row.opgave_id);
  return { nl: nl(t.nl), en: en(t.en) };
};
const actionText = (d: Describe, nl: (t: string) => string, en: (t: string) => string): Text => {
  const t = s(image(first(d.rows, 'action')).title);
  return { nl: nl(t), en: en(t) };
};
const clusterText = (d: Describe, nl: (t: string) => string, en: (t: string) => string): Text => {
  const t = s(image(first(d.rows, 'cluster')).name);
  return { nl: nl(t), en: en(t) };
};
const archived = (d: Describe) => d.input.archived === true;

export const UNDO_RULES = {
  'team.create': {
        team: (_i, result) => (result as { id: number }).id,
    describe: (d) => both(`Team ${s(d.input.name)} aangemaakt`, `Team ${s(d.input.name)} created`),
  },
  'team.update': { describe: () => both('Teamprofiel bijgewerkt', 'Team profile updated') },


  'agenda.choose': { describe: (d) => choice(d, (t) => `Opgave ${t} gekozen`, (t) => `Goal ${t} chosen`) },
  'agenda.update': { describe: (d) => choice(d, (t) => `Opgave ${t} bijgewerkt`, (t) => `Goal ${t} updated`) },
  'agenda.setStatus': {
        describe: (d) =>
      choice(
        d,
        (t) => `Status van opgave ${t} op ${s(d.input.status)} gezet`,
        (t) => `Status of goal ${t} set to ${OPGAVE_STATUS_EN[s(d.input.status)] ?? s(d.input.status)}`,
      ),
  },
  'agenda.archive': {
        describe: (d) =>
      archived(d)
        ? choice(d, (t) => `Opgave ${t} gearchiveerd`, (t) => `Goal ${t} archived`)
        : choice(d, (t) => `Opgave ${t} teruggehaald uit het archief`, (t) => `Goal ${t} restored from the archive`),
  },
  'agenda.remove': { describe: (d) => choice(d, (t) => `Opgave ${t} verwijderd`, (t) => `Goal ${t} removed`) },
  'action.create': { describe: (d) => actionText(d, (t) => `Actie ${t} toegevoegd`, (t) => `Action ${t} added`) },
  'action.update': { describe: (d) => actionText(d, (t) => `Actie ${t} bijgewerkt`, (t) => `Action ${t} updated`) },
  'action.setStatus': {
        describe: (d) =>
      actionText(
        d,
        (t) => `Status van actie ${t} op ${s(d.input.status)} gezet`,
        (t) => `Status of action ${t} set to ${ACTION_STATUS_EN[s(d.input.status)] ?? s(d.input.status)}`,
      ),
  },
  'action.archive': {
        describe: (d) =>
      archived(d)
        ? actionText(d, (t) => `Actie ${t} gearchiveerd`, (t) => `Action ${t} archived`)
        : actionText(d, (t) => `Actie ${t} teruggehaald uit het archief`, (t) => `Action ${t} restored from the archive`),
  },
  'action.remove': { describe: (d) => actionText(d, (t) => `Actie ${t} verwijderd`, (t) => `Action ${t} removed`) },
  'partner.create': { describe: (d) => both(`Partner ${s(d.input.name)} toegevoegd`, `Partner ${s(d.input.name)} added`) },
  'partner.archive': {
        describe: (d) => {
      const n = s(image(first(d.rows, 'partner')).name);
      return archived(d) ? both(`Partner ${n} gearchiveerd`, `Partner ${n} archived`) : both(`Partner ${n} teruggehaald`, `Partner ${n} restored`);
    },
  },

  'clusters.create': { describe: (d) => clusterText(d, (t) => `Cluster ${t} aangemaakt`, (t) => `Cluster ${t} created`) },
  'clusters.update': { describe: (d) => clusterText(d, (t) => `Cluster ${t} bijgewerkt`, (t) => `Cluster ${t} updated`) },
  'clusters.end': { describe: (d) => clusterText(d, (t) => `Cluster ${t} beëindigd`, (t) => `Cluster ${t} ended`) },
  'clusters.split': {
        describe: (d) => {
      const from = s(image(first(d.rows, 'cluster', 'update')).name);
      const parts = joinNames(d.rows.filter((r) => r.tbl === 'cluster' && r.before === null).map((r) => s(r.after!.name)));
      return { nl: `Cluster ${from} gesplitst in ${parts.nl}`, en: `Cluster ${from} split into ${parts.en}` };
    },
  },
  'clusters.archive': {
        describe: (d) =>
      archived(d)
        ? clusterText(d, (t) => `Cluster ${t} gearchiveerd`, (t) => `Cluster ${t} archived`)
        : clusterText(d, (t) => `Cluster ${t} teruggehaald uit het archief`, (t) => `Cluster ${t} restored from the archive`),
  },
  'clusters.remove': { describe: (d) => clusterText(d, (t) => `Cluster ${t} verwijderd`, (t) => `Cluster ${t} removed`) },


  'progress.checkins.create': {
        describe: (d) => {
      const row = image(first(d.rows, 'checkin', 'insert'));
      const t = d.names.choiceTitle(row.team_opgave_id);
      return row.corrects_id != null
        ? { nl: `Check-in van ${s(row.date)} bij ${t.nl} gecorrigeerd`, en: `Check-in of ${s(row.date)} on ${t.en} corrected` }
        : { nl: `Check-in van ${s(row.date)} bij ${t.nl} vastgelegd`, en: `Check-in of ${s(row.date)} on ${t.en} recorded` };
    },
  },
  'progress.rhythm.set': {
        describe: (d) => {
      const t = d.names.choiceTitle(d.input.teamOpgaveId);
      const r = RHYTHM[s(d.input.rhythm)] ?? both(s(d.input.rhythm));
      return { nl: `Ritme van ${t.nl} op ${r.nl} gezet`, en: `Rhythm of ${t.en} set to ${r.en}` };
    },
  },


  'budget.entries.add': {
        describe: (d) => {
      const e = image(first(d.rows, 'budget_entry'));
      const amount = formatMoney(Number(e.amount_cents));
      const kind = s(e.kind);
      return both(
        `${kind.charAt(0).toUpperCase()}${kind.slice(1)} van ${amount} voor ${s(e.year)} vastgelegd`,
        `${ENTRY_KIND_EN[kind] ?? kind} of ${amount} for ${s(e.year)} recorded`,
      );
    },
  },
  'budget.decisions.create': {
        describe: (d) => {
      const r = image(first(d.rows, 'budget_decision'));
      const amount = formatMoney(Number(r.amount_cents));
      return r.status === 'genomen'
        ? both(`Besluit ${s(r.title)} (${amount}) genomen`, `Decision ${s(r.title)} (${amount}) taken`)
        : both(`Besluit ${s(r.title)} (${amount}) voorgesteld`, `Decision ${s(r.title)} (${amount}) proposed`);
    },
  },
  'budget.decisions.take': {
        describe: (d) => {
      const t = s(image(first(d.rows, 'budget_decision')).title);
      return both(`Besluit ${t} genomen`, `Decision ${t} taken`);
    },
  },
  'budget.decisions.withdraw': {
        describe: (d) => {
      const t = s(image(first(d.rows, 'budget_decision')).title);
      return both(`Besluit ${t} ingetrokken`, `Decision ${t} withdrawn`);
    },
  },
  'budget.expenses.create': {
        describe: (d) => {
      const e = image(first(d.rows, 'expense'));
      const amount = formatMoney(Number(e.amount_cents));
      return both(`Uitgave ${s(e.payee)} (${amount}) geboekt`, `Expense ${s(e.payee)} (${amount}) booked`);
    },
  },
  'budget.expenses.reverse': {
        describe: (d) => {
      const e = image(first(d.rows, 'expense'));
      const amount = formatMoney(-Number(e.amount_cents));
      return both(`Uitgave ${s(e.payee)} (${amount}) teruggedraaid`, `Expense ${s(e.payee)} (${amount}) reversed`);
    },
  },
  'budget.expenses.void': {
        describe: (d) => {
      const e = image(first(d.rows, 'expense'));
      const amount = formatMoney(Number(e.amount_cents));
      return both(`Uitgave ${s(e.payee)} (${amount}) laten vervallen`, `Expense ${s(e.payee)} (${amount}) voided`);
    },
  },
  'budget.refunds.create': {
    describe: (d) => {
      const r = image(first(d.rows, 'refund'));
      const amount = formatMoney(Number(r.amount_cents));
      return both(`Terugbetaling van ${amount} vastgelegd`, `Refund of ${amount} recorded`);
    },
  },
  'budget.import.commit': {
    async: true,
    // Its expenses are named by their batch (expense.import_batch_id), not journaled row by row.
    uncaptured: ['expense'],
    describe: (d) => {
      const n = Number(image(first(d.rows, 'import_batch')).row_count);
      const file = s(d.input.fileName) || 'bestand';
      return both(`${n} ${n === 1 ? 'uitgave' : 'uitgaven'} ingelezen uit ${file}`, `${n} ${n === 1 ? 'expense' : 'expenses'} imported from ${file}`);
    },
  },

  'receipts.attach': {
    describe: (d) => {
      const a = image(first(d.rows, 'attachment', 'insert'));
      const on = RECORD_KIND[s(a.record_kind)] ?? both(s(a.record_kind));
      return { nl: `Bon ${s(a.file_name)} toegevoegd aan ${on.nl}`, en: `Receipt ${s(a.file_name)} attached to ${on.en}` };
    },
  },
  'receipts.detach': {
    describe: (d) => {
      const a = image(first(d.rows, 'attachment', 'update'));
      const on = RECORD_KIND[s(a.record_kind)] ?? both(s(a.record_kind));
      return { nl: `Bon ${s(a.file_name)} losgekoppeld van ${on.nl}`, en: `Receipt ${s(a.file_name)} detached from ${on.en}` };
    },
  },
  'district.import': {
    // Bundles are read in for the whole district, not for one of this store's teams.
    team: () => null,
    describe: (d) => {
      const names = d.rows.filter((r) => r.tbl === 'district_bundle' && r.before === null).map((r) => s(r.after!.team_name));
      const keys = d.rows.filter((r) => r.tbl === 'district_key' && r.before === null).length;
      if (names.length === 0) return keys === 1 ? both('Sleutel van een team vertrouwd', "A team's key trusted") : both(`${keys} sleutels vertrouwd`, `${keys} keys trusted`);
      const teams = joinNames([...new Set(names)]);
      return names.length === 1
        ? { nl: `Verantwoording van ${teams.nl} ingelezen`, en: `Bundle of ${teams.en} read in` }
        : { nl: `${names.length} verantwoordingen ingelezen (${teams.nl})`, en: `${names.length} bundles read in (${teams.en})` };
    },
  },
} satisfies Record<WriteMethod, WriteRule>;

export const ruleOf = (method: Method): Rule => {
  const kind = METHOD_KINDS[method];
  return kind === 'write' ? { kind, ...(UNDO_RULES as Record<WriteMethod, WriteRule>)[method as WriteMethod] } : { kind };
};
