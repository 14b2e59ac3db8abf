import type { Page } from 'playwright-core';

/** The `data-screen` name each navigation screen sets on its root: `/` is the dashboard, otherwise the path's first part. */
export const screenIdOf = (path: string) => path.replace(/^#?\//, '').split('/')[0] || 'dashboard';

/** Waits until the screen (by its `data-screen` name, or whichever is shown) has its data and charts drawn. */
export async function waitReady(page: Page, id?: string, timeout = 30_000): Promise<void> {
  await page.locator(id ? `main [data-screen="${id}"][data-ready]` : 'main [data-screen][data-ready]').first().waitFor({ timeout });
}

/** Scrolls every chart that waits to be scrolled to into view until all are drawn, then back to the top. */
export async function drawDeferred(page: Page): Promise<void> {
  for (let i = 0; i < 100; i++) {
    // Each waiting part once (one inside a closed panel stays as it is); Playwright's own scrolling would wait for it to show.
    const left = await page.evaluate(() => {
      const next = document.querySelector('main [data-deferred]:not([data-scrolled-to])');
      next?.setAttribute('data-scrolled-to', 'true');
      next?.scrollIntoView({ block: 'center' });
      return !!next;
    });
    if (!left) break;
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await page.waitForFunction(() => !document.querySelector('main [data-pending]'));
  }
  await page.waitForFunction(() => !document.querySelector('main [data-pending], main .recharts-responsive-container:not(:has(.recharts-surface))'));
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** Opens the print screen's paper preview (drawn on demand) and waits for the paper. */
export async function showPreview(page: Page): Promise<void> {
  const toggle = page.getByTestId('preview-toggle');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await page.getByTestId('report-preview').getByTestId('report-title').waitFor({ timeout: 30_000 });
  await waitReady(page, 'print');
}

/** Everything a screen can show at once: on the print screen the paper, elsewhere every chart drawn. */
export async function showEverything(page: Page, route: string): Promise<void> {
  await waitReady(page);
  if (route.startsWith('/print')) await showPreview(page);
  await drawDeferred(page);
}
