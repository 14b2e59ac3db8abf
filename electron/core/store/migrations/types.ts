import type { Database } from 'better-sqlite3';

export interface Migration {
  /** Strictly increasing from 1 with no gaps; stored in the file as `PRAGMA user_version`. */
  version: number;
  name: string;
  up(db: Database): void;
}
