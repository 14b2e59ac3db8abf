import type { BundleExport, BundleParts } from '../../api/district';
import type { Ctx } from '../../api/define';
import { REPORT_SECTIONS } from '../../api/report';
import type { BudgetService } from '../budget/service';
import type { ReportService } from '../report/service';
import type { Db } from '../store/open';
import { buildBundle } from './format';
import type { SigningKey } from './keys';

/** Characters no file name on Windows, macOS or Linux may hold: reserved signs and control characters. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what a file name must not hold
const UNSAFE_IN_NAME = /[\\/:*?"<>|\u0000-\u001f]/g;
const slug = (s: string) =>
  s
    .replace(UNSAFE_IN_NAME, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80);

/**
 * Makes a team's bundle for a period. The records are read and the export is recorded in one
 * transaction, so the bundle shows one moment and its audit length matches what is recorded.
 */
export function createBundleExporter(deps: {
  db: Db;
  reports: ReportService;
  budget: BudgetService;
  key: () => SigningKey;
  appVersion: string;
}) {
  const { db } = deps;
  const auditHead = db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  const hashAt = db.prepare<[number], { hash: string }>('SELECT hash FROM audit_log WHERE seq = ?');
  const earlierExports = db.prepare<[], { audit_length: number }>('SELECT DISTINCT audit_length FROM bundle_export WHERE audit_length > 0 ORDER BY audit_length');
  const recordExport = db.prepare(
    `INSERT INTO bundle_export (team_id, period_from, period_to, created_at, audit_length, audit_head, bundle_sha256)
     VALUES (@teamId, @from, @to, @createdAt, @length, @head, @sha256)`,
  );
  const refundsTable = () =>
    db.prepare<[], { n: number }>("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'refund'").get()!.n > 0;

  return {
    export(input: { teamId: number; from: string; to: string }, ctx: Ctx): BundleExport {
      const key = deps.key();
      return db.transaction(() => {
        const report = deps.reports.get({ teamId: input.teamId, kind: 'driehoek', from: input.from, to: input.to, sections: [...REPORT_SECTIONS], opgaven: [] }, ctx);
        const head = auditHead.get();
        const length = head?.seq ?? 0;
        // The hashes this chain has now at every length an earlier bundle reported: the district
        // compares them with the heads of the bundles it holds.
        const anchors = earlierExports
          .all()
          .filter((e) => e.audit_length <= length)
          .map((e) => ({ length: e.audit_length, hash: hashAt.get(e.audit_length)?.hash ?? '' }))
          .filter((a) => a.hash.length === 64);
        const years = report.budget.map((y) => y.year);
        const parts: BundleParts = {
          team: report.team,
          progress: { asOf: report.asOf, overall: report.overall, opgaven: report.opgaven },
          clusters: report.clusters,
          money: {
            years: report.budget.map((y) => ({ year: y.year, ...y.overview.totals })),
            totals: report.driehoek!.money,
          },
          ledger: {
            entries: years.flatMap((y) => deps.budget.entries(input.teamId, y)),
            decisions: report.budget.flatMap((y) => y.decisions),
            expenses: years.flatMap((y) => deps.budget.expenses(input.teamId, y)),
            ...(refundsTable()
              ? {
                  refunds: db
                    .prepare(`SELECT * FROM refund WHERE team_id = ? AND year BETWEEN ? AND ? ORDER BY id`)
                    .all(input.teamId, years[0] ?? 0, years.at(-1) ?? 0) as Record<string, unknown>[],
                }
              : {}),
          },
          audit: { length, head: head?.hash ?? null, anchors },
        };
        const createdAt = ctx.now().toISOString();
        const built = buildBundle(
          {
            app: deps.appVersion,
            team: { id: report.team.id, name: report.team.name },
            period: { from: input.from, to: input.to },
            createdAt,
            audit: { length, head: head?.hash ?? null },
          },
          parts,
          key,
        );
        recordExport.run({ teamId: input.teamId, from: input.from, to: input.to, createdAt, length, head: head?.hash ?? null, sha256: built.sha256 });
        return {
          fileName: `${slug(report.team.name)} verantwoording ${input.from} tot ${input.to}.teamchef-bundel`,
          text: built.text,
          sha256: built.sha256,
          key: key.info,
          auditLength: length,
        };
      })();
    },
  };
}
export type BundleExporter = ReturnType<typeof createBundleExporter>;
