import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../api/errors';
import type { BundleKeyInfo } from '../../api/district';

/**
 * The installation's Ed25519 signing key. It lives in the data folder beside the store, never in
 * the store (a store moved to another laptop does not carry the right to sign for this one). The
 * private key is kept through a KeyProtection that the shell supplies: Electron's safeStorage where
 * the operating system offers it; a plain file in tests and the browser harness.
 */
export interface KeyProtection {
  /** 'os': encrypted by the operating system's key store; 'file': as it is. */
  readonly kind: 'os' | 'file';
  protect(secret: Buffer): Buffer;
  unprotect(data: Buffer): Buffer;
}

export const plainKeyProtection: KeyProtection = {
  kind: 'file',
  protect: (secret) => Buffer.from(secret),
  unprotect: (data) => Buffer.from(data),
};

export const KEY_FILE_NAME = 'verantwoording-sleutel.json';
const KEY_FILE_VERSION = 1;

interface KeyFile {
  version: number;
  protection: 'os' | 'file';
  /** Raw 32-byte Ed25519 public key, base64. */
  publicKey: string;
  /** PKCS#8 DER of the private key after protect(), base64. */
  privateKey: string;
  createdAt: string;
}

export interface SigningKey {
  info: BundleKeyInfo;
  /** Raw public key, base64. */
  publicKey: string;
  sign(data: Buffer): Buffer;
}

/** sha256 of the raw public key: the key's name in the district's trust list. */
export const fingerprintOf = (rawPublicKeyBase64: string): string =>
  createHash('sha256').update(Buffer.from(rawPublicKeyBase64, 'base64')).digest('hex');

/** The first 32 hex digits in groups of four: short enough to read out, long enough to be unique. */
export const shortFingerprint = (fingerprint: string): string =>
  fingerprint
    .slice(0, 32)
    .toUpperCase()
    .match(/.{4}/g)!
    .join(' ');

const rawPublicKey = (key: KeyObject): string => {
  const jwk = key.export({ format: 'jwk' });
  return Buffer.from(jwk.x!, 'base64url').toString('base64');
};

/** A public key object from the raw 32 bytes (base64); null when it is not an Ed25519 key. */
export function publicKeyFromRaw(rawBase64: string): KeyObject | null {
  const raw = Buffer.from(rawBase64, 'base64');
  if (raw.length !== 32 || raw.toString('base64') !== rawBase64) return null;
  try {
    return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
  } catch {
    return null;
  }
}

export const verifySignature = (publicKey: KeyObject, data: Buffer, signature: Buffer): boolean => {
  try {
    return verify(null, data, publicKey, signature);
  } catch {
    return false;
  }
};

const unreadable = (file: string, why: string) =>
  new AppError(
    'INTERNAL',
    `De ondertekensleutel (${file}) is niet te lezen: ${why}. Er is niets gewijzigd; neem contact op met de functioneel beheerder. Maak geen nieuwe sleutel zonder het district te laten weten dat de vingerafdruk verandert.`,
  );

function writeAtomically(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, 'w', 0o600);
  try {
    fs.writeSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}

/**
 * Loads the key from the data folder, or makes one on first use. An existing file that cannot be
 * read is never replaced: a new key would silently change the fingerprint the district trusts.
 */
export function loadOrCreateKey(dataDir: string, protection: KeyProtection, now: () => Date): SigningKey {
  const file = path.join(dataDir, KEY_FILE_NAME);
  let stored: KeyFile;
  if (fs.existsSync(file)) {
    try {
      stored = JSON.parse(fs.readFileSync(file, 'utf8')) as KeyFile;
    } catch {
      throw unreadable(file, 'het bestand is beschadigd');
    }
    if (stored.version !== KEY_FILE_VERSION) throw unreadable(file, `onbekende versie ${String(stored.version)}`);
    if (stored.protection === 'os' && protection.kind !== 'os')
      throw unreadable(file, 'hij is versleuteld door het besturingssysteem, en die versleuteling is nu niet beschikbaar');
    if (stored.protection === 'file' && protection.kind === 'os') {
      // Made where the operating system's encryption was missing: encrypt it now that it is there.
      const secret = plainKeyProtection.unprotect(Buffer.from(stored.privateKey, 'base64'));
      stored = { ...stored, protection: 'os', privateKey: protection.protect(secret).toString('base64') };
      writeAtomically(file, `${JSON.stringify(stored, null, 2)}\n`);
    } else if (stored.protection !== 'os' && stored.protection !== 'file') throw unreadable(file, 'onbekende beveiliging');
  } else {
    fs.mkdirSync(dataDir, { recursive: true });
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    stored = {
      version: KEY_FILE_VERSION,
      protection: protection.kind,
      publicKey: rawPublicKey(publicKey),
      privateKey: protection.protect(privateKey.export({ format: 'der', type: 'pkcs8' })).toString('base64'),
      createdAt: now().toISOString(),
    };
    writeAtomically(file, `${JSON.stringify(stored, null, 2)}\n`);
  }

  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key: protection.unprotect(Buffer.from(stored.privateKey, 'base64')), format: 'der', type: 'pkcs8' });
  } catch {
    throw unreadable(file, 'de geheime sleutel is niet te ontsleutelen');
  }
  const publicKey = createPublicKey(privateKey);
  if (rawPublicKey(publicKey) !== stored.publicKey) throw unreadable(file, 'publieke en geheime sleutel horen niet bij elkaar');
  const fingerprint = fingerprintOf(stored.publicKey);
  return {
    info: { fingerprint, short: shortFingerprint(fingerprint), protection: stored.protection },
    publicKey: stored.publicKey,
    sign: (data) => sign(null, data, privateKey),
  };
}
