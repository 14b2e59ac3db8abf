import { AppError } from '../../api/errors';
import { fromConstraintError } from './constraints';

/** SQLite's own error codes, turned into something a chief can act on. */
export function fromStoreError(err: unknown): AppError | null {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null;
  if (code === 'SQLITE_FULL')
    return new AppError('DISK_FULL', 'De schijf is vol. Maak ruimte vrij en probeer het opnieuw; er is niets opgeslagen.');
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return new AppError('STORE_LOCKED', 'Het gegevensbestand is in gebruik door een ander programma. Sluit dat en probeer het opnieuw.');
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_PERM'))
    return new AppError('STORE_READONLY', 'Het gegevensbestand kan niet worden beschreven. Controleer de rechten op de gegevensmap.');
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')
    return new AppError('STORE_CORRUPT', 'Het gegevensbestand is beschadigd. Zet een back-up terug via Instellingen.');
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY')
    return new AppError('NOT_FOUND', 'Een gekoppeld record bestaat niet (meer).');
  if (code.startsWith('SQLITE_CONSTRAINT')) {
    const message = (err as { message?: unknown }).message;
    return fromConstraintError(code, typeof message === 'string' ? message : '') ?? new AppError('CONFLICT', 'Deze wijziging botst met gegevens die al zijn vastgelegd.');
  }
  return null;
}
