import {
  ACTION_STATUSES,
  OPEN_ACTION_STATUSES,
  type Action,
  type ActionCounts,
  type ActionFields,
  type ActionStatus,
  type ChoiceFields,
  type ChosenOpgave,
  type ChosenOpgaveDetail,
  type Dependent,
  type DependentRecord,
  type Opgave,
  type OpgaveStatus,
  type Partner,
  type PartnerKind,
} from '../../api/agenda';
import { formatDate } from '../../api/dates';
import type { Ctx } from '../../api/define';
import { conflict, invalid, notFound } from '../../api/errors';
import type { Db } from '../store/open';
import type { TeamService } from '../team/service';
import { describeDependents, dependentsOf } from './dependents';
import { ACTION_TEMPLATES } from './templates';

/** An open action as the printed overview lists it under its opgave. */
export type OpenAction = Pick<Action, 'id' | 'title' | 'owner' | 'dueDate' | 'status' | 'overdue'>;

interface OpgaveRow {
  id: number;
  code: string;
  kind: Opgave['kind'];
  title_nl: string;
  title_en: string;
  description_nl: string;
  description_en: string;
  focus_points_nl: string;
  questions_nl: string;
  example_nl: string;
}

interface TeamOpgaveRow {
  id: number;
  team_id: number;
  opgave_id: number;
  period_start: string;
  period_end: string;
  ambition: string;
  answers: string;
  owner: string;
  priority: number;
  pace: ChosenOpgave['pace'];
  start_date: string;
  target_date: string | null;
  status: OpgaveStatus;
  status_date: string;
  previous_id: number | null;
  archived: number;
  created_at: string;
  updated_at: string;
}

interface ActionRow {
  id: number;
  team_id: number;
  team_opgave_id: number;
  cluster_id: number | null;
  cluster_name: string | null;
  title: string;
  description: string;
  owner: string;
  template_code: string | null;
  start_date: string | null;
  due_date: string | null;
  done_date: string | null;
  status: ActionStatus;
  archived: number;
  created_at: string;
  updated_at: string;
}

interface PartnerRow {
  id: number;
  team_id: number;
  name: string;
  kind: PartnerKind;
  archived: number;
  action_count: number;
}

const toOpgave = (r: OpgaveRow): Opgave => ({
  id: r.id,
  code: r.code,
  kind: r.kind,
  titleNl: r.title_nl,
  titleEn: r.title_en,
  descriptionNl: r.description_nl,
  descriptionEn: r.description_en,
  focusPointsNl: JSON.parse(r.focus_points_nl) as string[],
  questionsNl: JSON.parse(r.questions_nl) as string[],
  exampleNl: r.example_nl,
});

const emptyCounts = (): ActionCounts => ({
  total: 0,
  open: 0,
  overdue: 0,
  byStatus: Object.fromEntries(ACTION_STATUSES.map((s) => [s, 0])) as Record<ActionStatus, number>,
});

const isOpen = (status: ActionStatus) => OPEN_ACTION_STATUSES.includes(status);

const TABLE_OF: Record<DependentRecord, string> = {
  teamOpgave: 'team_opgave',
  action: 'action',
  cluster: 'cluster',
  partner: 'partner',
};

