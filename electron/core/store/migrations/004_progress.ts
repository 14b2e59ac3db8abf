import type { Migration } from './types';

/** Reserved for the progress domain: progress: check-ins per chosen opgave and their rhythm. */
export const m004Progress: Migration = {
  version: 4,
  name: 'progress: check-ins per chosen opgave and their rhythm',
  up() {},
};
