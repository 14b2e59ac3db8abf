import fs from 'node:fs';
import path from 'node:path';

/** Journal files SQLite may keep beside a database; they belong to it and travel with it. */
export const SIDECARS = ['-wal', '-shm', '-journal'] as const;

/**
 * Test hook: called with the name of each step of a file swap, restore or import, so a test can
 * kill the process exactly there. Left out in the app, where it costs one optional call per step.
 */
export type StepHook = (step: string) => void;

export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Makes a rename inside `dir` durable. Windows cannot open a folder as a file (renames there are
 * journaled by NTFS), and some network file systems refuse it: there the attempt is skipped.
 */
export function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (!['EISDIR', 'EPERM', 'EACCES', 'EINVAL', 'EBADF', 'ENOTSUP'].includes(code ?? '')) throw err;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Writes `data` to `file` whole or not at all: a temporary name, fsync, rename, fsync the folder. */
export function writeFileAtomic(file: string, data: string, step?: StepHook): void {
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, 'w');
  try {
    fs.writeSync(fd, data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  step?.('atomic:tmp-written');
  fs.renameSync(tmp, file);
  fsyncDir(path.dirname(file));
}

/**
 * Moves a SQLite file with its journal files, never over an existing file. The journal files go
 * first: an interruption leaves them either beside their database or already at the new name, and
 * never beside another database (SQLite would apply a stranger's WAL).
 */
export function moveStoreFile(from: string, to: string, step?: StepHook): void {
  for (const s of SIDECARS) {
    if (!fs.existsSync(from + s)) continue;
    if (fs.existsSync(to + s)) throw new Error(`Refusing to overwrite ${to + s}`);
    fs.renameSync(from + s, to + s);
  }
  step?.('move:sidecars');
  if (fs.existsSync(from)) {
    if (fs.existsSync(to)) throw new Error(`Refusing to overwrite ${to}`);
    fs.renameSync(from, to);
  }
}

/** Removes a SQLite file and its journal files. Only for files that are copies (never the only one). */
export function removeStoreFile(file: string): void {
  for (const f of [file, ...SIDECARS.map((s) => file + s)]) fs.rmSync(f, { force: true });
}

/** A name inside `dir` that is not in use, made from `base` plus `-2`, `-3`… when needed. */
export function freeName(dir: string, base: string, ext = ''): string {
  let name = `${base}${ext}`;
  for (let i = 2; SIDECARS.some((s) => fs.existsSync(path.join(dir, name + s))) || fs.existsSync(path.join(dir, name)); i++) name = `${base}-${i}${ext}`;
  return name;
}
