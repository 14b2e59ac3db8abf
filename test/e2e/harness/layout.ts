import type { Page } from 'playwright-core';

/**
 * The laptop screens a chief has: 1366×768 and 1920×1080 panels, 1280×720 of room, and a 1920×1080
 * panel at 125% (Windows' default on 15-inch laptops). A 125% display scale is Chromium's
 * device scale factor: the 1536×864 CSS pixels of a 1920×1080 panel at 125%, minus the window's
 * title bar and the taskbar, leave a 1229×614 CSS-pixel window drawn at 1.25 device pixels each.
 */
export const VIEWPORTS = [
  { name: '1280x720', width: 1280, height: 720, scale: 1 },
  { name: '1366x768', width: 1366, height: 768, scale: 1 },
  { name: '1920x1080', width: 1920, height: 1080, scale: 1 },
  { name: '1536x864@125', width: 1229, height: 614, scale: 1.25 },
] as const;
export type Viewport = (typeof VIEWPORTS)[number];

/**
 * Everything on the page that a chief would see as broken, as one sentence each:
 * - text cut inside a button, badge, tab or heading (its content is wider than its box);
 * - a hyphenated name in a heading broken at its hyphen;
 * - an amount (€ 1.234,56) or a date (28-11-2026) drawn over more than one line, in HTML text or
 *   in a chart's svg text; found in the text itself, so no formatter call can slip past;
 * - a horizontal scrollbar on the page;
 * - a floating element (notification, popover, tooltip, anything fixed outside the app's frame)
 *   lying over an enabled control.
 */
export function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const label = (el: Element) => {
      const text = (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 50);
      return `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').find((c) => c.startsWith('mantine-')) ?? ''}` : ''} "${text}"`;
    };
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) return false;
      const style = getComputedStyle(el);
      return style.visibility !== 'hidden' && style.display !== 'none' && !el.closest('[aria-hidden="true"], .skip-link');
    };

    // 1. Cut text.
    const cutCandidates = document.querySelectorAll(
      'button, [role="button"], .mantine-Button-label, .mantine-Badge-root, .mantine-Badge-label, [role="tab"], .mantine-Tabs-tabLabel, h1, h2, h3, h4, .mantine-NavLink-label, .mantine-SegmentedControl-label',
    );
    for (const el of cutCandidates) {
      if (!visible(el) || el.closest('.recharts-wrapper')) continue;
      const h = el as HTMLElement;
      if (h.clientWidth > 0 && h.scrollWidth > h.clientWidth + 1) problems.push(`cut: ${label(el)} (${h.scrollWidth} px of text in ${h.clientWidth} px)`);
    }

    // 2. Amounts and dates on more than one line.
    const pattern = /€[\s\u00a0]*-?\d{1,3}(?:\.\d{3})*(?:,\d{1,2})?|\b\d{2}-\d{2}-\d{4}\b|\b\d{1,2} (?:jan|feb|mrt|apr|mei|jun|jul|aug|sep|okt|nov|dec)\.? \d{4}\b/g;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      const parent = node.parentElement;
      if (!parent || parent.closest('svg, script, style, [aria-hidden="true"]') || !visible(parent)) continue;
      for (const m of text.matchAll(pattern)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.bottom)));
        if (tops.size > 1) problems.push(`wrapped: "${m[0]}" in ${label(parent)}`);
      }
    }
    // A hyphenated name in a heading or title broken at its hyphen ("Rivierenland- / Oost").
    for (const heading of document.querySelectorAll('h1, h2, h3, h4')) {
      if (!visible(heading)) continue;
      const inner = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
      for (let node = inner.nextNode(); node; node = inner.nextNode()) {
        for (const m of (node.textContent ?? '').matchAll(/[^\s—–-]+(?:-[^\s—–-]+)+/g)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.bottom)));
          if (lines.size > 1) problems.push(`broken at its hyphen: "${m[0]}" in ${label(heading)}`);
        }
      }
    }
    // Chart ticks: recharts splits a tick's text into one tspan per line.
    for (const text of document.querySelectorAll('svg text')) {
      const spans = [...text.querySelectorAll('tspan')].filter((s) => (s.textContent ?? '').trim());
      const all = text.textContent ?? '';
      if (spans.length > 1 && new RegExp(pattern.source).test(spans.map((s) => s.textContent).join(' '))) problems.push(`wrapped in a chart: "${all}"`);
    }

    // 3. A horizontal scrollbar on the page.
    const root = document.scrollingElement ?? document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1) {
      const wide = [...document.querySelectorAll('main *')]
        .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1 && !el.closest('[data-scroll-region], .mantine-ScrollArea-root, .mantine-Table-scrollContainer'))
        .slice(0, 3)
        .map(label);
      problems.push(`page scrolls sideways (${root.scrollWidth} px in ${root.clientWidth} px): ${wide.join(', ')}`);
    }

    // 4. Floating elements over enabled controls. The app's frame (header, navigation) is fixed by
    // design; an open modal covers the page on purpose, and then only its own controls count.
    const floating = (el: Element | null): Element | null => {
      for (let e = el; e && e !== document.body; e = e.parentElement) {
        if (e.closest('.mantine-AppShell-header, .mantine-AppShell-navbar, .mantine-Modal-root')) return null;
        const pos = getComputedStyle(e).position;
        if (pos === 'fixed' || e.matches('.mantine-Popover-dropdown, .mantine-Tooltip-tooltip, .mantine-Notification-root')) return e;
      }
      return null;
    };
    const modal = document.querySelector('.mantine-Modal-content');
    const scope = modal ?? document.querySelector('main') ?? document.body;
    for (const control of scope.querySelectorAll('button:not(:disabled), a[href], input:not(:disabled), select:not(:disabled), textarea:not(:disabled), [role="tab"]')) {
      if (!visible(control)) continue;
      const r = control.getBoundingClientRect();
      const points: [number, number][] = [
        [r.left + r.width / 2, r.top + r.height / 2],
        [r.left + 3, r.top + 3],
        [r.right - 3, r.bottom - 3],
      ];
      for (const [x, y] of points) {
        if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) continue;
        const hit = document.elementFromPoint(x, y);
        if (!hit || control.contains(hit) || hit.contains(control)) continue;
        const over = floating(hit);
        if (over && !over.contains(control)) {
          problems.push(`covered: ${label(control)} lies under ${label(over)}`);
          break;
        }
      }
    }
    return problems;
  });
}
