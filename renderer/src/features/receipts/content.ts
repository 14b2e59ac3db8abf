import type { Attachment } from '@api/receipts';
import { call } from '../../shared/api';
import { SHELL_GLOBAL, type ShellBridge } from '@api/shell';

/** `window.teamchefShell` from the preload; absent in a plain browser. */
const shellBridge = (): ShellBridge | undefined => (globalThis as Record<string, unknown>)[SHELL_GLOBAL] as ShellBridge | undefined;

/**
 * Bytes of receipts as blob: URLs, and small thumbnails of the photos, kept per SHA-256 for the
 * session: the same bytes never change, so a URL made once stays right.
 */
const fullUrls = new Map<string, Promise<string>>();
const thumbUrls = new Map<string, Promise<string>>();

export function receiptUrl(teamId: number, a: Attachment): Promise<string> {
  let url = fullUrls.get(a.sha256);
  if (!url) {
    url = call('receipts.content', { teamId, attachmentId: a.id }).then((c) => URL.createObjectURL(new Blob([c.bytes as Uint8Array<ArrayBuffer>], { type: c.mime })));
    url.catch(() => fullUrls.delete(a.sha256));
    fullUrls.set(a.sha256, url);
  }
  return url;
}

const THUMB_HEIGHT = 64;

/** A photo scaled down to list size (a 12-megapixel photo is not decoded into every row). */
export function thumbnailUrl(teamId: number, a: Attachment): Promise<string> {
  let url = thumbUrls.get(a.sha256);
  if (!url) {
    url = (async () => {
      const c = await call('receipts.content', { teamId, attachmentId: a.id });
      const bitmap = await createImageBitmap(new Blob([c.bytes as Uint8Array<ArrayBuffer>], { type: c.mime }), { resizeHeight: THUMB_HEIGHT, resizeQuality: 'medium' });
      const canvas = document.createElement('canvas');
      canvas.width = bitmap.width;
      canvas.height = bitmap.height;
      canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
      bitmap.close();
      const blob = await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('thumbnail'))), 'image/png'));
      return URL.createObjectURL(blob);
    })();
    url.catch(() => thumbUrls.delete(a.sha256));
    thumbUrls.set(a.sha256, url);
  }
  return url;
}

/** Saves the file through the browser's download (the app's "Save as"). */
export async function saveReceipt(teamId: number, a: Attachment): Promise<void> {
  const url = await receiptUrl(teamId, a);
  const link = document.createElement('a');
  link.href = url;
  link.download = a.fileName;
  document.body.append(link);
  link.click();
  link.remove();
}

/** "Openen met…": only the desktop app can hand a copy to another program. */
export const canOpenWith = (): boolean => typeof shellBridge()?.openReceipt === 'function';

export async function openWith(teamId: number, a: Attachment): Promise<{ ok: boolean; message?: string }> {
  const answer = (await shellBridge()!.openReceipt!(teamId, a.id)) as { ok: boolean; error?: { message: string } };
  return answer.ok ? { ok: true } : { ok: false, message: answer.error?.message };
}

export const formatSize = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
