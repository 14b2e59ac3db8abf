import { z } from 'zod';
import { method } from './define';

/** What the About screen shows and support asks for. */
export interface AppInfo {
  version: string;
  /** Folder with the store, backups and the window state. */
  dataDir: string;
  /** The SQLite file. */
  storeFile: string;
  /** The log file for support; null when the app runs without one (tests). */
  logFile: string | null;
}

export const appApi = {
  'app.info': method<AppInfo>()(z.strictObject({}).optional()),
};
