// The HTTP API (docs/api.md): JSON, the session cookie, and the anti-forgery header on writes.

let csrf = null;

/** An answer that was not 2xx: the problem details' status, title and detail. */
export class ApiError extends Error {
  constructor(status, title, detail, retryAfter) {
    super(detail || title || `HTTP ${status}`);
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.retryAfter = retryAfter;
  }

  /** The server has no such endpoint yet (its fallback for unknown /api paths, or the method is not mapped). */
  get notAvailable() {
    return (this.status === 404 && /no such API endpoint/i.test(this.detail || '')) || this.status === 405;
  }
}

/** Fetches the anti-forgery token (again after signing in or out: it is bound to the user). */
export async function refreshCsrf() {
  const r = await fetch('/api/auth/antiforgery', { credentials: 'same-origin' });
  if (!r.ok) throw await problem(r);
  csrf = (await r.json()).token;
}

async function problem(r) {
  let title = r.statusText, detail = '';
  try {
    const body = await r.json();
    title = body.title || title;
    detail = body.detail || '';
  } catch { /* not JSON */ }
  return new ApiError(r.status, title, detail, r.headers.get('Retry-After'));
}

async function send(method, path, body) {
  const headers = { Accept: 'application/json' };
  const init = { method, headers, credentials: 'same-origin' };
  if (method !== 'GET') {
    if (!csrf) await refreshCsrf();
    headers['X-XSRF-TOKEN'] = csrf;
    if (body instanceof FormData) init.body = body;
    else if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
  }
  const r = await fetch(path, init);
  if (r.status === 401 && path !== '/api/auth/login' && onUnauthorized) onUnauthorized();
  if (!r.ok) throw await problem(r);
  if (r.status === 204) return null;
  const type = r.headers.get('Content-Type') || '';
  return type.includes('json') ? r.json() : r.text();
}

let onUnauthorized = null;

/** What to do when the session has ended (sign in again). */
export function whenSignedOut(fn) { onUnauthorized = fn; }

/** A query string from an object, leaving out empty values. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? '?' + s : '';
}

export const api = {
  get: path => send('GET', path),
  post: (path, body) => send('POST', path, body ?? {}),
  upload: (path, form) => send('POST', path, form),
};

/** The items of a list answer, paged ({items}) or a plain array. */
export function items(answer) {
  if (Array.isArray(answer)) return answer;
  if (answer && Array.isArray(answer.items)) return answer.items;
  if (answer && Array.isArray(answer.runs)) return answer.runs;
  return [];
}
