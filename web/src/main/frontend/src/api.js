// The only way the interface talks to the server: the public REST API of CONTRACT.md.
// The token lives in sessionStorage (gone with the tab, never in a URL except artwork's access_token).

const SESSION_KEY = 'omnilux.session';
const listeners = new Set();

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
}

export function getSession() {
  try {
    const raw = sessionStorage.getItem(SESSION_KEY);
    const session = raw ? JSON.parse(raw) : null;
    if (session && session.expiresAt && Date.parse(session.expiresAt) <= Date.now()) {
      sessionStorage.removeItem(SESSION_KEY);
      return null;
    }
    return session;
  } catch {
    return null;
  }
}

function setSession(session, reason) {
  if (session) sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  else sessionStorage.removeItem(SESSION_KEY);
  for (const listener of listeners) listener(session, reason);
}

/** Called with (session, reason) on login, logout and when the server refuses the token. */
export function onSessionChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export async function request(method, path, { body, query, signal } = {}) {
  const url = new URL(path, location.origin);
  if (query) {
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null && value !== '') url.searchParams.set(key, String(value));
    }
  }
  const headers = { Accept: 'application/json' };
  const session = getSession();
  if (session) headers.Authorization = `Bearer ${session.token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(url.pathname + url.search, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal,
    cache: 'no-store',
  });
  const text = response.status === 204 ? '' : await response.text();
  let data = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = { detail: text.slice(0, 200) };
    }
  }
  if (!response.ok) {
    if (response.status === 401 && session && !path.startsWith('/api/auth/login')) {
      setSession(null, 'Your session has ended. Please log in again.');
    }
    throw new ApiError(response.status, data);
  }
  return { data, headers: response.headers, status: response.status };
}

export const get = (path, options) => request('GET', path, options).then((r) => r.data);

export async function login(username, password) {
  const { data } = await request('POST', '/api/auth/login', { body: { username, password } });
  setSession({ token: data.token, role: data.role, expiresAt: data.expiresAt, username });
}

export async function logout() {
  try {
    await request('POST', '/api/auth/logout');
  } catch {
    // the token is forgotten either way
  }
  setSession(null, 'You are logged out.');
}

/**
 * An <img> source for a posterUrl: the token goes along as access_token (RFC 6750 §2.3) — but only to
 * this server, never to another origin.
 */
export function artworkSrc(posterUrl) {
  if (!posterUrl) return null;
  let url;
  try {
    url = new URL(posterUrl, location.origin);
  } catch {
    return null;
  }
  if (url.origin !== location.origin) return null;
  const session = getSession();
  if (session) url.searchParams.set('access_token', session.token);
  return url.pathname + url.search;
}
