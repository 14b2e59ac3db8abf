import type { Migration } from './types';

/** Reserved for the budget domain: versterkingsgelden: budget entries, decisions, expenses, audit chain, import mappings. */
export const m003Budget: Migration = {
  version: 3,
  name: 'versterkingsgelden: budget entries, decisions, expenses, audit chain, import mappings',
  up() {},
};
