import type { Migration } from './types';

/**
 * An index on the expenses of an import batch. Undoing an import voids its batch, and without this
 * index finding the batch's rows read every expense of the store (400,000 at district size).
 * Partial: hand-entered expenses, the most, carry no batch. An index only: no table or row changes.
 */
export const m012ImportBatchIndex: Migration = {
  version: 12,
  name: 'index on the expenses of an import batch',
  up(db) {
    db.exec('CREATE INDEX expense_import_batch ON expense(import_batch_id) WHERE import_batch_id IS NOT NULL');
  },
};
