import type { Cluster, ClusterFields, ClusterOverview, ClusterPart, ClusterState } from '../../api/clusters';
import { formatDate } from '../../api/dates';
import type { Ctx } from '../../api/define';
import { conflict, invalid, notFound } from '../../api/errors';
import { wijkagentNorm } from '../../api/norms';
import { describeDependents, dependentsOf } from '../agenda/dependents';
import type { Db } from '../store/open';
import type { TeamService } from '../team/service';

interface ClusterRow {
  id: number;
  team_id: number;
  name: string;
  areas: string;
  gemeenten: string;
  inhabitants: number;
  lead: string;
  fte: number;
  wijkagenten: number;
  start_date: string;
  end_date: string | null;
  end_reason: string;
  split_from_id: number | null;
  archived: number;
  created_at: string;
  updated_at: string;
  action_count: number;
  split_into: string | null;
}

/** `2026-03-01` minus one day is `2026-02-28`; calendar arithmetic in UTC, no time zones. */
export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const dt = new Date(Date.UTC(y, m - 1, d + days));
  return dt.toISOString().slice(0, 10);
}

const stateOf = (r: { start_date: string; end_date: string | null }, today: string): ClusterState =>
  r.start_date > today ? 'gepland' : r.end_date !== null && r.end_date < today ? 'beeindigd' : 'actief';

const round2 = (n: number) => Math.round(n * 100) / 100;
const norm = (s: string) => s.trim().toLocaleLowerCase('nl-NL');

