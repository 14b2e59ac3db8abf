import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { fsyncDir, fsyncFile, removeStoreFile, type StepHook } from '../store/files';

/** Past every page count a store can have: better-sqlite3 then copies all pages in one step. */
const ALL_PAGES = 0x7fffffff;

/** A temporary name beside `target` that no other backup, in this process or another, uses. */
export const tempNameFor = (target: string): string => `${target}.${process.pid}-${crypto.randomBytes(6).toString('hex')}.tmp`;

/**
 * Copies an open database into the new file `target` with SQLite's online backup API, consistent
 * while the app writes, as one self-contained file in rollback-journal mode, fsynced. All pages go
 * in one step inside one read transaction: a copy made page by page restarts whenever another
 * connection writes in between, and under a steady writer never finishes. At team size the step
 * takes milliseconds.
 */
export async function copyDatabase(source: Database.Database, target: string, step?: StepHook): Promise<void> {
  try {
    await source.backup(target, { progress: () => ALL_PAGES });
    step?.('copy:written');
    const copy = new Database(target);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    fsyncFile(target);
    step?.('copy:synced');
  } catch (err) {
    removeStoreFile(target);
    throw err;
  }
}

/**
 * Gives the finished file `tmp` a name in `dir` chosen by `nameFor` (given the names taken), without
 * ever replacing a file: a hard link fails when the name was taken in the meantime (by another
 * process too), and the next name is tried. File systems without hard links (FAT, some shares)
 * fall back to a rename after a check.
 */
export function publishFile(tmp: string, dir: string, nameFor: (taken: ReadonlySet<string>) => string): string {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const name = nameFor(new Set(fs.readdirSync(dir)));
    const target = path.join(dir, name);
    try {
      fs.linkSync(tmp, target);
      fs.rmSync(tmp, { force: true });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') continue;
      if (!['EPERM', 'ENOTSUP', 'EXDEV', 'ENOSYS', 'EOPNOTSUPP'].includes(code ?? '')) throw err;
      if (fs.existsSync(target)) continue;
      fs.renameSync(tmp, target);
    }
    fsyncDir(dir);
    return name;
  }
  throw new Error('No free backup name');
}
