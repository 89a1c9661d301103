import type { z } from 'zod';

/**
 * One operation of the contract: its input schema (validated at every boundary) and its
 * result type (a phantom: results are produced by our own core, so they are typed, not parsed).
 */
export interface OpDef<I extends z.ZodType = z.ZodType, O = unknown> {
  readonly input: I;
  readonly __output?: O;
}

export function op<I extends z.ZodType>(input: I): { returns<O>(): OpDef<I, O> } {
  return { returns: <O>() => ({ input }) as OpDef<I, O> };
}

export type OpsRecord = Record<string, OpDef>;
export type InputOf<D> = D extends OpDef<infer I, unknown> ? z.input<I> : never;
export type ParsedInputOf<D> = D extends OpDef<infer I, unknown> ? z.output<I> : never;
export type OutputOf<D> = D extends OpDef<z.ZodType, infer O> ? O : never;

/** What the core implements: one async function per operation, given validated input. */
export type ServiceOf<C extends OpsRecord> = {
  [K in keyof C]: (input: ParsedInputOf<C[K]>) => Promise<OutputOf<C[K]>>;
};