export function createAgendaService(db: Db, teams: TeamService) {
  const selectCatalogue = db.prepare<[], OpgaveRow>('SELECT * FROM opgave ORDER BY id');
  const selectOpgave = db.prepare<[number], OpgaveRow>('SELECT * FROM opgave WHERE id = ?');
  const selectChoice = db.prepare<[number, number], TeamOpgaveRow>('SELECT * FROM team_opgave WHERE id = ? AND team_id = ?');
  const selectChoices = db.prepare<[number, number], TeamOpgaveRow>(
    'SELECT * FROM team_opgave WHERE team_id = ? AND (archived = 0 OR ?) ORDER BY period_start DESC, opgave_id, id',
  );
  const selectHistory = db.prepare<[number, number], TeamOpgaveRow>(
    'SELECT * FROM team_opgave WHERE team_id = ? AND opgave_id = ? ORDER BY period_start, id',
  );
  const selectOverlap = db.prepare<{ teamId: number; opgaveId: number; start: string; end: string; self: number }, TeamOpgaveRow>(`
    SELECT * FROM team_opgave
    WHERE team_id = @teamId AND opgave_id = @opgaveId AND archived = 0 AND id <> @self
      AND period_start <= @end AND period_end >= @start
    ORDER BY period_start LIMIT 1`);
  const selectLatestBefore = db.prepare<[number, number, string], { id: number }>(`
    SELECT id FROM team_opgave WHERE team_id = ? AND opgave_id = ? AND period_end < ? AND archived = 0
    ORDER BY period_end DESC, id DESC LIMIT 1`);
  const insertChoice = db.prepare(`
    INSERT INTO team_opgave (team_id, opgave_id, period_start, period_end, ambition, answers, owner, priority, pace,
      start_date, target_date, status, status_date, previous_id, created_at, updated_at)
    VALUES (@teamId, @opgaveId, @periodStart, @periodEnd, @ambition, @answers, @owner, @priority, @pace,
      @startDate, @targetDate, 'actief', @today, @previousId, @now, @now)`);
  const updateChoice = db.prepare(`
    UPDATE team_opgave SET period_start = @periodStart, period_end = @periodEnd, ambition = @ambition, answers = @answers,
      owner = @owner, priority = @priority, pace = @pace, start_date = @startDate, target_date = @targetDate, updated_at = @now
    WHERE id = @id AND team_id = @teamId`);
  const updateChoiceStatus = db.prepare(
    'UPDATE team_opgave SET status = ?, status_date = ?, updated_at = ? WHERE id = ? AND team_id = ?',
  );
  const archiveChoice = db.prepare('UPDATE team_opgave SET archived = ?, updated_at = ? WHERE id = ? AND team_id = ?');
  const deleteChoice = db.prepare('DELETE FROM team_opgave WHERE id = ? AND team_id = ?');

  const actionSelect = `
    SELECT a.*, c.name AS cluster_name FROM action a LEFT JOIN cluster c ON c.id = a.cluster_id`;
  const selectAction = db.prepare<[number, number], ActionRow>(`${actionSelect} WHERE a.id = ? AND a.team_id = ?`);
  const selectActionsOf = db.prepare<[number], ActionRow>(
    `${actionSelect} WHERE a.team_opgave_id = ? ORDER BY a.archived, a.due_date IS NULL, a.due_date, a.id`,
  );
  /** The open actions of some chosen opgaven of a team, in the order of `selectActionsOf`, in one statement. */
  const selectOpenActionsOf = db.prepare<[number, string], { id: number; team_opgave_id: number; title: string; owner: string; due_date: string | null; status: ActionStatus }>(`
    SELECT a.id, a.team_opgave_id, a.title, a.owner, a.due_date, a.status FROM action a
    WHERE a.team_id = ? AND a.team_opgave_id IN (SELECT value FROM json_each(?)) AND a.archived = 0
      AND a.status IN (${OPEN_ACTION_STATUSES.map((st) => `'${st}'`).join(', ')})
    ORDER BY a.team_opgave_id, a.due_date IS NULL, a.due_date, a.id`);
  type CountRow = { team_opgave_id: number; status: ActionStatus; n: number; overdue: number };
  const COUNTS = `SELECT team_opgave_id, status, count(*) AS n,
      sum(CASE WHEN status IN ('idee', 'gepland', 'lopend') AND due_date < ? THEN 1 ELSE 0 END) AS overdue
    FROM action WHERE team_id = ? AND archived = 0`;
  const selectActionCounts = db.prepare<[string, number], CountRow>(`${COUNTS} GROUP BY team_opgave_id, status`);
  /** The same counts for some chosen opgaven only: their actions through the team_opgave_id index, not all of the team's. */
  const selectActionCountsIn = db.prepare<[string, number, string], CountRow>(
    `${COUNTS} AND team_opgave_id IN (SELECT value FROM json_each(?)) GROUP BY team_opgave_id, status`,
  );
  const selectChoicesIn = db.prepare<[number, string], TeamOpgaveRow>(
    'SELECT * FROM team_opgave WHERE team_id = ? AND archived = 0 AND id IN (SELECT value FROM json_each(?))',
  );
  const selectActionPartners = db.prepare<[number], { id: number; name: string }>(`
    SELECT p.id, p.name FROM action_partner ap JOIN partner p ON p.id = ap.partner_id
    WHERE ap.action_id = ? ORDER BY p.name COLLATE NOCASE`);
  const insertAction = db.prepare(`
    INSERT INTO action (team_id, team_opgave_id, cluster_id, title, description, owner, template_code, start_date, due_date,
      done_date, status, created_at, updated_at)
    VALUES (@teamId, @teamOpgaveId, @clusterId, @title, @description, @owner, @templateCode, @startDate, @dueDate,
      @doneDate, @status, @now, @now)`);
  const updateAction = db.prepare(`
    UPDATE action SET cluster_id = @clusterId, title = @title, description = @description, owner = @owner,
      template_code = @templateCode, start_date = @startDate, due_date = @dueDate, done_date = @doneDate, status = @status,
      updated_at = @now
    WHERE id = @id AND team_id = @teamId`);
  const updateActionStatus = db.prepare('UPDATE action SET status = ?, done_date = ?, updated_at = ? WHERE id = ? AND team_id = ?');
  const archiveAction = db.prepare('UPDATE action SET archived = ?, updated_at = ? WHERE id = ? AND team_id = ?');
  const deleteActionPartners = db.prepare('DELETE FROM action_partner WHERE action_id = ?');
  const deleteAction = db.prepare('DELETE FROM action WHERE id = ? AND team_id = ?');
  const insertActionPartner = db.prepare('INSERT OR IGNORE INTO action_partner (action_id, partner_id) VALUES (?, ?)');

  const selectClusterOwned = db.prepare<[number, number], { id: number }>('SELECT id FROM cluster WHERE id = ? AND team_id = ?');
  const partnerSelect = `
    SELECT p.*, (SELECT count(*) FROM action_partner ap WHERE ap.partner_id = p.id) AS action_count FROM partner p`;
  const selectPartner = db.prepare<[number, number], PartnerRow>(`${partnerSelect} WHERE p.id = ? AND p.team_id = ?`);
  const selectPartnerByName = db.prepare<[number, string], PartnerRow>(`${partnerSelect} WHERE p.team_id = ? AND p.name = ?`);
  const selectPartners = db.prepare<[number, number], PartnerRow>(
    `${partnerSelect} WHERE p.team_id = ? AND (p.archived = 0 OR ?) ORDER BY p.name COLLATE NOCASE`,
  );
  const insertPartner = db.prepare('INSERT INTO partner (team_id, name, kind) VALUES (?, ?, ?)');
  const archivePartner = db.prepare('UPDATE partner SET archived = ? WHERE id = ? AND team_id = ?');

  const catalogue = new Map(selectCatalogue.all().map((r) => [r.id, toOpgave(r)]));
  const opgaveOf = (id: number): Opgave => {
    const o = catalogue.get(id) ?? (selectOpgave.get(id) ? toOpgave(selectOpgave.get(id)!) : undefined);
    if (!o) throw invalid('opgaveId', 'Onbekende opgave: kies een van de acht opgaven.');
    return o;
  };

  const countsFor = (teamId: number, today: string): Map<number, ActionCounts> => countsOf(selectActionCounts.all(today, teamId));
  const countsOf = (rows: CountRow[]): Map<number, ActionCounts> => {
    const map = new Map<number, ActionCounts>();
    for (const r of rows) {
      const c = map.get(r.team_opgave_id) ?? emptyCounts();
      c.total += r.n;
      c.byStatus[r.status] = r.n;
      if (isOpen(r.status)) c.open += r.n;
      c.overdue += r.overdue;
      map.set(r.team_opgave_id, c);
    }
    return map;
  };

  const toChosen = (r: TeamOpgaveRow, counts: ActionCounts, today: string): ChosenOpgave => {
    const o = opgaveOf(r.opgave_id);
    return {
      id: r.id,
      teamId: r.team_id,
      opgaveId: r.opgave_id,
      code: o.code,
      kind: o.kind,
      titleNl: o.titleNl,
      titleEn: o.titleEn,
      periodStart: r.period_start,
      periodEnd: r.period_end,
      ambition: r.ambition,
      answers: JSON.parse(r.answers) as string[],
      owner: r.owner,
      priority: r.priority,
      pace: r.pace,
      startDate: r.start_date,
      targetDate: r.target_date,
      status: r.status,
      statusDate: r.status_date,
      previousId: r.previous_id,
      archived: r.archived === 1,
      current: r.period_start <= today && today <= r.period_end,
      counts,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  };

  const toAction = (r: ActionRow, today: string): Action => ({
    id: r.id,
    teamId: r.team_id,
    teamOpgaveId: r.team_opgave_id,
    clusterId: r.cluster_id,
    clusterName: r.cluster_name,
    title: r.title,
    description: r.description,
    owner: r.owner,
    partners: selectActionPartners.all(r.id),
    templateCode: r.template_code,
    startDate: r.start_date,
    dueDate: r.due_date,
    doneDate: r.done_date,
    status: r.status,
    archived: r.archived === 1,
    overdue: r.archived === 0 && isOpen(r.status) && r.due_date !== null && r.due_date < today,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  });

  const toPartner = (r: PartnerRow): Partner => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    archived: r.archived === 1,
    actionCount: r.action_count,
  });

  const ownedChoice = (teamId: number, id: number): TeamOpgaveRow => {
    const row = selectChoice.get(id, teamId);
    if (!row) throw notFound('De gekozen opgave');
    return row;
  };
  const ownedAction = (teamId: number, id: number): ActionRow => {
    const row = selectAction.get(id, teamId);
    if (!row) throw notFound('De actie');
    return row;
  };

  /** The checks a choice must pass against what is already stored (the schema did the rest). */
  const checkChoice = (teamId: number, opgaveId: number, f: ChoiceFields, self: number) => {
    const opgave = opgaveOf(opgaveId);
    if (f.answers.length > opgave.questionsNl.length)
      throw invalid('answers', `Deze opgave heeft ${opgave.questionsNl.length} vragen; er zijn ${f.answers.length} antwoorden gegeven.`);
    const overlap = selectOverlap.get({ teamId, opgaveId, start: f.periodStart, end: f.periodEnd, self });
    if (overlap)
      throw conflict(
        `De opgave ‘${opgave.titleNl}’ is al gekozen voor de periode ${formatDate(overlap.period_start)} t/m ${formatDate(overlap.period_end)}. Kies een periode die daarna begint, of wijzig de bestaande keuze.`,
      );
  };

  const choiceParams = (f: ChoiceFields) => ({
    periodStart: f.periodStart,
    periodEnd: f.periodEnd,
    ambition: f.ambition,
    answers: JSON.stringify(f.answers),
    owner: f.owner,
    priority: f.priority,
    pace: f.pace,
    startDate: f.startDate,
    targetDate: f.targetDate,
  });

  /** Partner ids of this team, plus new names found or added; refuses ids of another team. */
  const resolvePartners = (teamId: number, ids: number[], names: string[]): number[] => {
    const out = new Set<number>();
    for (const id of ids) {
      if (!selectPartner.get(id, teamId)) throw notFound('De partner');
      out.add(id);
    }
    for (const name of names) {
      const existing = selectPartnerByName.get(teamId, name);
      out.add(existing ? existing.id : Number(insertPartner.run(teamId, name, 'anders').lastInsertRowid));
    }
    return [...out];
  };

  const checkActionRefs = (teamId: number, f: ActionFields) => {
    if (f.clusterId !== null && !selectClusterOwned.get(f.clusterId, teamId)) throw notFound('Het cluster');
    if (f.templateCode !== null && !ACTION_TEMPLATES.some((t) => t.code === f.templateCode))
      throw invalid('templateCode', 'Onbekend voorbeeld: kies een voorbeeld uit de lijst.');
  };

  const service = {
    catalogue(): Opgave[] {
      return [...catalogue.values()];
    },

    list(teamId: number, includeArchived: boolean, ctx: Ctx): ChosenOpgave[] {
      teams.assertExists(teamId);
      const today = ctx.today();
      const counts = countsFor(teamId, today);
      return selectChoices.all(teamId, includeArchived ? 1 : 0).map((r) => toChosen(r, counts.get(r.id) ?? emptyCounts(), today));
    },

    chosen(teamId: number, id: number, ctx: Ctx): ChosenOpgave {
      const row = ownedChoice(teamId, id);
      const today = ctx.today();
      return toChosen(row, countsFor(teamId, today).get(id) ?? emptyCounts(), today);
    },

    get(teamId: number, id: number, ctx: Ctx): ChosenOpgaveDetail {
      const row = ownedChoice(teamId, id);
      const today = ctx.today();
      const counts = countsFor(teamId, today);
      return {
        ...toChosen(row, counts.get(id) ?? emptyCounts(), today),
        opgave: opgaveOf(row.opgave_id),
        actions: selectActionsOf.all(id).map((a) => toAction(a, today)),
        history: selectHistory.all(teamId, row.opgave_id).map((h) => toChosen(h, counts.get(h.id) ?? emptyCounts(), today)),
      };
    },

    /** Some of the team's chosen opgaven (not archived) by id, as `list` gives them, read without the rest. */
    chosenMany(teamId: number, ids: readonly number[], ctx: Ctx): Map<number, ChosenOpgave> {
      teams.assertExists(teamId);
      const today = ctx.today();
      const json = JSON.stringify(ids);
      const counts = countsOf(selectActionCountsIn.all(today, teamId, json));
      return new Map(selectChoicesIn.all(teamId, json).map((r) => [r.id, toChosen(r, counts.get(r.id) ?? emptyCounts(), today)]));
    },

    /**
     * The open actions (idee, gepland, lopend; not archived) of the given chosen opgaven, per opgave
     * in the order the opgave's page lists them: what the printed overview lists, without reading
     * every action with its partners one opgave at a time.
     */
    openActions(teamId: number, teamOpgaveIds: readonly number[], ctx: Ctx): Map<number, OpenAction[]> {
      const today = ctx.today();
      const out = new Map<number, OpenAction[]>(teamOpgaveIds.map((id) => [id, []]));
      if (teamOpgaveIds.length === 0) return out;
      for (const r of selectOpenActionsOf.all(teamId, JSON.stringify(teamOpgaveIds))) {
        out.get(r.team_opgave_id)?.push({
          id: r.id,
          title: r.title,
          owner: r.owner,
          dueDate: r.due_date,
          status: r.status,
          overdue: r.due_date !== null && r.due_date < today,
        });
      }
      return out;
    },

    choose(input: ChoiceFields & { teamId: number; opgaveId: number; previousId: number | null }, ctx: Ctx): ChosenOpgave {
      const { teamId, opgaveId } = input;
      const id = db.transaction(() => {
        teams.assertExists(teamId);
        checkChoice(teamId, opgaveId, input, 0);
        let previousId = input.previousId;
        if (previousId !== null) {
          const prev = ownedChoice(teamId, previousId);
          if (prev.opgave_id !== opgaveId)
            throw invalid('previousId', 'De vorige keuze hoort bij een andere opgave.');
          if (prev.period_end >= input.periodStart)
            throw invalid('previousId', 'De vorige keuze moet eindigen voordat de nieuwe periode begint.');
        } else {
          previousId = selectLatestBefore.get(teamId, opgaveId, input.periodStart)?.id ?? null;
        }
        const now = ctx.now().toISOString();
        const res = insertChoice.run({ ...choiceParams(input), teamId, opgaveId, previousId, today: ctx.today(), now });
        return Number(res.lastInsertRowid);
      })();
      return service.chosen(teamId, id, ctx);
    },

    update(teamId: number, id: number, fields: ChoiceFields, ctx: Ctx): ChosenOpgave {
      db.transaction(() => {
        const row = ownedChoice(teamId, id);
        checkChoice(teamId, row.opgave_id, fields, id);
        updateChoice.run({ ...choiceParams(fields), id, teamId, now: ctx.now().toISOString() });
      })();
      return service.chosen(teamId, id, ctx);
    },

    setStatus(teamId: number, id: number, status: OpgaveStatus, ctx: Ctx): ChosenOpgave {
      db.transaction(() => {
        const row = ownedChoice(teamId, id);
        if (row.status !== status) updateChoiceStatus.run(status, ctx.today(), ctx.now().toISOString(), id, teamId);
      })();
      return service.chosen(teamId, id, ctx);
    },

    archive(teamId: number, id: number, archived: boolean, ctx: Ctx): ChosenOpgave {
      db.transaction(() => {
        const row = ownedChoice(teamId, id);
        if (!archived && row.archived === 1) {
          const overlap = selectOverlap.get({ teamId, opgaveId: row.opgave_id, start: row.period_start, end: row.period_end, self: id });
          if (overlap)
            throw conflict(
              `Terugzetten kan niet: dezelfde opgave is al gekozen voor ${formatDate(overlap.period_start)} t/m ${formatDate(overlap.period_end)}.`,
            );
        }
        archiveChoice.run(archived ? 1 : 0, ctx.now().toISOString(), id, teamId);
      })();
      return service.chosen(teamId, id, ctx);
    },

    remove(teamId: number, id: number): void {
      db.transaction(() => {
        ownedChoice(teamId, id);
        const deps = dependentsOf(db, 'team_opgave', id);
        if (deps.length)
          throw conflict(`Deze gekozen opgave kan niet worden verwijderd: ${describeDependents(deps)} verwijzen ernaar. Archiveer haar in plaats daarvan.`);
        deleteChoice.run(id, teamId);
      })();
    },

    dependents(teamId: number, record: DependentRecord, id: number): Dependent[] {
      teams.assertExists(teamId);
      const table = TABLE_OF[record];
      const owned = db.prepare(`SELECT 1 FROM "${table}" WHERE id = ? AND team_id = ?`).get(id, teamId);
      if (!owned) throw notFound('Het record');
      return dependentsOf(db, table, id, record === 'action' ? ['action_partner'] : []);
    },

    createAction(input: ActionFields & { teamId: number; teamOpgaveId: number }, ctx: Ctx): Action {
      const { teamId } = input;
      const id = db.transaction(() => {
        ownedChoice(teamId, input.teamOpgaveId);
        checkActionRefs(teamId, input);
        const partnerIds = resolvePartners(teamId, input.partnerIds, input.newPartners);
        const res = insertAction.run({
          ...input,
          doneDate: input.status === 'afgerond' ? ctx.today() : null,
          now: ctx.now().toISOString(),
        });
        const actionId = Number(res.lastInsertRowid);
        for (const p of partnerIds) insertActionPartner.run(actionId, p);
        return actionId;
      })();
      return toAction(selectAction.get(id, teamId)!, ctx.today());
    },

    updateAction(teamId: number, id: number, f: ActionFields, ctx: Ctx): Action {
      db.transaction(() => {
        const row = ownedAction(teamId, id);
        checkActionRefs(teamId, f);
        const partnerIds = resolvePartners(teamId, f.partnerIds, f.newPartners);
        const doneDate = f.status === 'afgerond' ? (row.done_date ?? ctx.today()) : null;
        updateAction.run({ ...f, id, teamId, doneDate, now: ctx.now().toISOString() });
        deleteActionPartners.run(id);
        for (const p of partnerIds) insertActionPartner.run(id, p);
      })();
      return toAction(selectAction.get(id, teamId)!, ctx.today());
    },

    setActionStatus(teamId: number, id: number, status: ActionStatus, doneDate: string | undefined, ctx: Ctx): Action {
      db.transaction(() => {
        const row = ownedAction(teamId, id);
        if (doneDate !== undefined && status !== 'afgerond')
          throw invalid('doneDate', 'Een datum van afronden hoort alleen bij de status afgerond.');
        const done = status === 'afgerond' ? (doneDate ?? (row.status === 'afgerond' ? row.done_date : null) ?? ctx.today()) : null;
        if (done !== null && row.start_date !== null && done < row.start_date)
          throw invalid('doneDate', 'De datum van afronden ligt voor de startdatum van de actie.');
        updateActionStatus.run(status, done, ctx.now().toISOString(), id, teamId);
      })();
      return toAction(selectAction.get(id, teamId)!, ctx.today());
    },

    archiveAction(teamId: number, id: number, archived: boolean, ctx: Ctx): Action {
      db.transaction(() => {
        ownedAction(teamId, id);
        archiveAction.run(archived ? 1 : 0, ctx.now().toISOString(), id, teamId);
      })();
      return toAction(selectAction.get(id, teamId)!, ctx.today());
    },

    removeAction(teamId: number, id: number): void {
      db.transaction(() => {
        ownedAction(teamId, id);
        const deps = dependentsOf(db, 'action', id, ['action_partner']);
        if (deps.length)
          throw conflict(`Deze actie kan niet worden verwijderd: ${describeDependents(deps)} verwijzen ernaar. Archiveer haar in plaats daarvan.`);
        deleteActionPartners.run(id);
        deleteAction.run(id, teamId);
      })();
    },

    partners(teamId: number, includeArchived: boolean): Partner[] {
      teams.assertExists(teamId);
      return selectPartners.all(teamId, includeArchived ? 1 : 0).map(toPartner);
    },

    createPartner(teamId: number, name: string, kind: PartnerKind): Partner {
      const id = db.transaction(() => {
        teams.assertExists(teamId);
        const existing = selectPartnerByName.get(teamId, name);
        if (existing) throw conflict(`De partner ‘${existing.name}’ staat al in de lijst van dit team.`);
        return Number(insertPartner.run(teamId, name, kind).lastInsertRowid);
      })();
      return toPartner(selectPartner.get(id, teamId)!);
    },

    archivePartner(teamId: number, id: number, archived: boolean): Partner {
      db.transaction(() => {
        if (!selectPartner.get(id, teamId)) throw notFound('De partner');
        archivePartner.run(archived ? 1 : 0, id, teamId);
      })();
      return toPartner(selectPartner.get(id, teamId)!);
    },
  };
  return service;
}
export type AgendaService = ReturnType<typeof createAgendaService>;
