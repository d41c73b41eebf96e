import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { get } from './api.js';

/** Loads a GET endpoint; reload() fetches again. Aborts a request that is overtaken or unmounted. */
export function useResource(path, deps = [path]) {
  const [state, setState] = useState({ data: null, error: null, loading: true });
  const controller = useRef(null);
  const load = useCallback(() => {
    if (!path) return Promise.resolve();
    controller.current?.abort();
    const own = new AbortController();
    controller.current = own;
    setState((s) => ({ ...s, loading: true }));
    return get(path, { signal: own.signal }).then(
      (data) => !own.signal.aborted && setState({ data, error: null, loading: false }),
      (error) => !own.signal.aborted && setState((s) => ({ data: s.data, error, loading: false })),
    );
  }, deps);
  useEffect(() => {
    load();
    return () => controller.current?.abort();
  }, [load]);
  return { ...state, reload: load };
}

/** Calls fn every `ms` while `active`; the first call happens at once. Never overlaps itself. */
export function usePolling(fn, ms, active = true) {
  const saved = useRef(fn);
  saved.current = fn;
  useEffect(() => {
    if (!active) return undefined;
    let stopped = false;
    let timer;
    const tick = async () => {
      try {
        await saved.current();
      } finally {
        if (!stopped) timer = setTimeout(tick, ms);
      }
    };
    tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [ms, active]);
}

export function useDebounced(value, ms) {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}
