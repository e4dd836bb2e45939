// Small DOM helpers shared by the views: an element builder, formatting, toasts.

/** h('div.card#x', {onclick, ...attrs}, ...children): children may be strings, nodes, arrays, null. */
export function h(spec, attrs, ...children) {
  const tag = spec.match(/^[a-z0-9]*/)[0];
  const el = document.createElement(tag || 'div');
  for (const [, mark, name] of spec.slice(tag.length).matchAll(/([.#])([^.#]+)/g)) {
    if (mark === '#') el.id = name;
    else el.classList.add(name);
  }
  if (attrs && (attrs.constructor !== Object)) {
    children.unshift(attrs);
    attrs = null;
  }
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k === 'text') el.textContent = v;
    else if (k === 'class') el.className += (el.className ? ' ' : '') + v;
    else if (k in el && typeof v !== 'string') el[k] = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

export function clear(el) {
  while (el.firstChild) el.firstChild.remove();
  return el;
}

export function formatDuration(ms) {
  if (ms === null || ms === undefined || isNaN(ms)) return '';
  if (ms < 1000) return Math.round(ms) + ' ms';
  const s = ms / 1000;
  if (s < 60) return s.toFixed(s < 10 ? 1 : 0) + ' s';
  const m = Math.floor(s / 60);
  return m + ' min ' + Math.round(s - m * 60) + ' s';
}

export function formatTime(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return d.toLocaleString(undefined, {dateStyle: 'short', timeStyle: 'medium'});
}

export function formatMoney(value, currency) {
  if (value === null || value === undefined || value === '') return '';
  const n = Number(value);
  try {
    return new Intl.NumberFormat(undefined, {style: 'currency', currency: currency || 'EUR'}).format(n);
  } catch (e) {
    return n.toFixed(2) + (currency ? ' ' + currency : '');
  }
}

export function percent(value) {
  const n = Math.max(0, Math.min(100, Number(value) || 0));
  return (Math.round(n * 10) / 10) + ' %';
}

const STATUS_LABELS = {
  pending: 'Queued', crawling: 'Crawling', 'processing-ocr': 'Reading (OCR)', matching: 'Matching',
  rendering: 'Rendering labels', completed: 'Completed', failed: 'Failed', cancelled: 'Cancelled',
};

export function statusLabel(status) {
  return STATUS_LABELS[status] || status || '';
}

export function statusBadge(status) {
  return h('span.status', {class: 'status-' + (status || 'unknown'), dataset: {status: status || ''}}, statusLabel(status));
}

export function progressBar(value, label) {
  const n = Math.max(0, Math.min(100, Number(value) || 0));
  // Width through the CSSOM, not a style attribute: the page's Content-Security-Policy allows no inline styles.
  const fill = h('div.progress-fill');
  fill.style.width = n + '%';
  return h('div.progress', {role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': '100',
    'aria-valuenow': String(n), 'aria-label': label || 'Progress'},
  fill,
  h('span.progress-text', percent(n)));
}

export function setProgress(bar, value) {
  const n = Math.max(0, Math.min(100, Number(value) || 0));
  bar.setAttribute('aria-valuenow', String(n));
  bar.querySelector('.progress-fill').style.width = n + '%';
  bar.querySelector('.progress-text').textContent = percent(n);
}

/** A short message in the corner; kind: info | success | error. */
export function toast(message, kind = 'info', timeoutMs = 6000) {
  let box = document.getElementById('toasts');
  if (!box) {
    box = h('div#toasts', {role: 'status', 'aria-live': 'polite'});
    document.body.append(box);
  }
  const close = () => item.remove();
  const item = h('div.toast', {class: 'toast-' + kind}, h('span', message),
    h('button.toast-close', {type: 'button', 'aria-label': 'Dismiss', onclick: close}, '×'));
  box.append(item);
  if (timeoutMs) setTimeout(close, timeoutMs);
  return item;
}

export function isFinal(status) {
  return status === 'completed' || status === 'failed' || status === 'cancelled';
}
