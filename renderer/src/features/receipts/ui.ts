import { create } from 'zustand';
import type { Attachment, RecordKind } from '@api/receipts';

/** Which record's receipts panel and which file's viewer are open (one of each at a time). */
interface ReceiptUi {
  panel: { kind: RecordKind; recordId: number; label: string } | null;
  viewer: Attachment | null;
  openPanel(kind: RecordKind, recordId: number, label: string): void;
  closePanel(): void;
  view(a: Attachment): void;
  closeViewer(): void;
}

export const useReceiptUi = create<ReceiptUi>((set) => ({
  panel: null,
  viewer: null,
  openPanel: (kind, recordId, label) => set({ panel: { kind, recordId, label } }),
  closePanel: () => set({ panel: null }),
  view: (viewer) => set({ viewer }),
  closeViewer: () => set({ viewer: null }),
}));

/** The files of a drag, if it carries files (not text or a link). */
export const draggedFiles = (e: React.DragEvent): boolean => Array.from(e.dataTransfer?.types ?? []).includes('Files');
