import type { ReceiptMime } from '../../api/receipts';

/**
 * What a file is, read from its first bytes (its name and the type the page claims say nothing):
 * a phone photo renamed to `.pdf` is still a JPEG, and a `.png` that is really a program is refused.
 */
export function sniffMime(bytes: Uint8Array): ReceiptMime | null {
  const at = (offset: number, ...sig: number[]) => sig.every((b, i) => bytes[offset + i] === b);
  if (bytes.length >= 8 && at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (bytes.length >= 4 && at(0, 0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (bytes.length >= 12 && at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return 'image/webp';
  // Readers accept a PDF header anywhere in the first KB (some scanners write a preamble).
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString('latin1');
  if (head.includes('%PDF-')) return 'application/pdf';
  return null;
}

export const EXTENSION: Record<ReceiptMime, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
};

const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/**
 * A part of a file name that is safe on Windows, macOS and Linux and in every zip tool: letters
 * without accents, digits, `-`; anything else becomes `-`; never empty, never a reserved name.
 */
export function safeNamePart(text: string, max = 40): string {
  const plain = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
  if (!plain) return 'onbekend';
  return RESERVED.test(plain) ? `${plain}-` : plain;
}
