import { create } from 'zustand';
import type { BackupEntry, RestoreResult, StoreExport, StoreInfo } from '@api/backup';
import { call } from '../../shared/api';

export type BackupWork = 'create' | 'restore' | 'export' | 'import';

interface BackupState {
  entries: BackupEntry[];
  info: StoreInfo | null;
  /** The long-running job now in progress, shown with a progress bar; one at a time. */
  busy: BackupWork | null;
  load(): Promise<void>;
  create(): Promise<BackupEntry>;
  restore(name: string): Promise<RestoreResult>;
  exportStore(): Promise<StoreExport>;
  importStore(fileName: string, data: string): Promise<RestoreResult>;
}

/** The store (SQLite) is the truth: every write re-reads the list. */
export const useBackupStore = create<BackupState>((set, get) => {
  const run = async <T>(work: BackupWork, job: () => Promise<T>): Promise<T> => {
    set({ busy: work });
    try {
      return await job();
    } finally {
      set({ busy: null });
    }
  };
  return {
    entries: [],
    info: null,
    busy: null,
    async load() {
      const [entries, info] = await Promise.all([call('backup.list'), call('store.info')]);
      set({ entries, info });
    },
    create: () =>
      run('create', async () => {
        const entry = await call('backup.create');
        await get().load();
        return entry;
      }),
    restore: (name) => run('restore', () => call('backup.restore', { name })),
    exportStore: () => run('export', () => call('store.export')),
    importStore: (fileName, data) => run('import', () => call('store.import', { fileName, data })),
  };
});

/** Base64 of a file's bytes, in slices so a large file does not block the page in one go. */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const parts: string[] = [];
  const SLICE = 0x8000;
  for (let i = 0; i < bytes.length; i += SLICE) {
    parts.push(String.fromCharCode(...bytes.subarray(i, i + SLICE)));
    if (i % (SLICE * 64) === 0) await new Promise((r) => setTimeout(r, 0));
  }
  return btoa(parts.join(''));
}

export function base64ToBlob(data: string): Blob {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: 'application/vnd.sqlite3' });
}
