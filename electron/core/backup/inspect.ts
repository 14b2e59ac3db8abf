import { AppError } from '../../api/errors';
import { LATEST_VERSION } from '../store/migrations';
import { readOnlyLook } from '../store/open';

/** Tables every Teamchef store has had since the first version. */
const REQUIRED_TABLES = ['team', 'team_gemeente', 'app_setting'];

export interface StoreFileFacts {
  schemaVersion: number;
}

/**
 * Checks, through a read-only connection, that `file` is an undamaged Teamchef store this version
 * can open (older versions are migrated when opened; newer ones are refused). `what` names the
 * file in the messages, e.g. "Deze back-up" or "Dit bestand".
 */
export function inspectStoreFile(file: string, what: string, latest: number = LATEST_VERSION): StoreFileFacts {
  const notAStore = () => new AppError('VALIDATION', `${what} is geen Teamchef-gegevensbestand. Er is niets gewijzigd.`);
  try {
    return readOnlyLook(file, (db) => {
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version > latest) {
        throw new AppError(
          'STORE_NEWER',
          `${what} is gemaakt met een nieuwere versie van Teamchef (schema ${version}, deze versie kent ${latest}). Installeer eerst de nieuwste versie. Er is niets gewijzigd.`,
        );
      }
      if (version < 1) throw notAStore();
      const integrity = db.prepare<[], { integrity_check: string }>('PRAGMA integrity_check').all();
      if (integrity.length !== 1 || integrity[0]!.integrity_check !== 'ok') {
        throw new AppError('STORE_CORRUPT', `${what} is beschadigd en kan niet worden gebruikt. Er is niets gewijzigd.`);
      }
      const tables = new Set(
        db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((r) => r.name),
      );
      if (!REQUIRED_TABLES.every((t) => tables.has(t))) throw notAStore();
      if (db.prepare('PRAGMA foreign_key_check').all().length > 0) {
        throw new AppError('STORE_CORRUPT', `${what} bevat verwijzingen naar gegevens die ontbreken en kan niet worden gebruikt. Er is niets gewijzigd.`);
      }
      return { schemaVersion: version };
    });
  } catch (err) {
    if (err instanceof AppError) throw err;
    const code = (err as { code?: unknown } | null)?.code;
    if (code === 'SQLITE_NOTADB') throw notAStore();
    if (typeof code === 'string' && code.startsWith('SQLITE_CORRUPT')) {
      throw new AppError('STORE_CORRUPT', `${what} is beschadigd en kan niet worden gebruikt. Er is niets gewijzigd.`);
    }
    throw err;
  }
}
