// job-api's REST API with the bearer token. Errors come back as ApiError carrying the
// problem+json body, so forms can show each `errors[].field` next to its field.
import {accessToken, refreshNow} from './auth.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || 'Request failed (' + status + ')');
    this.status = status;
    this.problem = problem || {};
  }

  /** {field: message} of a validation problem. */
  get fieldErrors() {
    const out = {};
    for (const e of this.problem.errors || []) {
      const key = e.field || '_';
      const msg = e.row ? 'row ' + e.row + ': ' + e.message : e.message;
      out[key] = out[key] ? out[key] + '; ' + msg : msg;
    }
    return out;
  }
}

async function send(path, options = {}, retried = false) {
  const headers = new Headers(options.headers || {});
  headers.set('Authorization', 'Bearer ' + await accessToken());
  if (!headers.has('Accept')) headers.set('Accept', 'application/json, application/problem+json');
  const res = await fetch(path, {...options, headers});
  if (res.status === 401 && !retried) {
    await refreshNow();
    return send(path, options, true);
  }
  if (!res.ok) {
    const type = res.headers.get('Content-Type') || '';
    const problem = type.includes('json') ? await res.json().catch(() => null) : null;
    throw new ApiError(res.status, problem);
  }
  return res;
}

export async function getJson(path) {
  return (await send(path)).json();
}

export async function postJson(path, body) {
  const res = await send(path, {
    method: 'POST',
    headers: {'Content-Type': 'application/json'},
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return res.status === 204 ? null : res.json();
}

export async function postForm(path, formData) {
  return (await send(path, {method: 'POST', body: formData})).json();
}

/** The bytes of an authenticated download, as a Blob. */
export async function getBlob(path) {
  return (await send(path, {headers: {Accept: '*/*'}})).blob();
}

/** Every event of a job's history (paged through). */
export async function jobHistory(jobId) {
  const all = [];
  let after = '';
  for (;;) {
    const page = await getJson('/api/jobs/' + encodeURIComponent(jobId) + '/events?limit=1000' + (after ? '&after=' + encodeURIComponent(after) : ''));
    all.push(...page.items);
    if (page.items.length < 1000) return all;
    after = page.items[page.items.length - 1].position;
  }
}
