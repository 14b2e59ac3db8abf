import type { BackupEntry } from '../api/backup';
import { formatDate } from '../api/dates';
import { AppError } from '../api/errors';
import { StoreRefusal } from '../core/store/identity';

/**
 * What the chief is told when the store cannot be opened at start, in plain Dutch. Pure: the main
 * process only shows it (a dialog) and acts on the answer.
 */
export interface StartProblem {
  title: string;
  message: string;
  detail: string;
  /** The newest good backup, offered when the store is damaged; null when there is nothing to offer. */
  offer: BackupEntry | null;
  /** Dialog buttons; with an offer the first one restores it, the last one always quits. */
  buttons: string[];
}

export const backupMoment = (entry: BackupEntry): string =>
  `${formatDate(entry.createdAt.slice(0, 10))} om ${entry.createdAt.slice(11, 16)}`;

export function describeStartProblem(err: unknown, dataDir: string, newestGoodBackup: () => BackupEntry | null): StartProblem {
  const code = err instanceof AppError ? err.code : 'INTERNAL';
  const folder = `Gegevensmap: ${dataDir}`;
  const reason = err instanceof StoreRefusal ? err.reason : null;
  if (reason === 'foreign') {
    return {
      title: 'Dit is geen Teamchef-gegevensbestand',
      message:
        'Het bestand teamchef.sqlite in de gegevensmap hoort bij een ander programma. Teamchef heeft het niet geopend en niet gewijzigd.',
      detail: `Verplaats het bestand naar een andere map, of start Teamchef met een andere gegevensmap (--data-dir).\n\n${folder}`,
      offer: null,
      buttons: ['Afsluiten'],
    };
  }
  if (code === 'STORE_CORRUPT') {
    const offer = newestGoodBackup();
    const empty = reason === 'empty';
    const title = empty ? 'Het gegevensbestand is leeg' : 'Het gegevensbestand is beschadigd';
    const why = empty
      ? 'Teamchef kan het gegevensbestand niet openen, omdat het leeg is (0 bytes).'
      : 'Teamchef kan het gegevensbestand niet openen, omdat het beschadigd is.';
    const kept = empty
      ? 'Het lege bestand wordt niet overschreven: het blijft bewaard in de gegevensmap.'
      : 'Het beschadigde bestand wordt niet overschreven: het blijft bewaard in de gegevensmap.';
    if (!offer) {
      return {
        title,
        message: `${why} Er is geen bruikbare back-up gevonden.`,
        detail: `${kept}\n\nNeem contact op met de functioneel beheerder en laat het bestand nakijken.\n\n${folder}`,
        offer: null,
        buttons: ['Afsluiten'],
      };
    }
    return {
      title,
      message: `${why} De nieuwste goede back-up is van ${backupMoment(offer)}. Wilt u die terugzetten?`,
      detail: `Wat u na die back-up hebt ingevoerd, staat niet in de back-up. ${kept}\n\n${folder}`,
      offer,
      buttons: ['Back-up terugzetten', 'Afsluiten'],
    };
  }
  if (code === 'STORE_LOCKED') {
    return { title: 'Teamchef is al geopend', message: (err as AppError).message, detail: folder, offer: null, buttons: ['Afsluiten'] };
  }
  if (code === 'STORE_NEWER' || code === 'STORE_READONLY' || code === 'DISK_FULL') {
    return { title: 'Teamchef kan niet starten', message: (err as AppError).message, detail: folder, offer: null, buttons: ['Afsluiten'] };
  }
  return {
    title: 'Teamchef kan niet starten',
    message: 'Het gegevensbestand kan niet worden geopend. Er is niets gewijzigd; de details staan in het logbestand.',
    detail: folder,
    offer: null,
    buttons: ['Afsluiten'],
  };
}

export function describeRecovered(entry: BackupEntry, damagedKeptAs: string): { title: string; message: string } {
  return {
    title: 'Back-up teruggezet',
    message: `De back-up van ${backupMoment(entry)} is teruggezet. Het beschadigde bestand is bewaard als ${damagedKeptAs}.`,
  };
}

/**
 * After a clean close the store opens at once and its pages are checked in the background; the core
 * lets no write through until that check has passed. When it finds damage, nothing has been written
 * and the store is closed: `restart` then starts the app again, whose full check at start leads to
 * the dialog above, offering the newest good backup (the same path as damage found at an ordinary start).
 */
export function restartWhenPageCheckFails(core: { storePending(): Promise<void> | null }, restart: (err: unknown) => void): void {
  core.storePending()?.catch(restart);
}
