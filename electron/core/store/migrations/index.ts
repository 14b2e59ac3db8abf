import { m001Team } from './001_team';
import { m002Agenda } from './002_agenda';
import { m003Budget } from './003_budget';
import { m004Progress } from './004_progress';
import { m005Indexes } from './005_indexes';
import { m006ApplicationId } from './006_application_id';
import { m007Refunds } from './007_refunds';
import { m008District } from './008_district';
import { m009Receipts } from './009_receipts';
import { m010Journal } from './010_journal';
import { m011AuditHashIndex } from './011_audit_hash_index';
import { m012ImportBatchIndex } from './012_import_batch_index';
import type { Migration } from './types';

/** Append only once released: a released migration is never edited, a change is a new number. */
export const MIGRATIONS: readonly Migration[] = [m001Team, m002Agenda, m003Budget, m004Progress, m005Indexes, m006ApplicationId, m007Refunds, m008District, m009Receipts, m010Journal, m011AuditHashIndex, m012ImportBatchIndex];

export const LATEST_VERSION = MIGRATIONS.length;
