import { useEffect, useRef } from 'react';

/**
 * What still changes the screen after its data arrived: a loader (a lazy part, a Suspense fallback),
 * a region that says it is busy, a part not yet told whether it is in view (WhenVisible), or a chart
 * whose container has not measured itself and drawn yet.
 */
const PENDING = '.mantine-Loader-root, [aria-busy="true"], [data-pending], .recharts-responsive-container:not(:has(.recharts-surface))';

/** Frames to wait for charts and lazy parts before giving up; a screen that never settles keeps no mark. */
const MAX_FRAMES = 600;

/**
 * Marks a screen's root element with `data-ready` once its data is in (`ready`) and everything in it
 * is drawn: no loader left, every chart drawn. The mark goes when the data is read again, when the
 * screen leaves (the element unmounts with it) and on a reload. Tests and the benchmark wait for it
 * instead of guessing from text; nothing in the app reads it.
 */
export function useReadyMark<T extends HTMLElement = HTMLDivElement>(ready: boolean) {
  const ref = useRef<T>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (!ready) {
      el.removeAttribute('data-ready');
      return;
    }
    let frame = 0;
    let frames = 0;
    const check = () => {
      if (!el.querySelector(PENDING)) el.setAttribute('data-ready', 'true');
      else if (++frames < MAX_FRAMES) frame = requestAnimationFrame(check);
    };
    check();
    return () => {
      cancelAnimationFrame(frame);
      el.removeAttribute('data-ready');
    };
  });
  return ref;
}
