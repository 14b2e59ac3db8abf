import { m001Team } from './001_team';
import type { Migration } from './types';

/** Append only: a released migration is never edited, a change is a new number. */
export const MIGRATIONS: readonly Migration[] = [m001Team];

export const LATEST_VERSION = MIGRATIONS.length;