export function createClusterService(db: Db, teams: TeamService) {
  const clusterSelect = `
    SELECT c.*,
      (SELECT count(*) FROM action a WHERE a.cluster_id = c.id) AS action_count,
      (SELECT group_concat(k.id) FROM cluster k WHERE k.split_from_id = c.id) AS split_into
    FROM cluster c`;
  const selectOne = db.prepare<[number, number], ClusterRow>(`${clusterSelect} WHERE c.id = ? AND c.team_id = ?`);
  const selectAll = db.prepare<[number, number], ClusterRow>(
    `${clusterSelect} WHERE c.team_id = ? AND (c.archived = 0 OR ?) ORDER BY c.name COLLATE NOCASE, c.start_date, c.id`,
  );
  const selectRunning = db.prepare<{ teamId: number; date: string }, ClusterRow>(`
    ${clusterSelect} WHERE c.team_id = @teamId AND c.archived = 0 AND c.start_date <= @date
      AND (c.end_date IS NULL OR c.end_date >= @date)
    ORDER BY c.name COLLATE NOCASE, c.id`);
  const insert = db.prepare(`
    INSERT INTO cluster (team_id, name, areas, gemeenten, inhabitants, lead, fte, wijkagenten, start_date, end_date,
      split_from_id, created_at, updated_at)
    VALUES (@teamId, @name, @areas, @gemeenten, @inhabitants, @lead, @fte, @wijkagenten, @startDate, @endDate,
      @splitFromId, @now, @now)`);
  const update = db.prepare(`
    UPDATE cluster SET name = @name, areas = @areas, gemeenten = @gemeenten, inhabitants = @inhabitants, lead = @lead,
      fte = @fte, wijkagenten = @wijkagenten, start_date = @startDate, end_date = @endDate, updated_at = @now
    WHERE id = @id AND team_id = @teamId`);
  const end = db.prepare('UPDATE cluster SET end_date = ?, end_reason = ?, updated_at = ? WHERE id = ? AND team_id = ?');
  const archive = db.prepare('UPDATE cluster SET archived = ?, updated_at = ? WHERE id = ? AND team_id = ?');
  const remove = db.prepare('DELETE FROM cluster WHERE id = ? AND team_id = ?');

  const toCluster = (r: ClusterRow, today: string): Cluster => ({
    id: r.id,
    teamId: r.team_id,
    name: r.name,
    areas: JSON.parse(r.areas) as string[],
    gemeenten: JSON.parse(r.gemeenten) as string[],
    inhabitants: r.inhabitants,
    lead: r.lead,
    fte: r.fte,
    wijkagenten: r.wijkagenten,
    startDate: r.start_date,
    endDate: r.end_date,
    endReason: r.end_reason,
    splitFromId: r.split_from_id,
    splitIntoIds: r.split_into ? r.split_into.split(',').map(Number).sort((a, b) => a - b) : [],
    archived: r.archived === 1,
    state: stateOf(r, today),
    norm: wijkagentNorm(r.inhabitants, r.wijkagenten),
    actionCount: r.action_count,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  });

  const owned = (teamId: number, id: number): ClusterRow => {
    const row = selectOne.get(id, teamId);
    if (!row) throw notFound('Het cluster');
    return row;
  };

  const params = (p: ClusterPart) => ({
    name: p.name,
    areas: JSON.stringify(p.areas),
    gemeenten: JSON.stringify(p.gemeenten),
    inhabitants: p.inhabitants,
    lead: p.lead,
    fte: p.fte,
    wijkagenten: p.wijkagenten,
  });

  const service = {
    list(teamId: number, includeArchived: boolean, ctx: Ctx): Cluster[] {
      teams.assertExists(teamId);
      return selectAll.all(teamId, includeArchived ? 1 : 0).map((r) => toCluster(r, ctx.today()));
    },

    get(teamId: number, id: number, ctx: Ctx): Cluster {
      return toCluster(owned(teamId, id), ctx.today());
    },

    create(teamId: number, f: ClusterFields, ctx: Ctx): Cluster {
      const id = db.transaction(() => {
        teams.assertExists(teamId);
        const res = insert.run({ ...params(f), teamId, startDate: f.startDate, endDate: f.endDate, splitFromId: null, now: ctx.now().toISOString() });
        return Number(res.lastInsertRowid);
      })();
      return service.get(teamId, id, ctx);
    },

    update(teamId: number, id: number, f: ClusterFields, ctx: Ctx): Cluster {
      db.transaction(() => {
        const row = owned(teamId, id);
        if (row.split_into && f.endDate === null)
          throw invalid('endDate', 'Dit cluster is gesplitst; de einddatum blijft staan zodat de geschiedenis klopt.');
        update.run({ ...params(f), id, teamId, startDate: f.startDate, endDate: f.endDate, now: ctx.now().toISOString() });
      })();
      return service.get(teamId, id, ctx);
    },

    end(teamId: number, id: number, endDate: string, reason: string, ctx: Ctx): Cluster {
      db.transaction(() => {
        const row = owned(teamId, id);
        if (row.end_date !== null) throw conflict(`Dit cluster is al beëindigd per ${formatDate(row.end_date)}.`);
        if (endDate < row.start_date)
          throw invalid('endDate', `De einddatum ligt voor de startdatum van het cluster (${formatDate(row.start_date)}).`);
        end.run(endDate, reason, ctx.now().toISOString(), id, teamId);
      })();
      return service.get(teamId, id, ctx);
    },

    /** Ends the cluster the day before `date` and starts the parts on `date`, each pointing back at it. */
    split(teamId: number, id: number, date: string, parts: ClusterPart[], ctx: Ctx): Cluster[] {
      const ids = db.transaction(() => {
        const row = owned(teamId, id);
        if (row.end_date !== null) throw conflict(`Dit cluster is al beëindigd per ${formatDate(row.end_date)} en kan niet meer worden gesplitst.`);
        if (date <= row.start_date)
          throw invalid('date', `De splitsdatum moet na de startdatum van het cluster (${formatDate(row.start_date)}) liggen.`);
        const now = ctx.now().toISOString();
        end.run(addDays(date, -1), `Gesplitst in ${parts.map((p) => p.name).join(', ')}`, now, id, teamId);
        return parts.map((p) =>
          Number(insert.run({ ...params(p), teamId, startDate: date, endDate: null, splitFromId: id, now }).lastInsertRowid),
        );
      })();
      return ids.map((newId) => service.get(teamId, newId, ctx));
    },

    overview(teamId: number, date: string | undefined, ctx: Ctx): ClusterOverview {
      const team = teams.get(teamId);
      const on = date ?? ctx.today();
      const clusters = selectRunning.all({ teamId, date: on }).map((r) => toCluster(r, ctx.today()));
      const sum = {
        inhabitants: clusters.reduce((s, c) => s + c.inhabitants, 0),
        fte: round2(clusters.reduce((s, c) => s + c.fte, 0)),
        wijkagenten: clusters.reduce((s, c) => s + c.wijkagenten, 0),
      };
      const teamTotals = { inhabitants: team.inhabitants, fte: team.formationFte, wijkagenten: team.wijkagenten };
      const areaOwners = new Map<string, { area: string; clusters: string[] }>();
      for (const c of clusters)
        for (const a of new Set(c.areas.map((x) => x.trim()))) {
          const entry = areaOwners.get(norm(a)) ?? { area: a, clusters: [] };
          entry.clusters.push(c.name);
          areaOwners.set(norm(a), entry);
        }
      const clusterGemeenten = new Map(clusters.flatMap((c) => c.gemeenten.map((g) => [norm(g), g] as const)));
      const teamGemeenten = new Set(team.gemeenten.map(norm));
      return {
        date: on,
        clusters,
        sum,
        team: teamTotals,
        difference: {
          inhabitants: teamTotals.inhabitants - sum.inhabitants,
          fte: round2(teamTotals.fte - sum.fte),
          wijkagenten: teamTotals.wijkagenten - sum.wijkagenten,
        },
        norm: wijkagentNorm(sum.inhabitants, sum.wijkagenten),
        overlappingAreas: [...areaOwners.values()].filter((e) => e.clusters.length > 1),
        uncoveredGemeenten: clusters.length ? team.gemeenten.filter((g) => !clusterGemeenten.has(norm(g))) : [],
        foreignGemeenten: [...clusterGemeenten.entries()].filter(([k]) => !teamGemeenten.has(k)).map(([, g]) => g),
      };
    },

    archive(teamId: number, id: number, archived: boolean, ctx: Ctx): Cluster {
      db.transaction(() => {
        owned(teamId, id);
        archive.run(archived ? 1 : 0, ctx.now().toISOString(), id, teamId);
      })();
      return service.get(teamId, id, ctx);
    },

    remove(teamId: number, id: number): void {
      db.transaction(() => {
        owned(teamId, id);
        const deps = dependentsOf(db, 'cluster', id);
        if (deps.length)
          throw conflict(`Dit cluster kan niet worden verwijderd: ${describeDependents(deps)} verwijzen ernaar. Beëindig of archiveer het in plaats daarvan.`);
        remove.run(id, teamId);
      })();
    },
  };
  return service;
}
export type ClusterService = ReturnType<typeof createClusterService>;
