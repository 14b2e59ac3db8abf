import type { z } from 'zod';
import { parseDutchDate } from '@api/budget-parse';
import { formatDate, localIsoDate } from '@api/dates';
import { parseMoney } from '@api/money';
import i18n, { translateValidation } from '../../i18n';

/** What the chief typed in a text field; an untouched field may still hold a number or nothing. */
const typed = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** Today as the chief types it: `28-11-2026`. */
export const todayText = (): string => formatDate(localIsoDate(new Date()));

/**
 * Amounts and dates are typed as Dutch text (`1.234,56`, `28-11-2026`) and turned into cents and ISO
 * dates here; never through a floating-point number input. Returns the payload, or field errors.
 */
export function toPayload<S extends z.ZodType>(
  schema: S,
  values: Record<string, unknown>,
  text: { date?: string[]; amount?: string[] },
): { payload: z.output<S> | null; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const out: Record<string, unknown> = { ...values };
  for (const k of text.date ?? []) {
    const iso = parseDutchDate(typed(values[k]));
    if (iso) out[k] = iso;
    else errors[k] = i18n.t('budget.validation.date');
  }
  for (const k of text.amount ?? []) {
    const cents = parseMoney(typed(values[k]));
    if (cents === null) errors[k] = i18n.t('budget.validation.amount');
    else out[k] = cents;
  }
  const parsed = schema.safeParse(out);
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join('.');
      errors[path] ??= translateValidation(issue.message);
    }
  return { payload: Object.keys(errors).length === 0 && parsed.success ? parsed.data : null, errors };
}

/** Base64 bytes from the core saved as a file through the browser's download. */
export function downloadBase64(fileName: string, mimeType: string, base64: string): void {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}
