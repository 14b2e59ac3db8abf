import type { KeyProtection } from '../core/district/keys';

/** The part of Electron's safeStorage the signing key needs (an interface, so tests can pass a fake). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/**
 * The bundle signing key encrypted by the operating system (DPAPI on Windows, the Keychain on
 * macOS, the secret service on Linux) where it is available; otherwise kept as a file in the data
 * folder, which is no weaker than the store beside it.
 */
export function keyProtectionFrom(safeStorage: SafeStorageLike): KeyProtection | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  return {
    kind: 'os',
    protect: (secret) => safeStorage.encryptString(secret.toString('base64')),
    unprotect: (data) => Buffer.from(safeStorage.decryptString(data), 'base64'),
  };
}
