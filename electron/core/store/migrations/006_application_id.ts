import { APPLICATION_ID } from '../identity';
import type { Migration } from './types';

/**
 * Marks the file as a Teamchef store in SQLite's header (`application_id`), so a later start can
 * tell our store from another program's SQLite file before changing anything. New stores get the
 * id when they are created; this gives it to stores made before. Header only: no table or row changes.
 */
export const m006ApplicationId: Migration = {
  version: 6,
  name: 'application id in the file header',
  up(db) {
    db.pragma(`application_id = ${APPLICATION_ID}`);
  },
};
