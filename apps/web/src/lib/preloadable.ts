// Components whose code comes in a chunk of its own, loaded on first use or earlier by `preload()`.
//
// React.lazy suspends on its first render even when the chunk is already in (it starts loading only when rendered, and
// even a settled import() answers in a later microtask), and React 19 then holds the revealed content back until
// 300 ms after its fallback appeared (FALLBACK_THROTTLE_MS). On the county home that cost 300 ms at each of the three
// chunks on the way to the map. A preloadable component renders at once once its chunk is in: preload it when the need
// is known (the URL at start, a page that will show the map) and the fallback never shows.
import { createElement, lazy, type ComponentType } from "react";

export type TPreloadable<P extends object> = ComponentType<P> & {
  /** Starts loading the chunk (once); resolves with the component. */
  preload: () => Promise<ComponentType<P>>;
};

export function preloadable<P extends object>(load: () => Promise<ComponentType<P>>): TPreloadable<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const preload = () =>
    (pending ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        // A failed download (a deploy replaced the chunk, the network dropped): the next use tries again.
        pending = undefined;
        throw error;
      },
    ));
  // Used only until the chunk is in; `loaded` is set before this resolves, so the lazy form is never committed and the
  // switch to the loaded component never remounts anything.
  const Lazy = lazy(() => preload().then((component) => ({ default: component })));
  function Preloadable(props: P) {
    return loaded ? createElement(loaded, props) : createElement(Lazy, props);
  }
  return Object.assign(Preloadable, { preload });
}

/** A named export of a module as a preloadable component. */
export function preloadableExport<M, K extends keyof M>(
  load: () => Promise<M>,
  name: K,
): TPreloadable<M[K] extends ComponentType<infer P> ? P & object : never> {
  type P = M[K] extends ComponentType<infer Q> ? Q & object : never;
  return preloadable<P>(() => load().then((module) => module[name] as ComponentType<P>));
}
