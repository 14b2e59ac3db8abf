import iconv from 'iconv-lite';
import type { Encoding } from '../../../api/budget-import';
import { invalid } from '../../../api/errors';

/**
 * Bytes to text. UTF-8 (with or without BOM) when the bytes are valid UTF-8; otherwise one of the two
 * single-byte encodings Dutch banks use. They differ in eight code points: Windows-1252 uses
 * 0x80–0x9F for printable characters (0x80 is €) where ISO-8859-15 has control codes, and
 * ISO-8859-15 puts €, Š, š, Ž, ž, Œ, œ, Ÿ where Windows-1252 has ¤ ¦ ¨ ´ ¸ ¼ ½ ¾.
 */

const ISO_8859_15_ONLY = new Set([0xa4, 0xa6, 0xa8, 0xb4, 0xb8, 0xbc, 0xbd, 0xbe]);

export function detectSingleByte(bytes: Uint8Array): 'windows-1252' | 'iso-8859-15' {
  let c1 = false;
  let iso = false;
  for (const b of bytes) {
    if (b >= 0x80 && b <= 0x9f) c1 = true;
    else if (ISO_8859_15_ONLY.has(b)) iso = true;
  }
  // A file with ¤ or ¼ but no byte in 0x80–0x9F reads as €/Œ: a bank statement has euros, not currency signs.
  return iso && !c1 ? 'iso-8859-15' : 'windows-1252';
}

const ICONV: Record<Exclude<Encoding, 'utf-8'>, string> = { 'windows-1252': 'win1252', 'iso-8859-15': 'iso885915' };

export function decode(bytes: Buffer, encoding?: Encoding): { text: string; encoding: Encoding } {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (bom && (encoding === undefined || encoding === 'utf-8')) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (encoding && encoding !== 'utf-8') return { text: iconv.decode(bytes, ICONV[encoding]), encoding };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    if (encoding === 'utf-8') throw invalid('encoding', 'Het bestand is geen geldige UTF-8-tekst. Kies Windows-1252 of ISO-8859-15.');
    const detected = detectSingleByte(bytes);
    return { text: iconv.decode(bytes, ICONV[detected]), encoding: detected };
  }
}
