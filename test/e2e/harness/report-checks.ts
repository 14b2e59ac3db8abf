import type { Page } from 'playwright-core';
import type { RenderedPdf } from './pdf';

/** The texts every chart prints above (caption) and below (note) its svg, per language nl. */
export const CHART_CAPTIONS = ['Voortgang over de tijd —', 'Besteed en vastgelegd per maand in'];
export const CHART_FOOTS = ['Links voortgang in %', 'Bedragen per maand;'];

const count = (text: string, needle: string) => text.split(needle).length - 1;
const countAll = (text: string, needles: string[]) => needles.reduce((s, n) => s + count(text, n), 0);

/**
 * Per page: how many chart captions and how many chart notes it holds. A chart cut by a page
 * break would leave its caption on one page and its note on the next, so the two lists differ.
 */
export function chartsPerPage(pdf: RenderedPdf): { captions: number[]; foots: number[] } {
  return {
    captions: pdf.pageTexts.map((p) => countAll(p, CHART_CAPTIONS)),
    foots: pdf.pageTexts.map((p) => countAll(p, CHART_FOOTS)),
  };
}

/** The page (0-based) on which a text occurs, or -1; throws when it occurs on two pages. */
export function pageOf(pdf: RenderedPdf, text: string): number {
  const pages = pdf.pageTexts.flatMap((p, i) => (p.includes(text) ? [i] : []));
  if (pages.length > 1) throw new Error(`"${text}" occurs on pages ${pages.map((p) => p + 1).join(', ')}`);
  return pages[0] ?? -1;
}

/**
 * Lays the report out as the print engine does across the width (A4 portrait content: 210 mm
 * minus 2 × 14 mm margins) with print styles, and reports every chart whose svg is not its fixed
 * size or sticks out of its figure or of the sheet (a clipped chart).
 */
export async function clippedCharts(page: Page): Promise<{ checked: number; problems: string[] }> {
  await page.emulateMedia({ media: 'print' });
  const before = page.viewportSize();
  await page.setViewportSize({ width: Math.round((182 / 25.4) * 96), height: 1200 });
  try {
    return await page.evaluate(() => {
      const problems: string[] = [];
      const sheet = document.querySelector('[data-testid="report"]')!.getBoundingClientRect();
      document.querySelectorAll<HTMLElement>('figure[data-chart]').forEach((figure, i) => {
        const svg = figure.querySelector('.recharts-wrapper > svg.recharts-surface');
        if (!svg) {
          if (figure.dataset.points !== '0') problems.push(`chart ${i}: no svg`);
          return;
        }
        const s = svg.getBoundingClientRect();
        const f = figure.getBoundingClientRect();
        const w = Number(svg.getAttribute('width'));
        const h = Number(svg.getAttribute('height'));
        if (Math.round(s.width) !== w || Math.round(s.height) !== h) problems.push(`chart ${i}: drawn ${s.width}×${s.height}, meant ${w}×${h}`);
        if (s.left < f.left - 0.5 || s.right > f.right + 0.5 || s.left < sheet.left - 0.5 || s.right > sheet.right + 0.5)
          problems.push(`chart ${i}: sticks out (${s.left}–${s.right} in ${f.left}–${f.right}, sheet ${sheet.left}–${sheet.right})`);
        if (figure.scrollWidth > figure.clientWidth + 1) problems.push(`chart ${i}: figure overflows`);
      });
      return { checked: document.querySelectorAll('figure[data-chart] .recharts-wrapper > svg.recharts-surface').length, problems };
    });
  } finally {
    await page.emulateMedia({ media: null });
    if (before) await page.setViewportSize(before);
  }
}
