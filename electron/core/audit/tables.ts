/**
 * Tables whose every row must equal its latest audit record. A domain that audits its writes adds
 * its tables here (entity = the name used in audit_log), with the triggers that keep them append-only.
 */
export interface AuditedTable {
  entity: string;
  table: string;
  /** Dutch noun for messages: "Uitgave 12 wijkt af …". */
  label: string;
  triggers: string[];
}

export const AUDITED_TABLES: readonly AuditedTable[] = [
  { entity: 'budget_entry', table: 'budget_entry', label: 'Budgetregel', triggers: ['budget_entry_no_update', 'budget_entry_no_delete'] },
  { entity: 'budget_decision', table: 'budget_decision', label: 'Besluit', triggers: ['budget_decision_no_delete', 'budget_decision_status_only'] },
  { entity: 'expense', table: 'expense', label: 'Uitgave', triggers: ['expense_no_delete', 'expense_void_only'] },
  { entity: 'import_batch', table: 'import_batch', label: 'Import', triggers: ['import_batch_no_update', 'import_batch_no_delete'] },
  { entity: 'refund', table: 'refund', label: 'Terugbetaling', triggers: ['refund_no_update', 'refund_no_delete'] },
  { entity: 'attachment', table: 'attachment', label: 'Bijlage', triggers: ['attachment_no_delete', 'attachment_detach_only'] },
];

/**
 * Tables of files stored by their SHA-256 (receipts). The audit records name the hash; the
 * verification hashes every stored file again, once per run, so bytes changed inside the store
 * file are found even when every row still matches its audit record.
 */
export interface ContentTable {
  table: string;
  label: string;
  triggers: string[];
}

export const CONTENT_TABLES: readonly ContentTable[] = [
  { table: 'receipt_blob', label: 'Bon', triggers: ['receipt_blob_no_update', 'receipt_blob_no_delete'] },
];
