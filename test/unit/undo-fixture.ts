import type { Action, ChosenOpgave, Partner } from '../../electron/api/agenda';
import type { Decision, Expense, ImportPreview } from '../../electron/api/budget';
import type { Cluster } from '../../electron/api/clusters';
import type { Checkin } from '../../electron/api/progress';
import type { Team } from '../../electron/api/team';
import type { Core } from '../../electron/core';
import { call, PROFILE } from './helpers';

/** One team with a record of every kind, written through the API (so in the journal). */
export interface UndoFixture {
  teamId: number;
  otherTeamId: number;
  choiceId: number;
  actionId: number;
  partnerId: number;
  clusterId: number;
  checkinId: number;
  proposedId: number;
  takenId: number;
  expenseId: number;
}

export const CLUSTER = { name: 'Dorpen', areas: ['Buren', 'Maurik'], gemeenten: ['Buren'], inhabitants: 30_000, lead: 'Brigadier Jansen', fte: 20, wijkagenten: 5, startDate: '2026-01-01' };
export const CHOICE = { opgaveId: 6, periodStart: '2026-01-01', periodEnd: '2026-12-31', startDate: '2026-01-01' };
export const CSV = (rows: [string, string, string][]) =>
  Buffer.from(['Datum;Naam;Bedrag', ...rows.map((r) => r.join(';'))].join('\r\n')).toString('base64');

export async function undoFixture(core: Core): Promise<UndoFixture> {
  const team = await call<Team>(core, 'team.create', { ...PROFILE, gemeenten: ['Buren', 'West Betuwe'] });
  const other = await call<Team>(core, 'team.create', { ...PROFILE, name: 'Basisteam Texel' });
  const teamId = team.id;
  const cluster = await call<Cluster>(core, 'clusters.create', { teamId, ...CLUSTER });
  const choice = await call<ChosenOpgave>(core, 'agenda.choose', { teamId, ...CHOICE, ambition: 'Twee clusters' });
  const partner = await call<Partner>(core, 'partner.create', { teamId, name: 'Gemeente Buren', kind: 'gemeente' });
  const action = await call<Action>(core, 'action.create', { teamId, teamOpgaveId: choice.id, title: 'Teamdag', clusterId: cluster.id, partnerIds: [partner.id] });
  const checkin = await call<Checkin>(core, 'progress.checkins.create', { teamId, checkin: { teamOpgaveId: choice.id, date: '2026-05-01', status: 'op-koers', progress: 30, confidence: 7 } });
  await call(core, 'budget.entries.add', { teamId, year: 2026, date: '2026-01-15', kind: 'toekenning', amountCents: 20_000_00, reason: '' });
  const proposed = await call<Decision>(core, 'budget.decisions.create', { teamId, date: '2026-02-01', title: 'Webcare', amountCents: 1_500_00, rationale: '', decidedBy: '', status: 'voorgesteld' });
  const taken = await call<Decision>(core, 'budget.decisions.create', { teamId, date: '2026-02-02', title: 'Buurtavond', amountCents: 2_000_00, rationale: '', decidedBy: 'Teamchef', status: 'genomen' });
  const expense = await call<Expense>(core, 'budget.expenses.create', { teamId, date: '2026-03-02', amountCents: 250_00, payee: 'Drukkerij De Wijk', description: 'Flyers', paymentMethod: 'factuur', receiptRef: '', decisionId: taken.id });
  return {
    teamId,
    otherTeamId: other.id,
    choiceId: choice.id,
    actionId: action.id,
    partnerId: partner.id,
    clusterId: cluster.id,
    checkinId: checkin.id,
    proposedId: proposed.id,
    takenId: taken.id,
    expenseId: expense.id,
  };
}

export async function importPayload(core: Core, teamId: number, fileName: string, rows: [string, string, string][]) {
  const contentBase64 = CSV(rows);
  const p = await call<ImportPreview>(core, 'budget.import.preview', { teamId, fileName, contentBase64 });
  return { teamId, fileName, contentBase64, mapping: p.mapping!, paymentMethod: 'debitcard' as const, skipRows: [] };
}
