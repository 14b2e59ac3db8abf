import { startTransition, useEffect, useRef, useState, type ReactNode } from 'react';

/** How long a screen has shown before its parts below the fold are drawn unasked. */
const IDLE_AFTER_MS = 400;

/**
 * Draws its children only once their box comes near the window, and keeps them from then on. A
 * screen with many charts (each a few hundred SVG elements and its own chart store) opens with the
 * ones in view and draws the rest as the chief scrolls to them. The box keeps its height meanwhile,
 * so nothing jumps (`fixed`: always that height, as a chart needs; otherwise only until drawn).
 * Until the browser has said whether the box is in view it counts as unfinished (`data-pending`,
 * see ready.ts).
 *
 * `idle`: a part below the fold is also drawn unasked, when the window is idle a moment after the
 * screen showed; so the screen opens with what is in view, and searching the page or tabbing
 * through it finds everything a moment later. Tab, Ctrl+F or F3 draws it at once.
 */
export function WhenVisible({
  height,
  children,
  margin = '150px',
  fixed = true,
  idle = false,
  share = 0,
}: {
  height: number;
  children: ReactNode;
  margin?: string;
  fixed?: boolean;
  idle?: boolean;
  /** The part of the box that must be in view to draw it at once (0: any of it); less is drawn as `idle` says. */
  share?: number;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'unknown' | 'away' | 'shown'>('unknown');
  useEffect(() => {
    const el = ref.current;
    if (!el || state === 'shown') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting && e.intersectionRatio >= share)) {
          observer.disconnect();
          setState('shown');
        } else setState('away');
      },
      { rootMargin: margin, threshold: share },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [state, margin, share]);
  useEffect(() => {
    if (state !== 'away') return;
    // A chief who tabs on or searches the page (Ctrl+F, F3) wants what is below the fold now, not
    // after the idle moment: the keyboard reaches it, and the browser's search finds it.
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Tab' || e.key === 'F3' || ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'f')) setState('shown');
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [state]);
  useEffect(() => {
    if (!idle || state !== 'away') return;
    // A moment after the screen showed, while the chief reads it: not in the idle moment before its
    // frame is painted, and not in the way of a click that moves on at once (leaving cancels it).
    let handle = 0;
    const timer = window.setTimeout(() => {
      handle = window.requestIdleCallback(() => startTransition(() => setState('shown')), { timeout: 2000 });
    }, IDLE_AFTER_MS);
    return () => {
      window.clearTimeout(timer);
      window.cancelIdleCallback(handle);
    };
  }, [idle, state]);
  return (
    <div ref={ref} style={{ width: '100%', height: fixed || state !== 'shown' ? height : undefined }} data-pending={state === 'unknown' ? 'true' : undefined} data-deferred={state === 'away' ? 'true' : undefined}>
      {state === 'shown' ? children : null}
    </div>
  );
}
