import { z } from 'zod';
import { contract, isMethod, type Handlers } from '../api/contract';
import type { Ctx } from '../api/define';
import { AppError, type Envelope, type FieldIssue } from '../api/errors';
import { fromStoreError } from './store/errors';

export type Dispatch = (method: unknown, payload: unknown) => Promise<Envelope<unknown>>;

const toIssues = (error: z.ZodError): FieldIssue[] =>
  error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));

export interface DispatchOptions {
  ctx: Ctx;
  /** Receives unexpected exceptions (with stack) for the log; the caller only sees a plain message. */
  onInternalError?: (method: string, err: unknown) => void;
}

/**
 * The single entry point for every call from the renderer: checks the method name, validates the
 * payload against the contract, runs the handler and answers an envelope. Never throws.
 */
export function createDispatch(handlers: Handlers, options: DispatchOptions): Dispatch {
  return async (method, payload) => {
    try {
      if (!isMethod(method)) {
        return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `Onbekende opdracht: ${String(method).slice(0, 80)}` } };
      }
      const parsed = contract[method].input.safeParse(payload);
      if (!parsed.success) {
        const issues = toIssues(parsed.error);
        return { ok: false, error: { code: 'VALIDATION', message: issues[0]?.message ?? 'Ongeldige invoer.', issues } };
      }
      const handler = handlers[method] as (input: unknown, ctx: Ctx) => unknown;
      const data = await handler(parsed.data, options.ctx);
      return { ok: true, data: data === undefined ? null : data };
    } catch (err) {
      if (err instanceof AppError) return { ok: false, error: err.toJSON() };
      if (err instanceof z.ZodError) {
        const issues = toIssues(err);
        return { ok: false, error: { code: 'VALIDATION', message: issues[0]?.message ?? 'Ongeldige invoer.', issues } };
      }
      const storeError = fromStoreError(err);
      if (storeError) return { ok: false, error: storeError.toJSON() };
      options.onInternalError?.(String(method), err);
      return { ok: false, error: { code: 'INTERNAL', message: 'Er ging iets onverwachts mis. Er is niets gewijzigd; details staan in het logbestand.' } };
    }
  };
}
