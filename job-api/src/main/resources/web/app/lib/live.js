// One WebSocket to the progress gateway for the whole page, shared by every view.
// It authenticates through the `bearer-token-carrier` subprotocol (never a token in the URL),
// remembers the last `position` of each subscription, and after any drop — network loss, 4001
// token expiry, 4008 slow consumer, a token refresh — connects again with exponential backoff and
// jitter and resubscribes every channel with `since` = that position. Events already seen are
// dropped again on the client (job channels by offset, user channels by event id), so a view
// never shows a row twice. Protocol: docs/protocol.md; design: docs/dashboard.md.
import {accessToken, onTokenRefreshed, refreshNow} from './auth.js';

const BACKOFF_BASE_MS = 500;
const BACKOFF_MAX_MS = 15000;
const OFFLINE_AFTER_ATTEMPTS = 4;
const PING_EVERY_MS = 30000;
const PONG_TIMEOUT_MS = 10000;
const SEEN_IDS_KEPT = 5000;

let gatewayUrl = null;
let socket = null;
let state = 'offline';
let attempt = 0;
let retryTimer = null;
let pingTimer = null;
let pongTimer = null;
let started = false;
const channels = new Map(); // channel -> Subscription
const stateListeners = new Set();

class Subscription {
  constructor(channel, since, conflate) {
    this.channel = channel;
    this.since = since || null;
    this.conflate = Boolean(conflate);
    this.listeners = new Set();
    this.active = false;
    this.seenIds = new Set();
    this.retry = null;
  }

  /** Remembers the newest position; true when the event is new. */
  accept(frame) {
    if (frame.id) {
      if (this.seenIds.has(frame.id)) return false;
      this.seenIds.add(frame.id);
      if (this.seenIds.size > SEEN_IDS_KEPT) this.seenIds.delete(this.seenIds.values().next().value);
    }
    if (this.channel.startsWith('job:') && isJobPosition(frame.position) && isJobPosition(this.since)) {
      const [p, o, e] = split(frame.position);
      const [sp, so, se] = split(this.since);
      if (p === sp && e === se && o <= so) return false;
    }
    if (frame.position) this.since = frame.position;
    return true;
  }

  emit(kind, frame) {
    for (const l of this.listeners) {
      const fn = l[kind];
      if (fn) {
        try { fn(frame); } catch (e) { console.warn('live listener failed', e); }
      }
    }
  }
}

// A job position is `partition-offset`, tagged `~epoch` by the gateway (docs/protocol.md): offsets
// compare only within one epoch (a recreated topic starts again at 0).
function isJobPosition(p) {
  return typeof p === 'string' && /^\d+-\d+(~\w+)?$/.test(p);
}

function split(p) {
  const [position, epoch = ''] = p.split('~');
  const [a, b] = position.split('-');
  return [Number(a), Number(b), epoch];
}

function setState(next) {
  if (state === next) return;
  state = next;
  for (const l of stateListeners) l(state);
}

export function connectionState() {
  return state;
}

export function onConnectionState(listener) {
  stateListeners.add(listener);
  listener(state);
  return () => stateListeners.delete(listener);
}

/** Starts the connection; call once after login. */
export function startLive(url) {
  if (started) return;
  started = true;
  gatewayUrl = url;
  onTokenRefreshed(() => reconnectNow('token refreshed'));
  window.addEventListener('online', () => reconnectNow('back online'));
  window.addEventListener('offline', () => {
    setState('offline');
    if (socket) drop(socket, 3001, 'browser offline');
  });
  connect();
}

/**
 * Subscribes to a channel (or adds a listener to an existing subscription).
 * handlers: {event(frame), snapshot(frame), subscribed(frame), reset(frame), error(frame)}.
 * `since`: resume after this position (used when the channel is not subscribed yet).
 * `options.conflate`: ask the gateway to replace a queued job:progress of a job by a newer one
 * (docs/protocol.md) — only for a channel whose every listener just draws the latest progress;
 * it is fixed when the channel is first subscribed.
 * Returns a function that removes the listener (and unsubscribes when it was the last).
 */
export function subscribe(channel, handlers, since, options = {}) {
  let sub = channels.get(channel);
  if (!sub) {
    sub = new Subscription(channel, since, options.conflate);
    channels.set(channel, sub);
    if (socket && socket.readyState === WebSocket.OPEN) sendSubscribe(sub);
  }
  sub.listeners.add(handlers);
  return () => {
    sub.listeners.delete(handlers);
    if (sub.listeners.size === 0 && channels.get(channel) === sub) {
      channels.delete(channel);
      clearTimeout(sub.retry);
      if (sub.active && socket && socket.readyState === WebSocket.OPEN) send({op: 'unsubscribe', channel});
    }
  };
}

