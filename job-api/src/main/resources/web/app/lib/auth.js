// Login with authorization code + PKCE (S256) against the OIDC provider, in the browser.
// Tokens live in memory only (never in a URL, never in localStorage): a reload goes through the
// provider again, which answers at once while its session lasts. docs/dashboard.md argues why.

const PENDING = 'stagewire.login';
const REFRESH_AHEAD = 0.7; // refresh when 70 % of the access token's lifetime has passed

let settings = null;      // {issuer, clientId}
let endpoints = null;     // from the provider's discovery document
let tokens = null;        // {access, refresh, id, expiresAt, claims}
let refreshTimer = null;
let refreshing = null;
const tokenListeners = new Set();

function base64url(bytes) {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString(n = 32) {
  return base64url(crypto.getRandomValues(new Uint8Array(n)));
}

async function challengeOf(verifier) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

function claimsOf(jwt) {
  const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  const json = decodeURIComponent(Array.from(atob(part), c => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join(''));
  return JSON.parse(json);
}

function redirectUri() {
  return location.origin + '/';
}

async function discover() {
  if (endpoints) return endpoints;
  const res = await fetch(settings.issuer + '/.well-known/openid-configuration');
  if (!res.ok) throw new Error('The login service is not reachable (' + res.status + ')');
  endpoints = await res.json();
  return endpoints;
}

async function tokenRequest(params) {
  const ep = await discover();
  const res = await fetch(ep.token_endpoint, {
    method: 'POST',
    headers: {'Content-Type': 'application/x-www-form-urlencoded'},
    body: new URLSearchParams({client_id: settings.clientId, ...params}),
  });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) {
    const err = new Error(body.error_description || body.error || 'token request failed: ' + res.status);
    err.oidcError = body.error;
    throw err;
  }
  return body;
}

function accept(body) {
  const claims = claimsOf(body.access_token);
  const lifetime = body.expires_in ? body.expires_in * 1000 : claims.exp * 1000 - Date.now();
  tokens = {
    access: body.access_token,
    refresh: body.refresh_token || (tokens && tokens.refresh),
    id: body.id_token || (tokens && tokens.id),
    expiresAt: Date.now() + lifetime,
    claims,
  };
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => refreshNow().catch(() => {}), Math.max(5000, lifetime * REFRESH_AHEAD));
  for (const listener of tokenListeners) {
    try { listener(tokens.access); } catch (e) { console.warn('token listener failed', e); }
  }
}

/** Starts the provider's login page; comes back to the current page. */
export async function login(returnTo = location.pathname + location.search) {
  const ep = await discover();
  const verifier = randomString(48);
  const state = randomString(16);
  sessionStorage.setItem(PENDING, JSON.stringify({verifier, state, returnTo}));
  const url = new URL(ep.authorization_endpoint);
  url.search = new URLSearchParams({
    client_id: settings.clientId,
    response_type: 'code',
    scope: 'openid',
    redirect_uri: redirectUri(),
    state,
    code_challenge: await challengeOf(verifier),
    code_challenge_method: 'S256',
  }).toString();
  location.assign(url.toString());
  return new Promise(() => {}); // the page is leaving
}

/** Ends the provider's session too, then lands on the signed-out page. */
export async function logout() {
  const ep = await discover();
  const idToken = tokens && tokens.id;
  tokens = null;
  clearTimeout(refreshTimer);
  const url = new URL(ep.end_session_endpoint);
  const params = {client_id: settings.clientId, post_logout_redirect_uri: location.origin + '/?signed-out'};
  if (idToken) params.id_token_hint = idToken;
  url.search = new URLSearchParams(params).toString();
  location.assign(url.toString());
}

/**
 * Call once at start. Finishes a login coming back from the provider, else starts one (unless the
 * user just signed out). Resolves true when there is a token.
 */
export async function initAuth(config) {
  settings = {issuer: config.issuer, clientId: config.clientId};
  const params = new URLSearchParams(location.search);
  if (params.has('signed-out')) return false;
  if (params.has('code') || params.has('error')) {
    const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
    sessionStorage.removeItem(PENDING);
    if (params.has('error')) throw new Error('Login failed: ' + (params.get('error_description') || params.get('error')));
    if (!pending || pending.state !== params.get('state')) {
      history.replaceState(null, '', '/');
      return login('/');
    }
    const body = await tokenRequest({
      grant_type: 'authorization_code',
      code: params.get('code'),
      redirect_uri: redirectUri(),
      code_verifier: pending.verifier,
    });
    history.replaceState(null, '', pending.returnTo || '/');
    accept(body);
    return true;
  }
  return login();
}

/** Refreshes now (one request at a time); on failure the session is over: log in again. */
export function refreshNow() {
  if (!tokens || !tokens.refresh) return login();
  if (!refreshing) {
    refreshing = tokenRequest({grant_type: 'refresh_token', refresh_token: tokens.refresh})
      .then(accept)
      .catch(err => {
        if (err.oidcError === 'invalid_grant') return login();
        throw err;
      })
      .finally(() => { refreshing = null; });
  }
  return refreshing;
}

/** A current access token, refreshed first when it is about to expire. */
export async function accessToken() {
  if (!tokens) await login();
  if (tokens.expiresAt - Date.now() < 10000) await refreshNow();
  return tokens.access;
}

/** Called with each new access token (after login and after every refresh). */
export function onTokenRefreshed(listener) {
  tokenListeners.add(listener);
  return () => tokenListeners.delete(listener);
}

export function currentClaims() {
  return tokens ? tokens.claims : null;
}
