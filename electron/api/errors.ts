/**
 * Error codes that cross the bridge. The renderer translates them through i18n
 * (`errors.<code>`); `message` is a Dutch fallback for logs and for callers without i18n.
 */
export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'UNKNOWN_METHOD',
  'FORBIDDEN',
  'STORE_NEWER',
  'STORE_CORRUPT',
  'STORE_LOCKED',
  'STORE_READONLY',
  'DISK_FULL',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. `gemeenten.2`; empty for the payload as a whole. */
  path: string;
  message: string;
}

export interface ApiError {
  code: ErrorCode;
  message: string;
  issues?: FieldIssue[];
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ApiError };

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
  ) {
    super(message);
    this.name = 'AppError';
  }

  toJSON(): ApiError {
    return this.issues ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message };
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} bestaat niet (meer) of hoort niet bij dit team.`);
export const conflict = (message: string) => new AppError('CONFLICT', message);
export const invalid = (path: string, message: string) => new AppError('VALIDATION', message, [{ path, message }]);
