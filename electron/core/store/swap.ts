import fs from 'node:fs';
import path from 'node:path';
import { freeName, fsyncDir, moveStoreFile, removeStoreFile, SIDECARS, writeFileAtomic, type StepHook } from './files';
import { STORE_FILE_NAME } from './names';

/**
 * Replacing the store file (restore, import, recovery of a damaged store) as a crash-safe swap.
 *
 * 1. The new store is written complete beside the store under a staging name, fsynced and checked.
 * 2. The intent is recorded in a small journal (`teamchef.swap.json`, written atomically): which
 *    file comes in and where the current one goes (a "Before restore" backup, or the name a damaged
 *    file is kept under).
 * 3. The store is closed; the current file is renamed aside, then the incoming file renamed into
 *    place (renames within one folder are atomic), each followed by an fsync of the folder.
 * 4. The journal is removed.
 *
 * At every start, before the store is opened, an existing journal is finished: as long as the
 * incoming file still exists the swap had not reached step 3's last rename, so the current file (if
 * still in place) goes aside and the incoming one comes in. Every step can be repeated, and no step
 * deletes a file: at every moment the old data is either the store or the file aside, and the new
 * data is either the incoming file or the store.
 */
export const SWAP_JOURNAL = 'teamchef.swap.json';

export interface SwapPlan {
  /** The new store, relative to the data folder. */
  incoming: string;
  /** Where the current store goes, relative to the data folder. */
  aside: string;
}

function inside(dataDir: string, rel: unknown): string | null {
  if (typeof rel !== 'string' || rel.length === 0 || rel.length > 300 || path.isAbsolute(rel)) return null;
  const full = path.resolve(dataDir, rel);
  const root = path.resolve(dataDir) + path.sep;
  if (!full.startsWith(root) || path.basename(full) === STORE_FILE_NAME || path.basename(full) === SWAP_JOURNAL) return null;
  return full;
}

/** Records the swap's intent. The incoming file must already be complete and fsynced. */
export function writeSwapJournal(dataDir: string, plan: SwapPlan, step?: StepHook): void {
  if (!inside(dataDir, plan.incoming) || !inside(dataDir, plan.aside)) throw new Error('Swap paths must lie inside the data folder');
  writeFileAtomic(path.join(dataDir, SWAP_JOURNAL), JSON.stringify({ version: 1, ...plan }), step);
  step?.('swap:journal-written');
}

/** The recorded swap, or null. A journal that cannot be read is kept under another name and ignored. */
export function readSwapJournal(dataDir: string): SwapPlan | null {
  const file = path.join(dataDir, SWAP_JOURNAL);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  try {
    const plan = JSON.parse(text) as Partial<SwapPlan>;
    if (inside(dataDir, plan.incoming) && inside(dataDir, plan.aside)) return { incoming: plan.incoming!, aside: plan.aside! };
  } catch {
    // fall through: not ours to act on
  }
  fs.renameSync(file, `${file}.ongeldig-${Date.now()}`);
  return null;
}

/**
 * Carries out the swap recorded in the journal (the store must be closed). Used for a swap in
 * progress and, at start, for one that was interrupted. Answers where the old store went (relative
 * to the data folder), or null when there was no journal.
 */
export function finishSwap(dataDir: string, step?: StepHook): string | null {
  const plan = readSwapJournal(dataDir);
  if (!plan) return null;
  const store = path.join(dataDir, STORE_FILE_NAME);
  const incoming = path.join(dataDir, plan.incoming);
  let aside = path.join(dataDir, plan.aside);
  if (fs.existsSync(incoming)) {
    fs.mkdirSync(path.dirname(aside), { recursive: true });
    if (fs.existsSync(store) && fs.existsSync(aside)) {
      // Never over a file: should the name have been taken meanwhile, the next free one.
      const ext = path.extname(aside) === '.sqlite' ? '.sqlite' : '';
      aside = path.join(path.dirname(aside), freeName(path.dirname(aside), path.basename(aside, ext), ext));
    }
    if (fs.existsSync(store) || SIDECARS.some((s) => fs.existsSync(store + s))) {
      moveStoreFile(store, aside, step);
      fsyncDir(path.dirname(aside));
      fsyncDir(dataDir);
    }
    step?.('swap:store-aside');
    fs.renameSync(incoming, store);
    fsyncDir(dataDir);
    step?.('swap:incoming-in-place');
  }
  fs.rmSync(path.join(dataDir, SWAP_JOURNAL), { force: true });
  fsyncDir(dataDir);
  step?.('swap:journal-removed');
  return path.relative(dataDir, aside);
}

/**
 * Removes staging files no journal refers to: they were never swapped in, so the store they would
 * have replaced is still in place and they are copies of a backup or an import. Runs only after a
 * pending swap was finished and the store opened.
 */
export function removeUnusedStaging(dataDir: string): void {
  if (fs.existsSync(path.join(dataDir, SWAP_JOURNAL))) return;
  for (const f of fs.readdirSync(dataDir)) {
    if (/^\.teamchef-(staging|import|new)-[\w.-]*\.sqlite$/.test(f)) removeStoreFile(path.join(dataDir, f));
    else if (/^\.teamchef-(staging|import|new)-[\w.-]*\.sqlite\.[\w.-]*tmp$/.test(f)) fs.rmSync(path.join(dataDir, f), { force: true });
  }
}
