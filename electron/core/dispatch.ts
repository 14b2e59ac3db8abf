import { z } from 'zod';
import { contract, isMethod, type Handlers } from '../api/contract';
import type { Ctx } from '../api/define';
import { AppError, ERROR_CODES, type ApiError, type Envelope, type FieldIssue } from '../api/errors';
import { fromStoreError } from './store/errors';

export type Dispatch = (method: unknown, payload: unknown) => Promise<Envelope<unknown>>;

/** Bounds on what an answer carries back, whatever a page sent: at most 2 KB of message. */
export const MAX_MESSAGE_CHARS = 500;
export const MAX_ISSUES = 20;
const MAX_PATH_CHARS = 120;

const INTERNAL: ApiError = { code: 'INTERNAL', message: 'Er ging iets onverwachts mis. Er is niets gewijzigd; details staan in het logbestand.' };

/** Cuts text to `max` characters without splitting a surrogate pair. */
function bound(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = max - 1;
  if (/[\uD800-\uDBFF]/.test(text.charAt(cut - 1))) cut--;
  return `${text.slice(0, cut)}…`;
}

/** A method name fit to repeat in a message; anything but a string is named by its type only. */
function describeMethod(method: unknown): string {
  if (typeof method !== 'string') return `(${typeof method})`;
  // Control characters, line separators and lone surrogates would garble the message or the log.
  const shown = Array.from(method.slice(0, 200), (ch) => {
    const c = ch.codePointAt(0)!;
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029 || (c >= 0xd800 && c <= 0xdfff) ? '?' : ch;
  }).join('');
  return bound(shown, 80);
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.slice(0, 3).map((k) => `"${bound(String(k), 40)}"`);
    return `Onbekend veld: ${keys.join(', ')}${issue.keys.length > 3 ? ` en nog ${issue.keys.length - 3}` : ''}.`;
  }
  return bound(String(issue.message), 300);
}

export function toIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.slice(0, MAX_ISSUES).map((issue) => ({
    path: bound(issue.path.map((p) => String(p)).join('.'), MAX_PATH_CHARS),
    message: issueMessage(issue),
  }));
}

const validation = (issues: FieldIssue[]): ApiError => ({ code: 'VALIDATION', message: issues[0]?.message ?? 'Ongeldige invoer.', issues });

/** An error the core raised on purpose, checked field by field (it crossed no trust boundary, but it is bounded all the same). */
function fromAppError(err: AppError): ApiError {
  const code = (ERROR_CODES as readonly string[]).includes(err.code) ? err.code : 'INTERNAL';
  const out: ApiError = { code, message: bound(String(err.message), MAX_MESSAGE_CHARS) };
  if (Array.isArray(err.issues)) {
    out.issues = err.issues.slice(0, MAX_ISSUES).map((i) => ({ path: bound(String(i.path), MAX_PATH_CHARS), message: bound(String(i.message), 300) }));
  }
  return out;
}

function classify(err: unknown): ApiError | null {
  if (err instanceof AppError) return fromAppError(err);
  if (err instanceof z.ZodError) return validation(toIssues(err));
  const storeError = fromStoreError(err);
  return storeError ? fromAppError(storeError) : null;
}

export interface DispatchOptions {
  ctx: Ctx;
  /** Receives unexpected exceptions (with stack) for the log; the caller only sees a plain message. */
  onInternalError?: (method: string, err: unknown) => void;
}

/**
 * The single entry point for every call from the renderer: checks the method name, validates the
 * payload against the contract, runs the handler and answers an envelope. Never throws, whatever
 * arrives as method or payload (a page can send any structured-clone value; a proxy or getter that
 * throws, an object whose toString is not a function), and every answer's message and issue list
 * are bounded in size.
 */
export function createDispatch(handlers: Handlers, options: DispatchOptions): Dispatch {
  return async (method, payload) => {
    try {
      if (!isMethod(method)) {
        return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `Onbekende opdracht: ${describeMethod(method)}` } };
      }
      let parsed: ReturnType<(typeof contract)[typeof method]['input']['safeParse']>;
      try {
        parsed = contract[method].input.safeParse(payload);
      } catch {
        // A payload that throws when read (a getter, a proxy from a misbehaving page).
        return { ok: false, error: validation([{ path: '', message: 'Deze invoer kan niet worden gelezen.' }]) };
      }
      if (!parsed.success) return { ok: false, error: validation(toIssues(parsed.error)) };
      const handler = handlers[method] as (input: unknown, ctx: Ctx) => unknown;
      const data = await handler(parsed.data, options.ctx);
      return { ok: true, data: data === undefined ? null : data };
    } catch (err) {
      let known: ApiError | null = null;
      try {
        known = classify(err);
      } catch {
        // a thrown value that throws again when looked at: unexpected by definition
      }
      if (known) return { ok: false, error: known };
      try {
        options.onInternalError?.(describeMethod(method), err);
      } catch {
        // the log is not allowed to break the answer
      }
      return { ok: false, error: INTERNAL };
    }
  };
}
