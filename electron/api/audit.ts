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

/** The check that runs by itself after every change (only what the change added to the trail). */
export interface AuditRecentStatus {
  /** True while a check of recent changes is due or under way. */
  checking: boolean;
  /** ISO date-time of the last check this session; null when none ran yet. */
  checkedAt: string | null;
  ok: boolean;
  /** Records checked by the last check. */
  records: number;
  /** What the last check found (at most 50); empty when ok. */
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
  'audit.verifyRecent': method<AuditVerifyResult & { fromSeq: number; complete: boolean }>()(z.strictObject({ teamId: Id })),
  /** What the checks after each change found so far (they run by themselves; this only asks). */
  'audit.recentStatus': method<AuditRecentStatus>()(z.strictObject({ teamId: Id })),
};
