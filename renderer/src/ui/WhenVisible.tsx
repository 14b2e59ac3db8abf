import { startTransition, useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * Draws its children only once their box comes near the window, and keeps them from then on. A
 * screen with many charts (each a few hundred SVG elements and its own chart store) opens with the
 * ones in view and draws the rest as the chief scrolls to them. The box keeps its height meanwhile,
 * so nothing jumps (`fixed`: always that height, as a chart needs; otherwise only until drawn).
 * Until the browser has said whether the box is in view it counts as unfinished (`data-pending`,
 * see ready.ts).
 *
 * `idle`: a part below the fold that is cheap enough to have anyway (cards, a page of a table) is
 * also drawn as soon as the window is idle after the screen showed, in a transition that gives way
 * to the chief's next click; so the screen opens with what is in view, and searching the page or
 * tabbing through it finds everything a moment later.
 */
export function WhenVisible({
  height,
  children,
  margin = '150px',
  fixed = true,
  idle = false,
}: {
  height: number;
  children: ReactNode;
  margin?: string;
  fixed?: boolean;
  idle?: boolean;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'unknown' | 'away' | 'shown'>('unknown');
  useEffect(() => {
    const el = ref.current;
    if (!el || state === 'shown') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          observer.disconnect();
          setState('shown');
        } else setState('away');
      },
      { rootMargin: margin },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [state, margin]);
  useEffect(() => {
    if (!idle || state !== 'away') return;
    // After the frame that shows the screen has been painted, not in the idle moment before it.
    let handle = 0;
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => {
        handle = window.requestIdleCallback(() => startTransition(() => setState('shown')), { timeout: 2000 });
      });
    });
    return () => {
      cancelAnimationFrame(frame);
      window.cancelIdleCallback(handle);
    };
  }, [idle, state]);
  return (
    <div ref={ref} style={{ width: '100%', height: fixed || state !== 'shown' ? height : undefined }} data-pending={state === 'unknown' ? 'true' : undefined} data-deferred={state === 'away' ? 'true' : undefined}>
      {state === 'shown' ? children : null}
    </div>
  );
}
