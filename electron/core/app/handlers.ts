import type { appApi, AppInfo } from '../../api/app';
import type { HandlersFor } from '../../api/define';

/** The values come from the shell at start (createCore), so the core stays free of Electron. */
export const appHandlers = (info: AppInfo): HandlersFor<typeof appApi> => ({
  'app.info': () => ({ ...info }),
});
