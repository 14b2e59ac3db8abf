import { lazy, type ComponentType, type FunctionComponent } from 'react';

/** A component whose code is fetched apart; `preload` fetches it ahead of its first use. */
export interface Preloadable<P extends object> extends FunctionComponent<P> {
  preload(): Promise<void>;
}

/**
 * Like React's `lazy`, but once the code is in (preloaded at idle, or used before) it renders the
 * component at once. A `lazy` component always suspends on its first render, even when its module
 * is already loaded, and React then holds the revealed content back for its fallback throttle
 * (300 ms): on a first visit that was most of the time until a screen settled.
 */
export function preloadable<P extends object>(load: () => Promise<ComponentType<P>>): Preloadable<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const fetch = () =>
    (pending ??= load().then(
      (c) => (loaded = c),
      (err: unknown) => {
        // A failed fetch (a chunk missing after an update) may be tried again on the next use.
        pending = undefined;
        throw err;
      },
    ));
  const Lazy = lazy(() => fetch().then((c) => ({ default: c })));
  const Component = (props: P) => {
    const Loaded = loaded;
    return Loaded ? <Loaded {...props} /> : <Lazy {...props} />;
  };
  return Object.assign(Component, { preload: () => fetch().then(() => undefined) });
}
