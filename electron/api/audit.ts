import { z } from 'zod';
import { method } from './define';
import { Id } from './schemas';

/** Records whose history the audit trail keeps (entity names as stored in audit_log). */
export const AUDIT_ENTITIES = ['budget_entry', 'budget_decision', 'expense', 'import_batch', 'refund', 'attachment'] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

export interface AuditChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface AuditEntry {
  seq: number;
  /** ISO date-time of the change. */
  at: string;
  entity: string;
  entityId: number;
  /** What happened, e.g. `aangemaakt`, `ingetrokken`, `vervallen`. */
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  changes: AuditChange[];
  hash: string;
}

export interface AuditProblem {
  seq?: number;
  entity?: string;
  entityId?: number;
  message: string;
}

export interface AuditVerifyResult {
  ok: boolean;
  records: number;
  headHash: string;
  problems: AuditProblem[];
}

export const auditApi = {
  'audit.history': method<AuditEntry[]>()(
    z.strictObject({
      teamId: Id,
      entity: z.enum(AUDIT_ENTITIES, { message: 'Onbekend soort record.' }),
      entityId: Id,
    }),
  ),
  'audit.verify': method<AuditVerifyResult>()(z.strictObject({ teamId: Id })),
  /** Only what was added since the last verified head: fast enough to run after every change. */
  'audit.verifyRecent': method<AuditVerifyResult & { fromSeq: number }>()(z.strictObject({ teamId: Id })),
};
