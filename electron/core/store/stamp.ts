import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fsyncDir, writeFileAtomic } from './files';

/**
 * The clean-shutdown stamp: written beside the store when Teamchef closes it in order after the
 * integrity check passed, removed (and the removal made durable) the moment the store is opened for
 * writing. A start that finds a stamp matching the file may open at once and run the integrity check
 * in the background; a missing or stale stamp (a crash, a power cut, a file copied in or changed by
 * another program) means the full check runs before anything else.
 *
 * The fingerprint is cheap (no full read): size, modification time, inode and a hash of the first
 * and last 64 KiB (SQLite's header with its change counter, schema cookie and page count; the root
 * pages; the newest pages). It catches a file that was replaced or written to; bit rot that leaves
 * all of these alone is what the background check is for, and no write reaches the file before it
 * has passed (see open.ts).
 */
export const STAMP_FILE_NAME = 'teamchef.clean.json';
const EDGE = 64 * 1024;

interface Stamp {
  version: 1;
  size: number;
  mtimeMs: string;
  ino: string;
  edges: string;
}

function fingerprint(file: string): Stamp {
  const st = fs.statSync(file, { bigint: true });
  const size = Number(st.size);
  const hash = createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(Math.min(EDGE, size));
    hash.update(buf.subarray(0, fs.readSync(fd, buf, 0, buf.length, 0)));
    hash.update(buf.subarray(0, fs.readSync(fd, buf, 0, buf.length, Math.max(0, size - buf.length))));
  } finally {
    fs.closeSync(fd);
  }
  return { version: 1, size, mtimeMs: (st.mtimeNs / 1_000_000n).toString(), ino: st.ino.toString(), edges: hash.digest('hex') };
}

const stampPath = (file: string) => path.join(path.dirname(file), STAMP_FILE_NAME);

/** After an orderly close: only when every change is in the main file (no write-ahead log left). */
export function writeCleanStamp(file: string): void {
  if (!fs.existsSync(file) || fs.existsSync(`${file}-wal`)) return;
  writeFileAtomic(stampPath(file), `${JSON.stringify(fingerprint(file))}\n`);
}

/** True when the stamp exists and still describes `file` exactly, with no journal beside it. */
export function hasCleanStamp(file: string): boolean {
  try {
    if (['-wal', '-journal'].some((s) => fs.existsSync(file + s) && fs.statSync(file + s).size > 0)) return false;
    const stamp = JSON.parse(fs.readFileSync(stampPath(file), 'utf8')) as Partial<Stamp>;
    const now = fingerprint(file);
    return stamp.version === 1 && stamp.size === now.size && stamp.mtimeMs === now.mtimeMs && stamp.ino === now.ino && stamp.edges === now.edges;
  } catch {
    return false;
  }
}

/** Before the first write: from here on a crash leaves no stamp, so the next start checks in full. */
export function removeCleanStamp(file: string): void {
  const p = stampPath(file);
  if (!fs.existsSync(p)) return;
  fs.rmSync(p, { force: true });
  fsyncDir(path.dirname(file));
}
