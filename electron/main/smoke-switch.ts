import path from 'node:path';

/**
 * `npm run smoke` drives the real app and cannot click a native save dialog, so it names the PDF's
 * path in this variable. Only an unpackaged (development) app reads it: in an installed Teamchef the
 * chief's own choice in the dialog is the only way a file gets written.
 */
export const SMOKE_SAVE_PATH_ENV = 'TEAMCHEF_SMOKE_SAVE_PATH';

export function smokeSavePath(env: Readonly<Record<string, string | undefined>>, isPackaged: boolean): string | undefined {
  if (isPackaged) return undefined;
  const file = env[SMOKE_SAVE_PATH_ENV];
  if (!file || !path.isAbsolute(file) || path.extname(file).toLowerCase() !== '.pdf') return undefined;
  return path.normalize(file);
}
