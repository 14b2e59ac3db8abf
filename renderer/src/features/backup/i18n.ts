/** Texts of the Backups section in Settings. */
export const nl = {
  title: 'Back-ups en gegevens',
  intro:
    'Teamchef maakt bij elke start en daarna elke dag automatisch een back-up. Er blijven 7 dagelijkse en 12 maandelijkse back-ups bewaard, plus uw laatste 20 eigen back-ups.',
  dataFile: 'Gegevensbestand',
  backupFolder: 'Map met back-ups',
  createNow: 'Nu een back-up maken',
  created: 'De back-up is gemaakt.',
  exportAll: 'Alles exporteren',
  exportHint: 'Eén bestand met alle gegevens, voor een nieuwe laptop of een opvolger.',
  exported: 'Het exportbestand {{name}} is opgeslagen.',
  importFile: 'Bestand inlezen…',
  listTitle: 'Back-ups',
  empty: 'Er zijn nog geen back-ups. Maak er nu een: dan kunt u altijd terug naar de gegevens van vandaag.',
  columns: { date: 'Datum', kind: 'Soort', size: 'Grootte', actions: 'Acties' },
  kinds: { auto: 'Automatisch', manual: 'Zelf gemaakt', safety: 'Vóór terugzetten' },
  restore: 'Terugzetten',
  restoreLabel: 'Back-up van {{moment}} terugzetten',
  restoreTitle: 'Back-up terugzetten?',
  restoreBody:
    'De gegevens van nu worden vervangen door die van de back-up van {{moment}}. Wat u daarna hebt ingevoerd, staat niet in deze back-up.',
  keptAside:
    'De huidige gegevens blijven bewaard als back-up "Vóór terugzetten" in deze lijst. Zo kunt u het terugzetten ongedaan maken.',
  restoreConfirm: 'Ja, terugzetten',
  restored: 'De back-up van {{moment}} is teruggezet. De gegevens van daarvoor staan als "Vóór terugzetten" in de lijst.',
  importTitle: 'Gegevens inlezen?',
  importBody: 'Alle gegevens in Teamchef worden vervangen door die uit {{name}}. Het bestand wordt eerst gecontroleerd; klopt het niet, dan verandert er niets.',
  importConfirm: 'Ja, inlezen',
  imported: 'De gegevens uit {{name}} zijn ingelezen. De gegevens van daarvoor staan als "Vóór terugzetten" in de lijst.',
  busy: {
    create: 'Bezig met een back-up maken…',
    restore: 'Bezig met terugzetten…',
    export: 'Bezig met exporteren…',
    import: 'Bezig met inlezen en controleren…',
  },
  at: '{{date}} om {{time}}',
};

export const en: typeof nl = {
  title: 'Backups and data',
  intro:
    'Teamchef makes a backup automatically at every start and then every day. It keeps 7 daily and 12 monthly backups, plus your last 20 own backups.',
  dataFile: 'Data file',
  backupFolder: 'Backup folder',
  createNow: 'Make a backup now',
  created: 'The backup has been made.',
  exportAll: 'Export everything',
  exportHint: 'One file with all data, for a new laptop or a successor.',
  exported: 'The export file {{name}} has been saved.',
  importFile: 'Import a file…',
  listTitle: 'Backups',
  empty: "There are no backups yet. Make one now: then you can always go back to today's data.",
  columns: { date: 'Date', kind: 'Kind', size: 'Size', actions: 'Actions' },
  kinds: { auto: 'Automatic', manual: 'Made by you', safety: 'Before restore' },
  restore: 'Restore',
  restoreLabel: 'Restore the backup of {{moment}}',
  restoreTitle: 'Restore this backup?',
  restoreBody: 'The current data will be replaced by the backup of {{moment}}. Whatever you entered after that is not in this backup.',
  keptAside: 'The current data is kept as a backup "Before restore" in this list, so you can undo the restore.',
  restoreConfirm: 'Yes, restore',
  restored: 'The backup of {{moment}} has been restored. The data from before is in the list as "Before restore".',
  importTitle: 'Import this data?',
  importBody: 'All data in Teamchef will be replaced by the data in {{name}}. The file is checked first; if it is not right, nothing changes.',
  importConfirm: 'Yes, import',
  imported: 'The data from {{name}} has been imported. The data from before is in the list as "Before restore".',
  busy: {
    create: 'Making a backup…',
    restore: 'Restoring…',
    export: 'Exporting…',
    import: 'Importing and checking…',
  },
  at: '{{date}} at {{time}}',
};

/** English for the Dutch validation messages of the backup contract. */
export const validationEn: Record<string, string> = {
  'Kies een back-up uit de lijst.': 'Choose a backup from the list.',
  'Maximaal 260 tekens.': 'At most 260 characters.',
  'Kies een bestand om in te lezen.': 'Choose a file to import.',
  'Het bestand is te groot (maximaal 512 MB).': 'The file is too large (at most 512 MB).',
  'Dit bestand kan niet worden gelezen.': 'This file cannot be read.',
};
