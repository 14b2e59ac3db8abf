/** Texts of the About screen. */
export const nl = {
  title: 'Over Teamchef',
  intro: 'Teamchef bewaart alles in één bestand op deze laptop. Vraagt de ondersteuning om gegevens, geef dan deze.',
  version: 'Versie',
  dataDir: 'Gegevensmap',
  storeFile: 'Gegevensbestand',
  logFile: 'Logbestand',
  noLogFile: 'Geen logbestand in deze omgeving',
  details: 'Gegevens voor ondersteuning',
};

export const en: typeof nl = {
  title: 'About Teamchef',
  intro: 'Teamchef keeps everything in one file on this laptop. When support asks for details, give them these.',
  version: 'Version',
  dataDir: 'Data folder',
  storeFile: 'Data file',
  logFile: 'Log file',
  noLogFile: 'No log file in this environment',
  details: 'Details for support',
};
