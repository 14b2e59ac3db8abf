import { useTranslation } from 'react-i18next';

const cssString = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/[\r\n]+/g, ' ')}"`;

/** The page frame: A4, margins, footer with team and print date, "Pagina x van y" via page counters. */
export function ReportStyle({ team, printDate }: { team: string; printDate: string }) {
  const { t } = useTranslation();
  const [before, between, after] = t('print.report.pageOf', { page: '\u0000', pages: '\u0000' }).split('\u0000');
  const pageNumbers = `${cssString(before ?? '')} counter(page) ${cssString(between ?? '')} counter(pages) ${cssString(after ?? '')}`;
  const footer = cssString(t('print.report.footer', { team, date: printDate }));
  const margins = `
    @bottom-left { content: ${footer}; font: 8pt system-ui, sans-serif; color: #000; }
    @bottom-right { content: ${pageNumbers}; font: 8pt system-ui, sans-serif; color: #000; }`;
  return (
    <style>{`
      @page { size: A4 portrait; margin: 16mm 14mm 18mm; ${margins} }
      @page wide { size: A4 landscape; margin: 14mm 16mm 16mm; ${margins} }
    `}</style>
  );
}
