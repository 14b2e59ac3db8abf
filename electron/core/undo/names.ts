import { formatMoney } from '../../api/money';
import type { Db } from '../store/open';

/** Text in both languages of the app. */
export interface Text {
  nl: string;
  en: string;
}

export type Row = Record<string, unknown>;

export const both = (nl: string, en: string = nl): Text => ({ nl, en });

/** `A`, `A en B`, `A, B en C` (English: `and`). */
export function joinNames(names: string[]): Text {
  if (names.length <= 1) return both(names[0] ?? '');
  const head = names.slice(0, -1).join(', ');
  return { nl: `${head} en ${names.at(-1)}`, en: `${head} and ${names.at(-1)}` };
}

const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** Readable names of stored rows, for descriptions and for refusals that name what is in the way. */
export function createNamer(db: Db) {
  const opgave = db.prepare<[number], { title_nl: string; title_en: string }>('SELECT title_nl, title_en FROM opgave WHERE id = ?');
  const choiceOpgave = db.prepare<[number], { opgave_id: number }>('SELECT opgave_id FROM team_opgave WHERE id = ?');

  const opgaveTitle = (opgaveId: unknown): Text => {
    const o = opgave.get(Number(opgaveId));
    return o ? { nl: o.title_nl, en: o.title_en } : both(`opgave ${str(opgaveId)}`, `goal ${str(opgaveId)}`);
  };
  const choiceTitle = (teamOpgaveId: unknown): Text => {
    const c = choiceOpgave.get(Number(teamOpgaveId));
    return c ? opgaveTitle(c.opgave_id) : both(`opgave ${str(teamOpgaveId)}`, `goal ${str(teamOpgaveId)}`);
  };

  /** E.g. `cluster Dorpen`, `uitgave Gemeente Utrecht (€ 12,50, 2026-03-01)`. */
  const record = (table: string, row: Row): Text => {
    switch (table) {
      case 'team':
        return both(`team ${str(row.name)}`);
      case 'team_gemeente':
        return both(`gemeente ${str(row.name)}`, `municipality ${str(row.name)}`);
      case 'team_opgave': {
        const t = opgaveTitle(row.opgave_id);
        return { nl: `opgave ${t.nl}`, en: `goal ${t.en}` };
      }
      case 'action':
        return both(`actie ${str(row.title)}`, `action ${str(row.title)}`);
      case 'partner':
        return both(`partner ${str(row.name)}`);
      case 'action_partner':
        return both('de koppeling van een actie aan een partner', 'the link between an action and a partner');
      case 'cluster':
        return both(`cluster ${str(row.name)}`);
      case 'checkin': {
        const t = choiceTitle(row.team_opgave_id);
        return { nl: `de check-in van ${str(row.date)} bij ${t.nl}`, en: `the check-in of ${str(row.date)} on ${t.en}` };
      }
      case 'checkin_rhythm':
        return both('het check-inritme', 'the check-in rhythm');
      case 'expense': {
        const amount = formatMoney(Number(row.amount_cents));
        const nl = row.reverses_id != null ? 'tegenboeking' : 'uitgave';
        const en = row.reverses_id != null ? 'reversal' : 'expense';
        const state = row.voided_at != null ? ' (vervallen)' : '';
        return {
          nl: `${nl} ${str(row.payee)} (${amount}, ${str(row.expense_date)})${state}`,
          en: `${en} ${str(row.payee)} (${amount}, ${str(row.expense_date)})${row.voided_at != null ? ' (void)' : ''}`,
        };
      }
      case 'budget_decision': {
        const nlState = row.status === 'ingetrokken' ? ' (ingetrokken)' : '';
        const enState = row.status === 'ingetrokken' ? ' (withdrawn)' : '';
        return { nl: `besluit ${str(row.title)}${nlState}`, en: `decision ${str(row.title)}${enState}` };
      }
      case 'budget_entry':
        return both(`budgetregel ${str(row.kind)} ${formatMoney(Number(row.amount_cents))}`, `budget entry ${str(row.kind)} ${formatMoney(Number(row.amount_cents))}`);
      case 'refund':
        return both(`de terugbetaling van ${formatMoney(Number(row.amount_cents))} (${str(row.refund_date)})`, `the refund of ${formatMoney(Number(row.amount_cents))} (${str(row.refund_date)})`);
      case 'attachment':
        return both(`bon ${str(row.file_name)}`, `receipt ${str(row.file_name)}`);
      case 'import_batch':
        return both(`import ${str(row.file_name)}`);
      default:
        return both(`${table} ${str(row.id ?? '')}`.trim());
    }
  };

  return { opgaveTitle, choiceTitle, record };
}
export type Namer = ReturnType<typeof createNamer>;
