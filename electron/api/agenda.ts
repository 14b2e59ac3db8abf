import { z } from 'zod';
import { method } from './define';
import { Id, LongText, Name, PlanDate, ShortText, text } from './schemas';

/** The team's agenda: the eight opgaven, the ones the team chose per period, and their actions. */

export const OPGAVE_KINDS = ['extern', 'intern'] as const;
export type OpgaveKind = (typeof OPGAVE_KINDS)[number];
export const OPGAVE_STATUSES = ['actief', 'gepauzeerd', 'afgerond', 'gestopt'] as const;
export type OpgaveStatus = (typeof OPGAVE_STATUSES)[number];
export const ACTION_STATUSES = ['idee', 'gepland', 'lopend', 'afgerond', 'gestopt'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
/** Statuses in which an action still asks for work (used for "open" and "overdue"). */
export const OPEN_ACTION_STATUSES: readonly ActionStatus[] = ['idee', 'gepland', 'lopend'];
export const PACES = ['rustig', 'gemiddeld', 'snel'] as const;
export type Pace = (typeof PACES)[number];
/** 1 = hoog, 2 = middel, 3 = laag. */
export const PRIORITIES = [1, 2, 3] as const;
export const PARTNER_KINDS = ['gemeente', 'woningcorporatie', 'ondernemers', 'sleutelfiguren', 'om', 'onderwijs', 'zorg', 'politie', 'anders'] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];
export const OPGAVE_COUNT = 8;

// ---------- input schemas ----------

const OpgaveId = z
  .number({ message: 'Onbekende opgave: kies een van de acht opgaven.' })
  .int({ message: 'Onbekende opgave: kies een van de acht opgaven.' })
  .min(1, { message: 'Onbekende opgave: kies een van de acht opgaven.' })
  .max(OPGAVE_COUNT, { message: 'Onbekende opgave: kies een van de acht opgaven.' });

const OpgaveStatusSchema = z.enum(OPGAVE_STATUSES, { message: 'Kies actief, gepauzeerd, afgerond of gestopt.' });
const ActionStatusSchema = z.enum(ACTION_STATUSES, { message: 'Kies idee, gepland, lopend, afgerond of gestopt.' });
const OptionalDate = PlanDate.nullable();

/** What the team writes down when it chooses an opgave; also what it edits afterwards. */
const choiceShape = {
  periodStart: PlanDate,
  periodEnd: PlanDate,
  ambition: LongText.default(''),
  answers: z.array(LongText).max(4, { message: 'Er zijn hoogstens vier vragen.' }).default([]),
  owner: ShortText.default(''),
  priority: z
    .number({ message: 'Kies hoog, middel of laag.' })
    .int({ message: 'Kies hoog, middel of laag.' })
    .min(1, { message: 'Kies hoog, middel of laag.' })
    .max(3, { message: 'Kies hoog, middel of laag.' })
    .default(2),
  pace: z.enum(PACES, { message: 'Kies rustig, gemiddeld of snel.' }).default('gemiddeld'),
  startDate: PlanDate,
  targetDate: OptionalDate.default(null),
};

type ChoiceDates = { periodStart: string; periodEnd: string; startDate: string; targetDate: string | null };
const checkChoiceDates = (v: ChoiceDates, ctx: z.RefinementCtx, prefix: (string | number)[] = []) => {
  if (v.periodEnd < v.periodStart)
    ctx.addIssue({ code: 'custom', path: [...prefix, 'periodEnd'], message: 'Het einde van de periode ligt voor het begin.' });
  if (v.targetDate !== null && v.targetDate < v.startDate)
    ctx.addIssue({ code: 'custom', path: [...prefix, 'targetDate'], message: 'De streefdatum ligt voor de startdatum.' });
};

export const ChoiceFields = z.strictObject(choiceShape).superRefine((v, ctx) => checkChoiceDates(v, ctx));
export type ChoiceFields = z.output<typeof ChoiceFields>;

export const ChooseInput = z
  .strictObject({
    teamId: Id,
    opgaveId: OpgaveId,
    ...choiceShape,
    /** A choice of the same opgave in an earlier period this one continues (history is kept). */
    previousId: Id.nullable().default(null),
  })
  .superRefine((v, ctx) => checkChoiceDates(v, ctx));

const actionShape = {
  title: Name,
  description: LongText.default(''),
  owner: ShortText.default(''),
  partnerIds: z.array(Id).max(50, { message: 'Maximaal 50 partners.' }).default([]),
  /** Names to add to the team's partner list (or reuse when the name is already there). */
  newPartners: z.array(Name).max(20, { message: 'Maximaal 20 nieuwe partners tegelijk.' }).default([]),
  clusterId: Id.nullable().default(null),
  startDate: OptionalDate.default(null),
  dueDate: OptionalDate.default(null),
  status: ActionStatusSchema.default('idee'),
  templateCode: text(50, 'Maximaal 50 tekens.').nullable().default(null),
};

type ActionDates = { startDate: string | null; dueDate: string | null };
const checkActionDates = (v: ActionDates, ctx: z.RefinementCtx, prefix: (string | number)[] = []) => {
  if (v.startDate && v.dueDate && v.dueDate < v.startDate)
    ctx.addIssue({ code: 'custom', path: [...prefix, 'dueDate'], message: 'De einddatum ligt voor de startdatum.' });
};

export const ActionFields = z.strictObject(actionShape).superRefine((v, ctx) => checkActionDates(v, ctx));
export type ActionFields = z.output<typeof ActionFields>;

