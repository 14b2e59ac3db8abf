import { LATEST_VERSION } from '../store/migrations';
import { checkStoreFile } from '../store/identity';

export interface StoreFileFacts {
  schemaVersion: number;
}

/**
 * Checks, through a read-only connection, that `file` is an undamaged Teamchef store this version
 * can open (older versions are migrated when opened; newer ones are refused), with the full
 * integrity and reference check. `what` names the file in the messages, e.g. "Deze back-up" or
 * "Dit bestand".
 */
export function inspectStoreFile(
  file: string,
  what: string,
  latest: number = LATEST_VERSION,
  headerless: 'damaged' | 'foreign' = 'foreign',
): StoreFileFacts {
  return checkStoreFile(file, { what, latest, thorough: true, headerless });
}
