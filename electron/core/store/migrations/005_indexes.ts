import type { Migration } from './types';

/**
 * Indexes for district-sized stores (twenty teams, ten years: 400,000 expenses, 100,000 check-ins),
 * found with `npm run bench`. Indexes only: no table or row changes.
 * - checkin_team_list: a team's check-ins in the order the progress screen lists them, without a sort.
 * - action_team_created: the dashboard's latest actions without reading every action of the team.
 */
export const m005Indexes: Migration = {
  version: 5,
  name: 'indexes for district-sized stores',
  up(db) {
    db.exec(`
      CREATE INDEX checkin_team_list ON checkin(team_id, team_opgave_id, date);
      CREATE INDEX action_team_created ON action(team_id, created_at);
    `);
  },
};
