import type { Input, Method, Result } from '@api/contract';
import type { ApiError, Envelope } from '@api/errors';
import { BRIDGE_GLOBAL } from '@api/bridge';

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

/** Calls one contract method through the bridge; resolves with its data or throws ApiCallError. */
export async function call<M extends Method>(method: M, ...[input]: Args<M>): Promise<Result<M>> {
  const envelope = await bridge()[method](input);
  if (!envelope.ok) throw new ApiCallError(envelope.error);
  return envelope.data as Result<M>;
}