export const ActionCreateInput = z
  .strictObject({ teamId: Id, teamOpgaveId: Id, ...actionShape })
  .superRefine((v, ctx) => checkActionDates(v, ctx));

export const PartnerInput = z.strictObject({
  name: Name,
  kind: z.enum(PARTNER_KINDS, { message: 'Kies een soort partner uit de lijst.' }).default('anders'),
});

export const DEPENDENT_RECORDS = ['teamOpgave', 'action', 'cluster', 'partner'] as const;
export type DependentRecord = (typeof DEPENDENT_RECORDS)[number];

// ---------- results ----------

export interface Opgave {
  id: number;
  code: string;
  kind: OpgaveKind;
  titleNl: string;
  titleEn: string;
  descriptionNl: string;
  descriptionEn: string;
  focusPointsNl: string[];
  questionsNl: string[];
  exampleNl: string;
}

export interface ActionCounts {
  total: number;
  open: number;
  overdue: number;
  byStatus: Record<ActionStatus, number>;
}

export interface ChosenOpgave {
  id: number;
  teamId: number;
  opgaveId: number;
  code: string;
  kind: OpgaveKind;
  titleNl: string;
  titleEn: string;
  periodStart: string;
  periodEnd: string;
  ambition: string;
  answers: string[];
  owner: string;
  priority: number;
  pace: Pace;
  startDate: string;
  targetDate: string | null;
  status: OpgaveStatus;
  /** The day the status was last set. */
  statusDate: string;
  previousId: number | null;
  archived: boolean;
  /** The period contains today. */
  current: boolean;
  counts: ActionCounts;
  createdAt: string;
  updatedAt: string;
}

export interface PartnerRef {
  id: number;
  name: string;
}

export interface Partner extends PartnerRef {
  kind: PartnerKind;
  archived: boolean;
  actionCount: number;
}

export interface Action {
  id: number;
  teamId: number;
  teamOpgaveId: number;
  clusterId: number | null;
  clusterName: string | null;
  title: string;
  description: string;
  owner: string;
  partners: PartnerRef[];
  templateCode: string | null;
  startDate: string | null;
  dueDate: string | null;
  doneDate: string | null;
  status: ActionStatus;
  archived: boolean;
  /** Still open and its due date has passed. */
  overdue: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface ChosenOpgaveDetail extends ChosenOpgave {
  opgave: Opgave;
  actions: Action[];
  /** Every choice of the same opgave by this team, oldest period first (this one included). */
  history: ChosenOpgave[];
}

export interface ActionTemplate {
  code: string;
  /** Code of the opgave this example belongs to in the folder. */
  opgaveCode: string;
  titleNl: string;
  titleEn: string;
  descriptionNl: string;
  partners: { name: string; kind: PartnerKind }[];
  /** Where the example comes from in the folder. */
  sourceNl: string;
}

export interface Dependent {
  /** Table that points at the record, e.g. `action`, `budget_decision`. */
  table: string;
  count: number;
}

const teamOpgaveRef = { teamId: Id, teamOpgaveId: Id };
const actionRef = { teamId: Id, actionId: Id };

export const agendaApi = {
  'agenda.catalogue': method<Opgave[]>()(z.strictObject({}).optional()),
  'agenda.templates': method<ActionTemplate[]>()(z.strictObject({}).optional()),
  'agenda.list': method<ChosenOpgave[]>()(z.strictObject({ teamId: Id, includeArchived: z.boolean().default(false) })),
  'agenda.get': method<ChosenOpgaveDetail>()(z.strictObject(teamOpgaveRef)),
  'agenda.choose': method<ChosenOpgave>()(ChooseInput),
  'agenda.update': method<ChosenOpgave>()(z.strictObject({ ...teamOpgaveRef, fields: ChoiceFields })),
  'agenda.setStatus': method<ChosenOpgave>()(z.strictObject({ ...teamOpgaveRef, status: OpgaveStatusSchema })),
  'agenda.archive': method<ChosenOpgave>()(z.strictObject({ ...teamOpgaveRef, archived: z.boolean() })),
  /** Deletes a choice nothing points to (a mistake); otherwise CONFLICT naming what depends on it. */
  'agenda.remove': method<null>()(z.strictObject(teamOpgaveRef)),
  /** What points at a record: ask before deleting, and offer archiving instead. */
  'agenda.dependents': method<Dependent[]>()(
    z.strictObject({ teamId: Id, record: z.enum(DEPENDENT_RECORDS, { message: 'Onbekend soort record.' }), id: Id }),
  ),
  'action.create': method<Action>()(ActionCreateInput),
  'action.update': method<Action>()(z.strictObject({ ...actionRef, fields: ActionFields })),
  'action.setStatus': method<Action>()(
    z.strictObject({ ...actionRef, status: ActionStatusSchema, doneDate: PlanDate.optional() }),
  ),
  'action.archive': method<Action>()(z.strictObject({ ...actionRef, archived: z.boolean() })),
  'action.remove': method<null>()(z.strictObject(actionRef)),
  'partner.list': method<Partner[]>()(z.strictObject({ teamId: Id, includeArchived: z.boolean().default(false) })),
  'partner.create': method<Partner>()(z.strictObject({ teamId: Id, ...PartnerInput.shape })),
  'partner.archive': method<Partner>()(z.strictObject({ teamId: Id, partnerId: Id, archived: z.boolean() })),
};

/** A calendar year as a period. */
export const yearPeriod = (year: number) => ({ periodStart: `${year}-01-01`, periodEnd: `${year}-12-31` });
