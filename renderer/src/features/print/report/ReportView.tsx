import type { ReactNode } from 'react';
import type { ReportData, ReportSection } from '@api/report';
import { formatDate } from '../../../ui/format';
import './report.css';
import { ReportStyle } from './ReportStyle';
import { DriehoekView } from './DriehoekView';
import { BudgetSection } from './sections/BudgetSection';
import { ClustersSection } from './sections/ClustersSection';
import { OpgavenSection } from './sections/OpgavenSection';
import { ProfileSection } from './sections/ProfileSection';
import { ReceiptsSection } from './sections/ReceiptsSection';
import { TitleBlock } from './sections/TitleBlock';

/** One view per section, in print order; a domain adds its section here. */
const SECTION_VIEWS: Record<ReportSection, ((props: { data: ReportData }) => ReactNode) | null> = {
  profile: ProfileSection,
  opgaven: OpgavenSection,
  budget: BudgetSection,
  receipts: ReceiptsSection,
  clusters: ClustersSection,
};

export function ReportView({ data }: { data: ReportData }) {
  const order = Object.keys(SECTION_VIEWS) as ReportSection[];
  if (data.options.kind === 'driehoek')
    return (
      <article className="report report-sheet" data-testid="report" lang="nl">
        <ReportStyle team={data.team.name} printDate={formatDate(data.generatedAt.slice(0, 10))} />
        <DriehoekView data={data} />
      </article>
    );
  return (
    <article className="report report-sheet" data-testid="report" lang="nl">
      <ReportStyle team={data.team.name} printDate={formatDate(data.generatedAt.slice(0, 10))} />
      <TitleBlock data={data} />
      {order
        .filter((s) => data.options.sections.includes(s))
        .map((s) => {
          const View = SECTION_VIEWS[s];
          return View ? <View key={s} data={data} /> : null;
        })}
    </article>
  );
}
