import type { z } from 'zod';

/** One method of the contract: its input schema and (type-only) result. */
export interface MethodDef<I extends z.ZodType = z.ZodType, R = unknown> {
  readonly input: I;
  /** Phantom field: carries the result type, never set at run time. */
  readonly __result?: R;
}

/** `method<Result>()(inputSchema)`: the result type is named, the input type follows from the schema. */
export const method =
  <R>() =>
  <I extends z.ZodType>(input: I): MethodDef<I, R> => ({ input });

export type ContractShape = Record<string, MethodDef>;
export type InputOf<D> = D extends MethodDef<infer I, unknown> ? z.input<I> : never;
export type ParsedOf<D> = D extends MethodDef<infer I, unknown> ? z.output<I> : never;
export type ResultOf<D> = D extends MethodDef<z.ZodType, infer R> ? R : never;

export interface Ctx {
  /** Today's date as the app sees it; injectable so tests can place "today" at period edges. */
  today(): string;
  now(): Date;
  /**
   * Set by the core for a write that first does slow work outside the store (reading an uploaded
   * file): it runs its store writes inside `journaled`, which makes them one undoable action.
   */
  journaled?<T>(write: () => T): T;
}

export type HandlersFor<C extends ContractShape> = {
  [M in keyof C]: (input: ParsedOf<C[M]>, ctx: Ctx) => ResultOf<C[M]> | Promise<ResultOf<C[M]>>;
};
