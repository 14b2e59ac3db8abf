import type { BackupEntry } from '../api/backup';
import { formatDate } from '../api/dates';
import { AppError } from '../api/errors';

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
  if (code === 'STORE_CORRUPT') {
    const offer = newestGoodBackup();
    const kept = 'Het beschadigde bestand wordt niet overschreven: het blijft bewaard in de gegevensmap.';
    if (!offer) {
      return {
        title: 'Het gegevensbestand is beschadigd',
        message: 'Teamchef kan het gegevensbestand niet openen, omdat het beschadigd is. Er is geen bruikbare back-up gevonden.',
        detail: `${kept}\n\nNeem contact op met de functioneel beheerder en laat het bestand nakijken.\n\n${folder}`,
        offer: null,
        buttons: ['Afsluiten'],
      };
    }
    return {
      title: 'Het gegevensbestand is beschadigd',
      message: `Teamchef kan het gegevensbestand niet openen, omdat het beschadigd is. De nieuwste goede back-up is van ${backupMoment(offer)}. Wilt u die terugzetten?`,
      detail: `Wat u na die back-up hebt ingevoerd, staat niet in de back-up. ${kept}\n\n${folder}`,
      offer,
      buttons: ['Back-up terugzetten', 'Afsluiten'],
    };
  }
  if (code === 'STORE_NEWER' || code === 'STORE_LOCKED' || code === 'STORE_READONLY' || code === 'DISK_FULL') {
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
