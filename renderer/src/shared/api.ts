import type { Input, Method, Result } from '@api/contract';
import type { ApiError, Envelope } from '@api/errors';
import { BRIDGE_GLOBAL } from '@api/bridge';
import { methodKind } from '@api/method-kinds';

type Bridge = Record<Method, (payload?: unknown) => Promise<Envelope<unknown>>>;

export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
  }
}

function bridge(): Bridge {
  const b = (globalThis as Record<string, unknown>)[BRIDGE_GLOBAL] as Bridge | undefined;
  if (!b) throw new ApiCallError({ code: 'INTERNAL', message: 'BRIDGE_MISSING' });
  return b;
}

type Args<M extends Method> = undefined extends Input<M> ? [input?: Input<M>] : [input: Input<M>];

/** Told after every call that changed data (a user action, an undo or redo, a restore). */
export type ActionListener = (method: Method, input: unknown) => void;
const actionListeners = new Set<ActionListener>();

/** Subscribes to completed actions (the undo feature offers "Ongedaan maken"); returns the unsubscribe. */
export function onAction(listener: ActionListener): () => void {
  actionListeners.add(listener);
  return () => void actionListeners.delete(listener);
}

/** Calls one contract method through the bridge; resolves with its data or throws ApiCallError. */
export async function call<M extends Method>(method: M, ...[input]: Args<M>): Promise<Result<M>> {
  const envelope = await bridge()[method](input);
  if (!envelope.ok) throw new ApiCallError(envelope.error);
  if (methodKind(method) !== 'read') for (const listener of actionListeners) listener(method, input);
  return envelope.data as Result<M>;
}
