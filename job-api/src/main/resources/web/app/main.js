// The dashboard's entry point: configuration, login, the page shell, the live connection and a
// small history-API router over the views (jobs, job monitor, images).
import {initAuth, logout, login} from './lib/auth.js';
import {getJson} from './lib/api.js';
import {startLive, onConnectionState, subscribe, dropConnection, connectionState, lastPosition} from './lib/live.js';
import {h, clear, toast} from './lib/dom.js';
import {mountJobs} from './views/jobs.js';
import {mountJob} from './views/job.js';
import {mountImages} from './views/images.js';

const BADGE_TEXT = {live: 'Live', connecting: 'Connecting…', reconnecting: 'Reconnecting…', offline: 'Offline'};

let main = null;
let unmountView = null;
let session = null; // {me: {sub, username, roles}, admin}

function route(path) {
  let m;
  if (path === '/' || path === '/jobs' || path === '/jobs/') return {view: mountJobs, title: 'Jobs', nav: 'jobs'};
  if ((m = path.match(/^\/jobs\/([A-Za-z0-9._:-]{1,128})\/?$/))) return {view: mountJob, params: {id: m[1]}, title: 'Job', nav: 'jobs'};
  if (path === '/images' || path === '/images/') return {view: mountImages, title: 'Images', nav: 'images'};
  return null;
}

export function navigate(path, replace = false) {
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  render();
}

function render() {
  if (unmountView) {
    try { unmountView(); } catch (e) { console.warn('unmount failed', e); }
    unmountView = null;
  }
  clear(main);
  const r = route(location.pathname);
  for (const a of document.querySelectorAll('nav.main-nav a')) {
    if (r && a.dataset.nav === r.nav) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  if (!r) {
    document.title = 'Not found · Stagewire';
    main.append(h('section.card.not-found', h('h1', 'Page not found'), h('p', h('a', {href: '/'}, 'Back to your jobs'))));
    return;
  }
  document.title = r.title + ' · Stagewire';
  unmountView = r.view(main, {...(r.params || {}), session, navigate}) || null;
  main.focus({preventScroll: true});
}

function shell() {
  const badge = h('span.badge#connection', {role: 'status', 'aria-live': 'polite', title: 'Live connection to the progress gateway'});
  onConnectionState(state => {
    badge.dataset.state = state;
    badge.textContent = BADGE_TEXT[state] || state;
  });
  const header = h('header.topbar',
    h('a.brand', {href: '/'}, h('span.logo', {'aria-hidden': 'true'}, '◧'), 'Stagewire'),
    h('nav.main-nav', {'aria-label': 'Main'},
      h('a', {href: '/', dataset: {nav: 'jobs'}}, 'Jobs'),
      h('a', {href: '/images', dataset: {nav: 'images'}}, 'Images')),
    h('div.session',
      badge,
      h('span.user#user', {title: session.me.sub}, session.me.username + (session.admin ? ' (admin)' : '')),
      h('button.link#logout', {type: 'button', onclick: () => logout()}, 'Log out')));
  main = h('main#main', {tabindex: '-1'});
  const app = document.getElementById('app');
  clear(app).append(h('a.skip', {href: '#main'}, 'Skip to content'), header, main);
}

function interceptLinks() {
  document.addEventListener('click', ev => {
    if (ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
    const a = ev.target.closest('a');
    if (!a || a.target || a.hasAttribute('download') || a.origin !== location.origin) return;
    if (a.getAttribute('href').startsWith('#')) return;
    if (!route(a.pathname)) return;
    ev.preventDefault();
    navigate(a.pathname + a.search);
  });
  window.addEventListener('popstate', render);
}

/** Toasts for the user's own jobs finishing, on whatever page is open. */
function finishToasts() {
  subscribe('user:' + session.me.sub, {
    event(frame) {
      const link = h('a', {href: '/jobs/' + encodeURIComponent(frame.jobId)}, 'job ' + String(frame.jobId).slice(0, 8));
      if (frame.type === 'job:completed') {
        toast(h('span', 'Completed: ', link, ' — ' + (frame.data.labelsGenerated ?? 0) + ' labels'), 'success');
      } else if (frame.type === 'job:failed') {
        toast(h('span', 'Failed: ', link, frame.data.reason ? ' — ' + frame.data.reason : ''), 'error', 10000);
      }
    },
  });
}

function signedOutPage() {
  const app = document.getElementById('app');
  clear(app).append(h('main.signed-out',
    h('section.card',
      h('h1', 'Stagewire'),
      h('p', 'You are signed out.'),
      h('button.primary#login', {type: 'button', onclick: () => login('/')}, 'Log in'))));
}

async function boot() {
  const app = document.getElementById('app');
  try {
    const config = await (await fetch('/dashboard/config.json')).json();
    const signedIn = await initAuth(config);
    if (!signedIn) {
      signedOutPage();
      return;
    }
    const me = await getJson('/api/me');
    session = {me, admin: (me.roles || []).includes('admin')};
    shell();
    interceptLinks();
    startLive(config.gatewayUrl);
    finishToasts();
    // For people debugging and for the browser tests: read the connection, cut it on purpose.
    window.stagewire = {dropConnection, connectionState, lastPosition};
    render();
  } catch (e) {
    console.warn('dashboard failed to start', e);
    clear(app).append(h('main.signed-out', h('section.card.error',
      h('h1', 'Stagewire is not reachable'), h('p', e.message || String(e)),
      h('button.primary', {type: 'button', onclick: () => location.reload()}, 'Try again'))));
  }
}

boot();
