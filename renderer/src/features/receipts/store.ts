import { create } from 'zustand';
import { MAX_RECEIPT_BYTES, type Attachment, type MissingReceipts, type RecordKind } from '@api/receipts';
import { call } from '../../shared/api';
import { earlyRead } from '../../shared/prefetch';
import { describeError } from '../../shared/errors';
import i18n from '../../i18n';

interface ReceiptsState {
  teamId: number | null;
  year: number | null;
  byExpense: Record<number, Attachment[]>;
  byDecision: Record<number, Attachment[]>;
  missing: MissingReceipts | null;
  load(teamId: number, year: number): Promise<void>;
  /** Starts the year's first read before Versterkingsgelden is drawn (see shared/prefetch.ts). */
  prefetch(teamId: number, year: number): void;
  /** Attaches each file in turn; a refused file does not stop the others. */
  attachFiles(teamId: number, kind: RecordKind, recordId: number, files: readonly File[]): Promise<AttachOutcome>;
  detach(teamId: number, attachmentId: number, reason: string): Promise<void>;
}

export interface AttachOutcome {
  added: number;
  reused: string[];
  refused: { file: string; reason: string }[];
  storeWarning: string | null;
}

export const useReceiptsStore = create<ReceiptsState>((set, get) => {
  const first = earlyRead(async (teamId: number, year: number) => {
    const [all, missing] = await Promise.all([call('receipts.forYear', { teamId, year }), call('receipts.missing', { teamId, year })]);
    set({ teamId, year, byExpense: all.expense, byDecision: all.decision, missing });
  });
  return {
    teamId: null,
    year: null,
    byExpense: {},
    byDecision: {},
    missing: null,
    load: first.read,
    prefetch: (teamId, year) => first.start(teamId, year),
    async attachFiles(teamId, kind, recordId, files) {
      const outcome: AttachOutcome = { added: 0, reused: [], refused: [], storeWarning: null };
      for (const file of files) {
        // Checked here too, so a 200 MB video is never read into memory and sent over.
        if (file.size > MAX_RECEIPT_BYTES) {
          outcome.refused.push({ file: file.name, reason: i18n.t('receipts.tooLarge') });
          continue;
        }
        try {
          const bytes = new Uint8Array(await file.arrayBuffer());
          const result = await call('receipts.attach', { teamId, kind, recordId, fileName: file.name || 'bon', bytes });
          outcome.added++;
          if (result.reused) outcome.reused.push(file.name);
          outcome.storeWarning = result.storeWarning ?? outcome.storeWarning;
        } catch (err) {
          outcome.refused.push({ file: file.name, reason: describeError(err) });
        }
      }
      const { year } = get();
      if (outcome.added && year !== null) await get().load(teamId, year);
      return outcome;
    },
    async detach(teamId, attachmentId, reason) {
      await call('receipts.detach', { teamId, attachmentId, reason });
      const { year } = get();
      if (year !== null) await get().load(teamId, year);
    },
  };
});

export const activeOf = (list: Attachment[] | undefined): Attachment[] => (list ?? []).filter((a) => a.detachedAt === null);
