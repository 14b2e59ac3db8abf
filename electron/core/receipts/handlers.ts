import type { HandlersFor } from '../../api/define';
import type { receiptsApi } from '../../api/receipts';
import type { AuditLog } from '../audit/chain';
import type { BudgetService } from '../budget/service';
import { exportYearZip } from './export';
import type { ReceiptService } from './service';

export const receiptsHandlers = (receipts: ReceiptService, budget: BudgetService, audit: AuditLog): HandlersFor<typeof receiptsApi> => ({
  'receipts.list': ({ teamId, kind, recordId }) => receipts.list(teamId, kind, recordId),
  'receipts.forYear': ({ teamId, year }) => {
    budget.assertTeam(teamId);
    return receipts.forYear(teamId, year);
  },
  'receipts.attach': (input, ctx) => receipts.attach(input, ctx),
  'receipts.detach': ({ teamId, attachmentId, reason }, ctx) => receipts.detach(teamId, attachmentId, reason, ctx),
  'receipts.content': ({ teamId, attachmentId }) => receipts.content(teamId, attachmentId),
  'receipts.missing': ({ teamId, year }) => {
    budget.assertTeam(teamId);
    return receipts.missing(teamId, year);
  },
  'receipts.storeInfo': ({ teamId }) => {
    budget.assertTeam(teamId);
    return receipts.storeInfo();
  },
  'receipts.exportYear': ({ teamId, year }, ctx) => {
    budget.assertTeam(teamId);
    return exportYearZip(budget, receipts, audit, teamId, year, ctx.now());
  },
});