/** The last position seen on a channel (what a resume would hand back as `since`). */
export function lastPosition(channel) {
  const sub = channels.get(channel);
  return sub ? sub.since : null;
}

function send(frame) {
  if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(frame));
}

function sendSubscribe(sub) {
  const frame = {op: 'subscribe', channel: sub.channel};
  if (sub.since) frame.since = sub.since;
  if (sub.conflate) frame.conflate = true;
  send(frame);
}

async function connect() {
  if (socket) return;
  clearTimeout(retryTimer);
  if (!navigator.onLine) {
    setState('offline');
    return;
  }
  setState(attempt === 0 && state !== 'reconnecting' ? 'connecting' : 'reconnecting');
  let token;
  try {
    token = await accessToken();
  } catch (e) {
    scheduleReconnect();
    return;
  }
  if (socket) return;
  const ws = new WebSocket(gatewayUrl, ['bearer-token-carrier',
    encodeURIComponent('quarkus-http-upgrade#Authorization#Bearer ' + token)]);
  socket = ws;
  ws.onopen = () => {
    if (socket !== ws) return;
    attempt = 0;
    setState('live');
    for (const sub of channels.values()) sendSubscribe(sub);
    schedulePing(ws);
  };
  ws.onmessage = msg => {
    if (socket !== ws) return;
    let frame;
    try { frame = JSON.parse(msg.data); } catch (e) { return; }
    handle(frame);
  };
  ws.onclose = ev => {
    if (socket !== ws) return;
    closed(ev.code);
  };
}

function closed(code) {
  socket = null;
  clearTimeout(pingTimer);
  clearTimeout(pongTimer);
  for (const sub of channels.values()) sub.active = false;
  if (code === 4001) {
    // The token expired on the gateway: a fresh one, then resume at once.
    setState('reconnecting');
    refreshNow().then(connect, () => scheduleReconnect());
    return;
  }
  scheduleReconnect();
}

function scheduleReconnect() {
  clearTimeout(retryTimer);
  if (!navigator.onLine) {
    setState('offline');
    return; // the 'online' event reconnects
  }
  attempt++;
  setState(attempt > OFFLINE_AFTER_ATTEMPTS ? 'offline' : 'reconnecting');
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** (attempt - 1));
  const delay = ceiling / 2 + Math.random() * ceiling / 2; // exponential backoff, jittered
  retryTimer = setTimeout(connect, delay);
}

function drop(ws, code, reason) {
  if (socket === ws) {
    ws.onclose = null;
    try { ws.close(code, reason); } catch (e) { /* already closing */ }
    closed(code);
  }
}

/** Closes the socket and connects again right away, resuming every subscription. */
export function reconnectNow(reason) {
  clearTimeout(retryTimer);
  attempt = 0;
  if (socket) {
    const ws = socket;
    ws.onclose = null;
    socket = null;
    for (const sub of channels.values()) sub.active = false;
    try { ws.close(1000, reason || 'reconnect'); } catch (e) { /* ignore */ }
  }
  setState('reconnecting');
  connect();
}

/** Test and debugging hook: cut the connection as a network drop would (then it resumes). */
export function dropConnection() {
  if (socket) drop(socket, 3000, 'dropped on purpose');
}

function schedulePing(ws) {
  clearTimeout(pingTimer);
  pingTimer = setTimeout(() => {
    if (socket !== ws) return;
    send({op: 'ping'});
    pongTimer = setTimeout(() => drop(ws, 3002, 'no pong'), PONG_TIMEOUT_MS);
  }, PING_EVERY_MS);
}

function handle(frame) {
  if (frame.type === 'pong') {
    clearTimeout(pongTimer);
    schedulePing(socket);
    return;
  }
  const sub = frame.channel ? channels.get(frame.channel) : null;
  if (!sub) return;
  switch (frame.type) {
    case 'subscribed':
      sub.active = true;
      if (frame.recovered === false) {
        sub.seenIds.clear();
        sub.since = null;
        sub.emit('reset', frame);
      }
      if (frame.position && !sub.since) sub.since = frame.position;
      sub.emit('subscribed', frame);
      break;
    case 'snapshot':
      if (frame.position) sub.since = frame.position;
      sub.emit('snapshot', frame);
      break;
    case 'unsubscribed':
      break;
    case 'error':
      if (frame.code === 'unavailable' || frame.code === 'rate_limited') {
        clearTimeout(sub.retry);
        sub.retry = setTimeout(() => { if (channels.get(sub.channel) === sub) sendSubscribe(sub); }, 1000 + Math.random() * 1000);
      } else {
        sub.emit('error', frame);
      }
      break;
    default:
      if (sub.accept(frame)) sub.emit('event', frame);
  }
}
