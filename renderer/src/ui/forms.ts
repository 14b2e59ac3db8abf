import { schemaResolver } from '@mantine/form';
import type { z } from 'zod';
import { translateValidation } from '../i18n';

/** The contract's zod schema as a Mantine form validator, with messages in the current language. */
export function validatorFor(schema: z.ZodType) {
  const resolve = schemaResolver(schema, { sync: true });
  return (values: unknown) => {
    const errors = resolve(values);
    return Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, typeof v === 'string' ? translateValidation(v) : v]));
  };
}

/** Mantine's NumberInput gives '' for an empty field; the contract wants a number or a clear error. */
export const numberOrUndefined = (v: number | string): number | undefined => (typeof v === 'number' ? v : undefined);

export const DUTCH_NUMBER_PROPS = { decimalSeparator: ',', thousandSeparator: '.' } as const;
