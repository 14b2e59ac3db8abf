import type { Ctx } from '../../api/define';
import { notFound } from '../../api/errors';
import type { Team, TeamProfile } from '../../api/team';
import type { Db } from '../store/open';
import { formationSignal, wijkagentNorm } from '../../api/norms';

interface TeamRow {
  id: number;
  name: string;
  eenheid: Team['eenheid'];
  district: string;
  formation_fte: number;
  inhabitants: number;
  area_km2: number;
  wijkagenten: number;
  created_at: string;
  updated_at: string;
}

function toTeam(row: TeamRow, gemeenten: string[]): Team {
  return {
    id: row.id,
    name: row.name,
    eenheid: row.eenheid,
    district: row.district,
    gemeenten,
    formationFte: row.formation_fte,
    inhabitants: row.inhabitants,
    areaKm2: row.area_km2,
    wijkagenten: row.wijkagenten,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    norm: wijkagentNorm(row.inhabitants, row.wijkagenten),
    formation: formationSignal(row.formation_fte),
  };
}

export function createTeamService(db: Db) {
  const selectTeam = db.prepare<[number], TeamRow>('SELECT * FROM team WHERE id = ?');
  const selectAll = db.prepare<[], TeamRow>('SELECT * FROM team ORDER BY name COLLATE NOCASE, id');
  const selectGemeenten = db.prepare<[number], { name: string }>(
    'SELECT name FROM team_gemeente WHERE team_id = ? ORDER BY position',
  );
  const deleteGemeenten = db.prepare('DELETE FROM team_gemeente WHERE team_id = ?');
  const insertGemeente = db.prepare('INSERT INTO team_gemeente (team_id, position, name) VALUES (?, ?, ?)');
  const insertTeam = db.prepare(`
    INSERT INTO team (name, eenheid, district, formation_fte, inhabitants, area_km2, wijkagenten, created_at, updated_at)
    VALUES (@name, @eenheid, @district, @formationFte, @inhabitants, @areaKm2, @wijkagenten, @now, @now)`);
  const updateTeam = db.prepare(`
    UPDATE team SET name = @name, eenheid = @eenheid, district = @district, formation_fte = @formationFte,
      inhabitants = @inhabitants, area_km2 = @areaKm2, wijkagenten = @wijkagenten, updated_at = @now
    WHERE id = @id`);

  const gemeentenOf = (teamId: number) => selectGemeenten.all(teamId).map((g) => g.name);
  const writeGemeenten = (teamId: number, gemeenten: string[]) => {
    deleteGemeenten.run(teamId);
    gemeenten.forEach((name, i) => insertGemeente.run(teamId, i, name));
  };

  const service = {
    list(): Team[] {
      return selectAll.all().map((row) => toTeam(row, gemeentenOf(row.id)));
    },

    get(teamId: number): Team {
      const row = selectTeam.get(teamId);
      if (!row) throw notFound('Het team');
      return toTeam(row, gemeentenOf(teamId));
    },

    /** Throws NOT_FOUND unless the team exists; every team-scoped method starts here. */
    assertExists(teamId: number): void {
      if (!selectTeam.get(teamId)) throw notFound('Het team');
    },

    create(profile: TeamProfile, ctx: Ctx): Team {
      const id = db.transaction(() => {
        const { lastInsertRowid } = insertTeam.run({ ...profile, now: ctx.now().toISOString() });
        writeGemeenten(Number(lastInsertRowid), profile.gemeenten);
        return Number(lastInsertRowid);
      })();
      return service.get(id);
    },

    update(teamId: number, profile: TeamProfile, ctx: Ctx): Team {
      db.transaction(() => {
        const { changes } = updateTeam.run({ ...profile, id: teamId, now: ctx.now().toISOString() });
        if (changes === 0) throw notFound('Het team');
        writeGemeenten(teamId, profile.gemeenten);
      })();
      return service.get(teamId);
    },
  };
  return service;
}
export type TeamService = ReturnType<typeof createTeamService>;
