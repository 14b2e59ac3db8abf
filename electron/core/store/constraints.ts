import { AppError } from '../../api/errors';

/**
 * A CHECK, UNIQUE or NOT NULL violation that got past the contract's validation, turned into a
 * field error a chief can act on. SQLite names the failed expression (CHECK) or the columns
 * (UNIQUE, NOT NULL) in its message; the first column we know decides the field and the wording.
 */
const FIELDS: Record<string, { path: string; label: string }> = {
  name: { path: 'name', label: 'Naam' },
  title: { path: 'title', label: 'Titel' },
  payee: { path: 'payee', label: 'Ontvanger' },
  expense_date: { path: 'date', label: 'Datum' },
  decision_date: { path: 'date', label: 'Datum' },
  entry_date: { path: 'date', label: 'Datum' },
  date: { path: 'date', label: 'Datum' },
  year: { path: 'date', label: 'Datum' },
  amount_cents: { path: 'amountCents', label: 'Bedrag' },
  formation_fte: { path: 'formationFte', label: 'Formatie (fte)' },
  inhabitants: { path: 'inhabitants', label: 'Inwoners' },
  area_km2: { path: 'areaKm2', label: 'Oppervlakte' },
  wijkagenten: { path: 'wijkagenten', label: 'Wijkagenten' },
  fte: { path: 'fte', label: 'Fte' },
  progress: { path: 'progress', label: 'Voortgang' },
  confidence: { path: 'confidence', label: 'Vertrouwen' },
  end_date: { path: 'endDate', label: 'Einddatum' },
  period_end: { path: 'periodEnd', label: 'Einde periode' },
  target_date: { path: 'targetDate', label: 'Streefdatum' },
  due_date: { path: 'dueDate', label: 'Uiterste datum' },
  reverses_id: { path: 'expenseId', label: 'Uitgave' },
  corrects_id: { path: 'checkinId', label: 'Voortgangsmelding' },
  void_reason: { path: 'reason', label: 'Reden' },
  withdrawn_reason: { path: 'reason', label: 'Reden' },
  correction_reason: { path: 'correctionReason', label: 'Reden van de correctie' },
};

/** Violations with their own sentence, recognised by a piece of SQLite's message. */
const SPECIFIC: { match: RegExp; path: string; message: string; code: 'VALIDATION' | 'CONFLICT' }[] = [
  { match: /budget_entry_one_allocation|budget_entry\.team_id, budget_entry\.year/, path: 'kind', code: 'CONFLICT', message: 'Voor dit jaar is al een toekenning vastgelegd. Leg een aanvulling of correctie vast.' },
  { match: /expense\.reverses_id/, path: 'expenseId', code: 'CONFLICT', message: 'Deze uitgave is al teruggeboekt.' },
  { match: /checkin\.corrects_id/, path: 'checkinId', code: 'CONFLICT', message: 'Deze voortgangsmelding is al gecorrigeerd.' },
  { match: /partner\.team_id, partner\.name/, path: 'name', code: 'CONFLICT', message: 'Er bestaat al een partner met deze naam.' },
  { match: /substr\((expense|decision)_date, 1, 4\) = CAST\(year/, path: 'date', code: 'VALIDATION', message: 'De datum moet in het boekjaar liggen.' },
  { match: /year BETWEEN 2000 AND 2100/, path: 'date', code: 'VALIDATION', message: 'Kies een datum tussen 1-1-2000 en 31-12-2100.' },
  { match: /end_date >= start_date|period_end >= period_start|due_date >= start_date|target_date >= start_date/, path: 'endDate', code: 'VALIDATION', message: 'De einddatum ligt vóór de begindatum.' },
  { match: /length\((\w+)\) BETWEEN 1 AND 200/, path: '', code: 'VALIDATION', message: 'Vul dit veld in (maximaal 200 tekens).' },
];

function firstField(detail: string): { column: string; path: string; label: string } | null {
  for (const m of detail.matchAll(/\b(?:\w+\.)?(\w+)\b/g)) {
    const column = m[1]!;
    const f = FIELDS[column];
    if (f) return { column, ...f };
  }
  return null;
}

export function fromConstraintError(code: string, message: string): AppError | null {
  const kind = code.replace('SQLITE_CONSTRAINT_', '');
  if (!['CHECK', 'UNIQUE', 'PRIMARYKEY', 'NOTNULL', 'DATATYPE'].includes(kind)) return null;
  const detail = message.slice(0, 500);
  const field = firstField(detail.replace(/^[A-Z ]+constraint failed:\s*/i, ''));
  for (const s of SPECIFIC) {
    if (!s.match.test(detail)) continue;
    const path = s.path || field?.path || '';
    return new AppError(s.code, s.message, [{ path, message: s.message }]);
  }
  const label = field?.label ?? 'Deze waarde';
  const path = field?.path ?? '';
  if (kind === 'UNIQUE' || kind === 'PRIMARYKEY') {
    const m = `${label}: deze waarde bestaat al. Kies een andere.`;
    return new AppError('CONFLICT', m, [{ path, message: m }]);
  }
  const m = kind === 'NOTNULL' ? `${label}: vul dit veld in.` : `${label}: deze waarde is hier niet toegestaan.`;
  return new AppError('VALIDATION', m, [{ path, message: m }]);
}
