import type { HandlersFor } from '../../api/define';
import type { reportApi } from '../../api/report';
import type { ReportService } from './service';

export const reportHandlers = (reports: ReportService): HandlersFor<typeof reportApi> => ({
  'report.get': (options, ctx) => reports.get(options, ctx),
});
