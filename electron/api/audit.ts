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

/** A full verification running off the main thread (started from the Versterkingsgelden overview). */
export interface AuditVerifyJob {
  id: number;
  /** `cancelled` and `failed` are never a result: only a `done` job records one. */
  state: 'running' | 'done' | 'cancelled' | 'failed';
  /** Rows and stored files checked so far, of about `total`. */
  done: number;
  total: number;
  message?: string;
}

/** The last completed full verification of this store, kept in the store. */
export interface AuditLastVerify {
  /** ISO date-time the verification finished. */
  at: string;
  /** How long it took, in milliseconds. */
  ms: number;
  ok: boolean;
  records: number;
  problemCount: number;
  /** The first problems found (at most 50). */
  problems: AuditProblem[];
}

export interface AuditVerifyStatus {
  /** The job of this run of the app, if one was started. */
  job: AuditVerifyJob | null;
  last: AuditLastVerify | null;
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
  /** Starts the full verification in the background (or answers the one already running). */
  'audit.verifyStart': method<AuditVerifyStatus>()(z.strictObject({ teamId: Id })),
  'audit.verifyStatus': method<AuditVerifyStatus>()(z.strictObject({ teamId: Id })),
  'audit.verifyCancel': method<AuditVerifyStatus>()(z.strictObject({ teamId: Id })),
  /** Only what was added since the last verified head: fast enough to run after every change. */
  'audit.verifyRecent': method<AuditVerifyResult & { fromSeq: number; complete: boolean }>()(z.strictObject({ teamId: Id })),
  /** What the checks after each change found so far (they run by themselves; this only asks). */
  'audit.recentStatus': method<AuditRecentStatus>()(z.strictObject({ teamId: Id })),
};
