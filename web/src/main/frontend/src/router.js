import { useEffect, useState } from 'preact/hooks';

// Hash routes (#/library?q=…, #/file/12): the server serves one page, and back/forward just work.
export function parseHash(hash = location.hash) {
  const raw = hash.replace(/^#/, '') || '/library';
  const [path, search = ''] = raw.split('?');
  const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
  return { path, segments, params: new URLSearchParams(search) };
}

export function useRoute() {
  const [route, setRoute] = useState(parseHash);
  useEffect(() => {
    const update = () => setRoute(parseHash());
    addEventListener('hashchange', update);
    return () => removeEventListener('hashchange', update);
  }, []);
  return route;
}

export function navigate(path) {
  location.hash = path;
}

/** Rewrites the query of the current route without a new history entry (filters, paging). */
export function replaceQuery(path, params) {
  const search = params.toString();
  if (path === '/library') sessionStorage.setItem('omnilux.libraryQuery', search);
  history.replaceState(history.state, '', `#${path}${search ? `?${search}` : ''}`);
}

/** The library as it was last left (filters, page), for "back" links. */
export function libraryHref() {
  const search = sessionStorage.getItem('omnilux.libraryQuery');
  return search ? `#/library?${search}` : '#/library';
}
