// Review (issue 15, item 5): the job's items whose label should not be trusted without a look — unmatched,
// ambiguous, unlabelled, or where the product page states another value than OCR read. The owner picks the
// price-list row or types the article number and/or price; job-api sends the label request again, and every viewer
// sees the answer live (match:found "manual", label:generated) in the OCR table and the labels. The list itself is
// read from REST: at start, and at most once per REFRESH_MS after an event that adds an item or touches a listed one
// (a job that goes well costs its viewers no reads).
import {getJson, postJson, ApiError} from '../lib/api.js';
import {loadImage} from '../lib/files.js';
import {h, clear, formatMoney, toast} from '../lib/dom.js';
import {openViewer} from './viewer.js';

const REFRESH_MS = 1000;
const NEEDS = {
  ambiguous: 'Ambiguous match',
  unmatched: 'No price-list row',
  'no-article-number': 'No article number read',
  'label-failed': 'No label',
  disagreement: 'Page states otherwise',
};
const FIELD_NAMES = {articleNumber: 'article number', name: 'name', price: 'price', currency: 'currency', ean: 'EAN'};

/** The review card of job {id}; {el} to place, {changed()} to call when events may have changed the list. */
export function reviewPanel(id, {hasPriceList}) {
  const path = '/api/jobs/' + encodeURIComponent(id) + '/review';
  const count = h('span.count#review-count', '0');
  const list = h('ol.review-list#review-items');
  const empty = h('p.muted#review-empty', 'Nothing to review.');
  const el = h('section.card.review#review', h('h2', 'Review ', count),
    h('p.muted', hasPriceList
      ? 'Choose the price-list row for items that matched none or more than one, and check where the page states another value. The label is made again.'
      : 'Set the article number or price where OCR read none or the page states another value. The label is made again.'),
    empty, list);
  const cards = new Map(); // screenshotId -> {item, el}
  let timer = null;
  let everListed = false; // once shown, the card stays (saying "Nothing to review") rather than vanish under the user

  async function load() {
    try {
      const items = await getJson(path);
      render(items);
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 404)) toast('Review list not loaded: ' + e.message, 'error');
    }
  }

  function render(items) {
    const seen = new Set();
    let previous = null;
    for (const item of items) {
      seen.add(item.screenshotId);
      const known = cards.get(item.screenshotId);
      // A card being edited stays as it is, unless what it is about changed.
      if (known && JSON.stringify(known.item) === JSON.stringify(item)) {
        previous = known.el;
        continue;
      }
      const card = itemCard(item);
      if (known) known.el.replaceWith(card);
      else list.insertBefore(card, previous ? previous.nextSibling : list.firstChild);
      cards.set(item.screenshotId, {item, el: card});
      previous = card;
    }
    for (const [key, entry] of cards) {
      if (!seen.has(key)) {
        entry.el.remove();
        cards.delete(key);
      }
    }
    count.textContent = String(cards.size);
    empty.hidden = cards.size > 0;
    el.hidden = cards.size === 0 && !everListed;
    everListed = everListed || cards.size > 0;
  }

  function itemCard(item) {
    const r = item.reading || {};
    const m = r.match || {};
    const shot = item.screenshot;
    const articleInput = h('input.mono', {name: 'articleNumber', type: 'text', maxLength: 128, autocomplete: 'off',
      value: hasPriceList ? '' : (r.articleNumber || ''), placeholder: (item.candidates && item.candidates[0] && item.candidates[0].articleNumber) || r.articleNumber || 'ART-10234',
      'aria-label': 'Article number'});
    const priceInput = h('input', {name: 'price', type: 'text', inputMode: 'decimal', placeholder: r.price != null ? Number(r.price).toFixed(2) : '0.00',
      'aria-label': 'Price the shop shows'});
    const error = h('p.error.review-error', {hidden: true, role: 'alert'});
    const submit = h('button.primary', {type: 'submit'}, 'Make label');
    const candidates = (item.candidates || []).map(c => h('button.candidate', {type: 'button', dataset: {articleNumber: c.articleNumber},
      onclick: () => { articleInput.value = c.articleNumber; articleInput.focus(); }},
    h('span.mono', c.articleNumber), c.name ? ' · ' + c.name : '', c.price != null ? ' · ' + formatMoney(c.price, c.currency || r.currency) : ''));
    const form = h('form.review-form', {onsubmit: event => { event.preventDefault(); send(item, articleInput, priceInput, error, submit); }},
      h('label', h('span', hasPriceList ? 'Price-list row' : 'Article number'), articleInput),
      h('label', h('span', 'Price'), priceInput),
      submit);
    const thumb = shot ? h('button.review-shot', {type: 'button', title: 'Enlarge the screenshot',
      onclick: () => openViewer({fileId: shot.fileId, caption: shot.productName || shot.productUrl || ''})},
    h('img', {alt: shot.productName || 'Screenshot', loading: 'lazy', width: '160', height: '100'})) : null;
    if (thumb) loadImage(thumb.querySelector('img'), shot.fileId);
    return h('li.review-item', {dataset: {screenshotId: item.screenshotId, needs: item.needs.join(' ')}},
      thumb,
      h('div.review-body',
        h('div.review-tags', item.needs.map(n => h('span.tag.tag-bad', {dataset: {need: n}}, NEEDS[n] || n))),
        h('p.review-title', shot && shot.productUrl ? h('a', {href: shot.productUrl, target: '_blank', rel: 'noopener noreferrer'},
          (shot && shot.productName) || r.name || shot.productUrl) : (r.name || item.screenshotId)),
        h('dl.ocr-fields',
          h('dt', 'Read'), h('dd', h('span.mono', r.articleNumber || '—'), ' · ', r.price != null ? formatMoney(r.price, r.currency) : 'no price'),
          m.reason ? [h('dt', 'Match'), h('dd.review-reason', m.reason)] : null,
          m.status === 'matched' ? [h('dt', 'Matched'), h('dd', h('span.mono', m.articleNumber || ''), m.matchedBy ? ' (' + m.matchedBy + ')' : '')] : null,
          item.label && item.label.status === 'failed' ? [h('dt', 'Label'), h('dd.review-reason', item.label.reason || 'failed')] : null,
          (r.disagreements || []).map(d => [h('dt', 'Page'), h('dd.review-disagreement', {dataset: {field: d.field}},
            'states ' + (FIELD_NAMES[d.field] || d.field) + ' ', h('strong', d.stated), ', read ', h('strong', d.read ?? 'nothing'))])),
        candidates.length ? h('div.candidates', h('span.muted', 'Close rows: '), candidates) : null,
        form, error));
  }

  async function send(item, articleInput, priceInput, error, submit) {
    const body = {};
    const article = articleInput.value.trim();
    const price = priceInput.value.trim().replace(',', '.');
    if (article) body.articleNumber = article;
    if (price) body.price = price;
    error.hidden = true;
    submit.disabled = true;
    try {
      await postJson('/api/jobs/' + encodeURIComponent(id) + '/review/' + encodeURIComponent(item.screenshotId), body);
      toast('Making the label for ' + (article || item.reading.articleNumber || 'the item') + ' again', 'success');
      changed();
    } catch (e) {
      const fields = e instanceof ApiError ? e.fieldErrors : {};
      error.textContent = Object.keys(fields).length ? Object.values(fields).join('; ') : e.message;
      error.hidden = false;
    } finally {
      submit.disabled = false;
    }
  }

  /** Events changed what the list may hold: read it again, at most once per REFRESH_MS. */
  function changed() {
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      load();
    }, REFRESH_MS);
  }

  /** A live event: read the list again when it can add an item, or change one that is listed. */
  function onEvent(frame) {
    const d = frame.data || {};
    switch (frame.type) {
      case 'match:failed':
      case 'label:failed':
        changed();
        break;
      case 'ocr:completed':
        if (d.disagreements && d.disagreements.length) changed();
        break;
      case 'match:found':
      case 'label:generated':
        if (cards.has(d.screenshotId)) changed();
        break;
      default:
    }
  }

  el.hidden = true;
  load();
  return {el, onEvent, stop: () => clearTimeout(timer)};
}
