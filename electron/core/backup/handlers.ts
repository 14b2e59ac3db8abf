import type { backupApi } from '../../api/backup';
import type { HandlersFor } from '../../api/define';
import type { BackupService } from './service';

export const backupHandlers = (backups: BackupService): HandlersFor<typeof backupApi> => ({
  'backup.list': () => backups.list(),
  'backup.create': () => backups.createManual(),
  'backup.restore': ({ name }) => backups.restore(name),
  'store.info': () => backups.info(),
  'store.export': () => backups.exportStore(),
  'store.import': ({ data, fileName }) => backups.importStore(data, fileName),
});
